/**
 * Themes: every shipped theme is valid and resolves at every colour depth to values blessed takes,
 * colours degrade with the terminal, NO_COLOR gives the mono theme, and a bad theme file is reported
 * like a bad config file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatConfigError } from '../../src/core/config/errors.js';
import { detectColorDepth, nearest16, type ColorDepth } from '../../src/core/screen/color.js';
import { buildThemeCatalog } from '../../src/core/theme/catalog.js';
import { parseTheme } from '../../src/core/config/schema-checks.js';
import { themePreview } from '../../src/core/theme/preview.js';
import { resolveColor, resolveTheme, type BlessedColor } from '../../src/core/theme/resolve-theme.js';
import { THEME_PARTS, type Theme, type ThemePart } from '../../src/core/theme/theme.js';

const THEMES_DIR = new URL('../../themes/', import.meta.url);
const DEPTHS: readonly ColorDepth[] = ['truecolor', '256', '16', 'mono'];

function shippedTheme(name: string): Theme {
  const result = parseTheme({ file: `themes/${name}.json`, text: readFileSync(new URL(`${name}.json`, THEMES_DIR), 'utf8') });
  if (!result.ok) throw new Error(result.errors.map(formatConfigError).join('\n'));
  return result.value;
}

function colorsOf(resolved: ReturnType<typeof resolveTheme>): BlessedColor[] {
  return (Object.keys(THEME_PARTS) as ThemePart[]).flatMap((part) => Object.values(resolved[part]) as BlessedColor[]);
}

/** Whether a resolved colour is something this depth can show. */
function fits(color: BlessedColor, depth: ColorDepth): boolean {
  if (color === 'default') return true;
  if (depth === 'mono') return false;
  if (typeof color === 'string') return depth === 'truecolor' && /^#[0-9a-f]{6}$/u.test(color);
  return Number.isInteger(color) && color >= 0 && color < (depth === '16' ? 16 : 256);
}

describe('shipped themes', () => {
  const names = readdirSync(THEMES_DIR).filter((file) => file.endsWith('.json')).map((file) => file.slice(0, -5));

  it('include the five the documentation promises', () => {
    expect(names).toEqual(expect.arrayContaining(['default', 'light', 'solarized-dark', 'high-contrast', 'mono']));
  });

  it.each(names)('%s is valid and resolves at every depth to colours that depth can show', (name) => {
    const theme = shippedTheme(name);
    for (const depth of DEPTHS) {
      const resolved = resolveTheme(theme, depth);
      const colors = colorsOf(resolved);
      expect(colors).toHaveLength(Object.values(THEME_PARTS).flat().length);
      expect(colors.filter((color) => !fits(color, depth))).toEqual([]);
      expect(resolved.depth).toBe(depth);
    }
  });

  it('tell focus apart from the rest in every theme', () => {
    for (const name of names) {
      const resolved = resolveTheme(shippedTheme(name), 'truecolor');
      const { focusedFg, focusedBg, fg, bg } = resolved.sidebar;
      expect(resolved.reverseVideo || focusedFg !== fg || focusedBg !== bg, name).toBe(true);
    }
  });
});

describe('colour resolution', () => {
  it('keeps hex exact on true-colour terminals and reduces it elsewhere', () => {
    expect(['truecolor', '256', '16', 'mono'].map((depth) => resolveColor('#ff0000', depth as ColorDepth))).toEqual([
      '#ff0000',
      196,
      nearest16(196),
      'default',
    ]);
    expect(resolveColor('#808080', '256')).toBe(244);
  });

  it('keeps names as the terminal\'s own palette entries at every depth', () => {
    expect(DEPTHS.map((depth) => resolveColor('bright-blue', depth))).toEqual([12, 12, 12, 'default']);
    expect(resolveColor('grey', '16')).toBe(8);
    expect(resolveColor('default', 'truecolor')).toBe('default');
  });

  it('reduces palette indexes to the 16 system colours on a 16-colour terminal', () => {
    expect(resolveColor(208, '256')).toBe(208);
    expect(resolveColor(208, '16')).toBe(nearest16(208));
    expect(resolveColor(3, '16')).toBe(3);
  });

  it('NO_COLOR selects the mono theme, whatever the configured theme', () => {
    const depth = detectColorDepth({ NO_COLOR: '1', COLORTERM: 'truecolor', TERM: 'xterm-256color' });
    expect(depth).toBe('mono');
    const { depth: _ignored, ...asMono } = resolveTheme(shippedTheme('solarized-dark'), depth);
    const { depth: _also, ...mono } = resolveTheme(shippedTheme('mono'), 'truecolor');
    expect(asMono).toEqual(mono);
    expect(mono.reverseVideo).toBe(true);
  });
});

