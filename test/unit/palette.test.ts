/**
 * The UI palette: a theme's colours as inks the views use, resolved for the terminal, at most 256 colours
 * (what the screen grid keeps), and reverse video wherever a colourless theme cannot mark with colour.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { paint, paletteFor, type Ink, type Palette } from '../../src/client/views/palette.js';
import { formatConfigError } from '../../src/core/config/errors.js';
import { nearest256, type ColorDepth } from '../../src/core/screen/color.js';
import { rgb } from '../../src/core/screen/frame.js';
import { parseTheme } from '../../src/core/config/schema-checks.js';
import type { Theme } from '../../src/core/theme/theme.js';

const THEMES_DIR = new URL('../../themes/', import.meta.url);
const NAMES = readdirSync(THEMES_DIR).filter((file) => file.endsWith('.json')).map((file) => file.slice(0, -5));
const DEPTHS: readonly ColorDepth[] = ['truecolor', '256', '16', 'mono'];

function shippedTheme(name: string): Theme {
  const result = parseTheme({ file: `themes/${name}.json`, text: readFileSync(new URL(`${name}.json`, THEMES_DIR), 'utf8') });
  if (!result.ok) throw new Error(result.errors.map(formatConfigError).join('\n'));
  return result.value;
}

/** Every ink of a palette, by its path: `sidebar.status.idle`. */
function inks(palette: Palette): Map<string, Ink> {
  const found = new Map<string, Ink>();
  const walk = (value: object, path: string): void => {
    if ('fg' in value && 'bg' in value) found.set(path, value as Ink);
    else for (const [key, inner] of Object.entries(value)) walk(inner as object, path ? `${path}.${key}` : key);
  };
  walk(palette, '');
  return found;
}

describe('paletteFor', () => {
  it.each(NAMES)('gives the %s theme colours the grid can hold at every depth', (name) => {
    for (const depth of DEPTHS) {
      const limit = depth === '16' ? 16 : 256;
      const outside = [...inks(paletteFor(shippedTheme(name), depth))].filter(
        ([, ink]) => ![ink.fg, ink.bg].every((color) => color === 'default' || (Number.isInteger(color) && color >= 0 && color < limit)),
      );
      expect(outside, depth).toEqual([]);
    }
  });

  it('paints each part in the colour the theme gives it', () => {
    const palette = paletteFor(shippedTheme('default'), '256');
    // default.json: green focus on the terminal's background, status symbols by status, black on green status bar.
    expect(palette.sidebar.focused).toMatchObject({ fg: 0, bg: 2 });
    expect(palette.sidebar.status.waiting).toMatchObject({ fg: 3, bg: 'default' });
    expect(palette.sidebar.status.dead).toMatchObject({ fg: 1, bg: 'default' });
    expect(palette.statusBar.bar).toMatchObject({ fg: 0, bg: 2 });
    expect(palette.dialog.field).toMatchObject({ fg: 7, bg: 4, underline: true });
    expect(palette.banner).toMatchObject({ fg: 0, bg: 3 });
    expect(palette.border.focused).toMatchObject({ fg: 2, bold: true });
  });

  it('gives a true-colour terminal the nearest of the 256 colours, as the grid holds no more', () => {
    const solarized = shippedTheme('solarized-dark');
    const focusedBg = nearest256(rgb(0x26, 0x8b, 0xd2));
    expect(paletteFor(solarized, 'truecolor').sidebar.focused.bg).toBe(focusedBg);
    expect(paletteFor(solarized, 'truecolor')).toEqual(paletteFor(solarized, '256'));
  });

  it('marks focus, the status bar and the banner with reverse video when there is no colour', () => {
    for (const palette of [paletteFor(shippedTheme('solarized-dark'), 'mono'), paletteFor(shippedTheme('mono'), '256')]) {
      for (const ink of [palette.sidebar.focused, palette.statusBar.bar, palette.banner, palette.border.focused]) {
        expect(ink).toMatchObject({ fg: 'default', bg: 'default', inverse: true });
      }
      expect([...inks(palette).values()].every((ink) => ink.fg === 'default' && ink.bg === 'default')).toBe(true);
      expect(palette.sidebar.text.inverse).toBeFalsy();
    }
  });

  it('is the same for NO_COLOR whatever the theme', () => {
    const mono = paletteFor(shippedTheme('mono'), 'mono');
    for (const name of NAMES) expect(paletteFor(shippedTheme(name), 'mono'), name).toEqual(mono);
  });
});

describe('paint', () => {
  it('wraps text in one SGR sequence and a reset', () => {
    expect(paint('hi', { fg: 3, bg: 'default' })).toBe('\x1b[33;49mhi\x1b[m');
    expect(paint('hi', { fg: 12, bg: 200, bold: true })).toBe('\x1b[1;94;48;5;200mhi\x1b[m');
    expect(paint('hi', { fg: 'default', bg: 'default', inverse: true, underline: true })).toBe('\x1b[4;7;39;49mhi\x1b[m');
  });

  it('leaves empty text empty', () => {
    expect(paint('', { fg: 1, bg: 2 })).toBe('');
  });
});
