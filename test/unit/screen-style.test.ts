/**
 * 24-bit colour from frame to bytes: styles interned in the style table, drawn at each colour depth, and
 * the table's cap, past which styles fall back to blessed's nearest-256 packing.
 */
import { describe, expect, it } from 'vitest';
import { drawLines } from '../../src/io/screen-draw.js';
import { DEFAULT_ATTR, packStyle, type ScreenLine } from '../../src/io/screen-grid.js';
import { STYLE_BASE, StyleTable, pack256, styles } from '../../src/io/screen-style.js';
import { reduceAttr, sgrTransition } from '../../src/io/screen-sgr.js';
import { Attr, DEFAULT_COLOR, rgb, type Style } from '../../src/core/screen/frame.js';
import { nearest16, nearest256, type ColorDepth } from '../../src/core/screen/color.js';

const orange = rgb(255, 100, 0);
const navy = rgb(10, 20, 90);
const style: Style = { fg: orange, bg: navy, attrs: Attr.BOLD };

/** Draws one cell of `attr` on a screen that shows a blank. */
function drawCell(attr: number, depth: ColorDepth): string {
  const line = [[attr, 'x']] as ScreenLine;
  line.dirty = true;
  return drawLines([line], [[[DEFAULT_ATTR, ' ']] as ScreenLine], depth);
}

describe('the style table', () => {
  it('interns styles with a 24-bit colour, the same style always to the same id', () => {
    const table = new StyleTable(8);
    const id = table.pack(style);
    expect(id).toBeGreaterThanOrEqual(STYLE_BASE);
    expect(table.pack({ ...style })).toBe(id);
    expect(table.pack({ ...style, attrs: 0 })).not.toBe(id);
    expect(table.pack({ ...style, bg: DEFAULT_COLOR })).not.toBe(id);
    expect(table.size).toBe(3);
    expect([table.flags(id), table.fg(id), table.bg(id), table.packed(id)]).toEqual([Attr.BOLD, orange, navy, pack256(style)]);
  });

  it('keeps blessed packing for styles without 24-bit colour, and never stores them', () => {
    const table = new StyleTable(8);
    expect(table.pack({ fg: 208, bg: DEFAULT_COLOR, attrs: Attr.ITALIC })).toBe((Attr.ITALIC << 18) | (208 << 9) | 0x1ff);
    expect(table.size).toBe(0);
  });

  it('falls back to the nearest-256 packing once full, and keeps the ids it gave out', () => {
    const table = new StyleTable(2);
    const first = table.pack({ fg: rgb(1, 1, 1), bg: DEFAULT_COLOR, attrs: 0 });
    const second = table.pack({ fg: rgb(2, 2, 2), bg: DEFAULT_COLOR, attrs: 0 });
    const third = table.pack(style);
    expect([first, second]).toEqual([STYLE_BASE, STYLE_BASE + 1]);
    expect(third).toBe(pack256(style));
    expect(table.pack({ fg: rgb(1, 1, 1), bg: DEFAULT_COLOR, attrs: 0 })).toBe(first);
    expect(table.fg(first)).toBe(rgb(1, 1, 1));
    // The fallback draws like any 256-colour cell, even on a true-colour terminal.
    expect(drawCell(third, 'truecolor')).toBe(`\x1b[1H\x1b[1;38;5;${nearest256(orange)};48;5;${nearest256(navy)}mx\x1b[m`);
  });
});

describe('drawing 24-bit colour', () => {
  const attr = packStyle(style);

  it('uses the shared table from packStyle', () => {
    expect(styles.fg(attr)).toBe(orange);
  });

  it('sends 38;2 and 48;2 at truecolor', () => {
    expect(drawCell(attr, 'truecolor')).toBe('\x1b[1H\x1b[1;38;2;255;100;0;48;2;10;20;90mx\x1b[m');
  });

  it('sends the nearest 256 entries at 256', () => {
    expect(drawCell(attr, '256')).toBe(`\x1b[1H\x1b[1;38;5;${nearest256(orange)};48;5;${nearest256(navy)}mx\x1b[m`);
  });

  it('sends the nearest system colours at 16', () => {
    const [fg, bg] = [nearest16(nearest256(orange)), nearest16(nearest256(navy))];
    const code = (color: number, base: number): number => (color < 8 ? base + color : base + 60 + color - 8);
    expect(drawCell(attr, '16')).toBe(`\x1b[1H\x1b[1;${code(fg, 30)};${code(bg, 40)}mx\x1b[m`);
  });

  it('sends only the attributes in mono', () => {
    expect(drawCell(attr, 'mono')).toBe('\x1b[1H\x1b[1mx\x1b[m');
  });

  it('changes only the colour that differs between two interned styles, and between interned and packed', () => {
    const other = packStyle({ ...style, bg: navy, fg: rgb(0, 255, 0) });
    expect(sgrTransition(attr, other)).toBe('\x1b[38;2;0;255;0m');
    const palette = packStyle({ fg: 1, bg: navy, attrs: Attr.BOLD });
    expect(sgrTransition(palette, attr)).toBe('\x1b[38;2;255;100;0m');
    expect(sgrTransition(attr, packStyle({ fg: 1, bg: 2, attrs: Attr.BOLD }))).toBe('\x1b[31;42m');
    expect(reduceAttr(attr, 'truecolor')).toBe(attr);
  });
});