describe('theme files with mistakes', () => {
  const good = shippedTheme('default');
  const problems = (value: unknown): string[] => {
    const result = parseTheme({ file: 'themes/mine.json', text: JSON.stringify(value) });
    return result.ok ? [] : result.errors.map(formatConfigError);
  };
  const expected = 'expected a colour: "#rrggbb", a name like "blue" or "bright-blue", "default", or 0–255';

  it('report a colour that is not a colour, suggesting a near name', () => {
    expect(problems({ ...good, sidebar: { ...good.sidebar, fg: 'reed' } })).toEqual([`themes/mine.json: sidebar.fg: ${expected} (did you mean "red"?)`]);
    expect(problems({ ...good, sidebar: { ...good.sidebar, fg: '#12345' } })).toEqual([`themes/mine.json: sidebar.fg: ${expected}`]);
    expect(problems({ ...good, diff: { ...good.diff, added: 256 } })).toEqual([`themes/mine.json: diff.added: ${expected}`]);
    expect(problems({ ...good, diff: { ...good.diff, added: true } })).toEqual([`themes/mine.json: diff.added: ${expected}`]);
  });

  it('report a missing part and an unknown one', () => {
    const { dialog: _dialog, ...withoutDialog } = good;
    expect(problems(withoutDialog)).toEqual(['themes/mine.json: dialog: missing']);
    expect(problems({ ...good, status: { ...good.status, wating: 'red' } })).toEqual([
      'themes/mine.json: status.wating: unknown key (did you mean "waiting"?)',
    ]);
  });
});

describe('theme catalog', () => {
  it('lets a user theme shadow the built-in of the same name', () => {
    const catalog = buildThemeCatalog(
      [{ name: 'default', file: 'themes/default.json', text: 'built-in' }, { name: 'light', file: 'themes/light.json', text: 'x' }],
      [{ name: 'default', file: '~/.config/grove/themes/default.json', text: 'mine' }, { name: 'neon', file: 'n', text: 'y' }],
    );
    expect([...catalog.keys()]).toEqual(['default', 'light', 'neon']);
    expect(catalog.get('default')).toMatchObject({ text: 'mine', origin: 'user', shadowsBuiltIn: true });
    expect(catalog.get('neon')).toMatchObject({ origin: 'user', shadowsBuiltIn: false });
  });
});

describe('theme preview', () => {
  const solarized = shippedTheme('solarized-dark');

  it('paints with as many colours as the terminal has', () => {
    expect(themePreview(resolveTheme(solarized, 'truecolor'))).toContain('\x1b[38;2;133;153;0m');
    expect(themePreview(resolveTheme(solarized, '256'))).toMatch(/\x1b\[38;5;\d+m/u);
    expect(themePreview(resolveTheme(solarized, '16'))).not.toMatch(/[34]8;/u);
  });

  it('is the same text, without escapes, when plain', () => {
    const plain = themePreview(resolveTheme(solarized, 'truecolor'), true);
    expect(plain).not.toContain('\x1b');
    expect(themePreview(resolveTheme(solarized, '256')).replace(/\x1b\[[\d;]*m/gu, '')).toBe(plain);
  });
});
