/**
 * Every shipped theme drives the real UI: with `"theme": NAME` in the user's config, the sidebar, the
 * divider and the status bar are drawn in that theme's colours, on a 256-colour and on a 16-colour
 * terminal, as read back from the cells of the harness's terminal.
 *
 * The expected colours come from the theme file itself, resolved for the terminal's depth; the snapshot
 * also pins down the sidebar's text and the cells' colours, so a change to either shows in review.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IBufferCell } from '@xterm/headless';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ColorDepth } from '../../src/core/screen/color.js';
import { parseTheme } from '../../src/core/config/schema-checks.js';
import type { ColorSpec } from '../../src/core/theme/color-spec.js';
import { resolveColor } from '../../src/core/theme/resolve-theme.js';
import type { Theme } from '../../src/core/theme/theme.js';
import type { TestTerminal } from './harness.js';
import { groveSandbox, type GroveSandbox } from './grove.js';

const THEMES = ['default', 'light', 'solarized-dark', 'high-contrast', 'mono'] as const;
const TERMINALS = [
  { depth: '256', TERM: 'xterm-256color' },
  { depth: '16', TERM: 'xterm' },
] as const;
const COLS = 80;
const ROWS = 12;

function themeFile(name: string): Theme {
  const file = `themes/${name}.json`;
  const parsed = parseTheme({ file, text: readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8') });
  if (!parsed.ok) throw new Error(`${file} is not a valid theme`);
  return parsed.value;
}

/** How a cell is painted, as the terminal holds it: `S fg:7 bg:default`, colours by palette index. */
function lookOf(cell: IBufferCell): string {
  const color = (isDefault: boolean, isPalette: boolean, value: number): string =>
    isDefault ? 'default' : isPalette ? String(value) : `#${value.toString(16).padStart(6, '0')}`;
  const fg = color(cell.isFgDefault(), cell.isFgPalette(), cell.getFgColor());
  const bg = color(cell.isBgDefault(), cell.isBgPalette(), cell.getBgColor());
  return `${cell.getChars()} fg:${fg} bg:${bg}${cell.isInverse() ? ' reverse' : ''}`;
}

function cellAt(t: TestTerminal, row: number, col: number): string {
  const cell = t.term.buffer.active.getLine(t.term.buffer.active.viewportY + row)?.getCell(col);
  if (!cell) throw new Error(`no cell at ${row},${col}\n${t.snapshot()}`);
  return lookOf(cell);
}

/** What the theme says a cell looks like on this terminal; `marked` cells are reversed in a reverse-video theme. */
function expectedLook(theme: Theme, depth: ColorDepth, char: string, fg: ColorSpec, bg: ColorSpec, marked = false): string {
  if (marked && theme.reverseVideo) return `${char} fg:default bg:default reverse`;
  return `${char} fg:${resolveColor(fg, depth)} bg:${resolveColor(bg, depth)}`;
}

describe.each(THEMES)('the %s theme', (name) => {
  let sandbox: GroveSandbox;
  beforeEach(() => {
    sandbox = groveSandbox();
    mkdirSync(join(sandbox.env.XDG_CONFIG_HOME!, 'grove'), { recursive: true });
    writeFileSync(join(sandbox.env.XDG_CONFIG_HOME!, 'grove', 'config.json'), JSON.stringify({ theme: name }));
  });
  afterEach(() => sandbox.dispose());

  it.each(TERMINALS)('colours the sidebar, the divider and the status bar on a $depth-colour terminal', async ({ depth, TERM }) => {
    sandbox.env.TERM = TERM;
    delete sandbox.env.COLORTERM;
    const t = await sandbox.open({ cols: COLS, rows: ROWS });
    await t.waitForText('Sessions (1)');
    await sandbox.cli(['new', '--name', 'second', '--', 'sh', '-c', 'exit 3']);
    await t.waitForText(/idle <1m[\s\S]*exit 3 <1m/);

    const sidebarWidth = t.row(1).indexOf('│');
    const rows = Array.from({ length: 5 }, (_, row) => t.row(row).slice(0, sidebarWidth).trimEnd());
    expect(rows).toEqual([
      ' Sessions (2)',
      expect.stringMatching(/^0 ○ bash +ws$/),
      expect.stringMatching(/^ {3}\/bin\/bash +idle <1m$/),
      // Ended while another session had focus: marked as needing the user.
      expect.stringMatching(/^1 ✕ second +! ws$/),
      expect.stringMatching(/^ {3}sh -c 'exi… exit 3 <1m$/),
    ]);

    const hint = t.row(ROWS - 1).indexOf('C-b ? help');
    const cells = {
      heading: cellAt(t, 0, 1),
      focusedEntry: cellAt(t, 1, 0),
      focusedDetail: cellAt(t, 2, 3),
      entry: cellAt(t, 3, 0),
      statusSymbol: cellAt(t, 3, 2),
      detail: cellAt(t, 4, 3),
      divider: cellAt(t, 1, sidebarWidth),
      statusBar: cellAt(t, ROWS - 1, 1),
      statusBarHint: cellAt(t, ROWS - 1, hint),
    };
    const theme = themeFile(name);
    const { sidebar, status, border, statusBar } = theme;
    expect(cells).toEqual({
      heading: expectedLook(theme, depth, 'S', sidebar.fg, sidebar.bg),
      focusedEntry: expectedLook(theme, depth, '0', sidebar.focusedFg, sidebar.focusedBg, true),
      focusedDetail: expectedLook(theme, depth, '/', sidebar.focusedFg, sidebar.focusedBg, true),
      entry: expectedLook(theme, depth, '1', sidebar.fg, sidebar.bg),
      statusSymbol: expectedLook(theme, depth, '✕', status.exited, sidebar.bg),
      detail: expectedLook(theme, depth, 's', sidebar.dim, sidebar.bg),
      divider: expectedLook(theme, depth, '│', border.unfocused, 'default'),
      statusBar: expectedLook(theme, depth, 'g', statusBar.fg, statusBar.bg, true),
      statusBarHint: expectedLook(theme, depth, 'C', statusBar.accent, statusBar.bg, true),
    });
    expect({ rows, cells }).toMatchSnapshot();
  });
});
