/**
 * The renderer on its own: cell grids in, bytes out, no terminal involved.
 */
import { describe, expect, it } from 'vitest';
import { drawLines } from '../../src/io/screen-draw.js';
import { DEFAULT_ATTR, type ScreenCell, type ScreenLine } from '../../src/io/screen-grid.js';
import { Attr } from '../../src/core/screen/frame.js';

const attr = (flags: number, fg = 0x1ff, bg = 0x1ff): number => (flags << 18) | (fg << 9) | bg;

/** A grid line from cells; a string cell takes the default attribute. */
function line(cells: readonly (string | ScreenCell)[], dirty = true): ScreenLine {
  const out = cells.map((c): ScreenCell => (typeof c === 'string' ? [DEFAULT_ATTR, c] : [c[0], c[1]])) as ScreenLine;
  out.dirty = dirty;
  return out;
}

const blank = (cols: number): ScreenLine => line(Array.from({ length: cols }, () => ' '), false);

/** Draws `cells` as the only line of a screen that currently shows blanks. */
function drawOne(cells: readonly (string | ScreenCell)[], depth: 'truecolor' | '256' | '16' | 'mono' = '256'): string {
  return drawLines([line(cells)], [blank(cells.length)], depth);
}

describe('what gets sent', () => {
  it('sends nothing for lines that are not dirty, and nothing the second time', () => {
    const lines = [line(['a', 'b']), line(['c', 'd'], false)];
    const olines = [blank(2), blank(2)];
    expect(drawLines(lines, olines, '256')).toBe('\x1b[1Hab');
    lines[0]!.dirty = true;
    expect(drawLines(lines, olines, '256')).toBe('');
  });

  it('sends only the cells that changed, stepping over the rest', () => {
    const olines = [line(['a', 'b', 'c', 'd', 'e', 'f'], false)];
    expect(drawLines([line(['a', 'X', 'c', 'd', 'Y', 'f'])], olines, '256')).toBe('\x1b[1;2HX\x1b[2CY');
  });

  it('resets the attributes at the end of the frame', () => {
    expect(drawOne([[attr(Attr.BOLD), 'a'], 'b', [attr(Attr.BOLD), 'c']])).toBe('\x1b[1H\x1b[1ma\x1b[mb\x1b[1mc\x1b[m');
  });
});

describe('attributes', () => {
  it.each([
    [Attr.BOLD, '1'], [Attr.DIM, '2'], [Attr.ITALIC, '3'], [Attr.UNDERLINE, '4'],
    [Attr.BLINK, '5'], [Attr.INVERSE, '7'], [Attr.INVISIBLE, '8'], [Attr.STRIKETHROUGH, '9'],
  ])('attribute %i as SGR %s', (flag, sgr) => {
    expect(drawOne([[attr(flag), 'x']])).toBe(`\x1b[1H\x1b[${sgr}mx\x1b[m`);
  });

  it('turns off only what changes when that is shorter', () => {
    const [before, after] = [attr(Attr.BOLD | Attr.UNDERLINE, 1), attr(Attr.UNDERLINE, 1)];
    expect(drawOne([[before, 'a'], [after, 'b']])).toBe('\x1b[1H\x1b[1;4;31ma\x1b[22mb\x1b[m');
  });

  it('turns bold off without losing dim: both are "intensity" (22)', () => {
    const [before, after] = [attr(Attr.BOLD | Attr.DIM | Attr.ITALIC, 1), attr(Attr.DIM | Attr.ITALIC, 1)];
    expect(drawOne([[before, 'a'], [after, 'b']])).toBe('\x1b[1H\x1b[1;2;3;31ma\x1b[22;2mb\x1b[m');
  });

  it('resets instead when that is shorter', () => {
    const all = Attr.BOLD | Attr.ITALIC | Attr.UNDERLINE | Attr.INVERSE | Attr.STRIKETHROUGH;
    expect(drawOne([[attr(all, 1), 'a'], [attr(0, 0x1ff, 2), 'b']])).toContain('a\x1b[0;42mb');
  });
});

describe('colours by depth', () => {
  const red = attr(0, 196, 21); // bright red on blue, from the cube
  it('uses 256-colour codes at 256 and truecolor', () => {
    expect(drawOne([[red, 'x']], '256')).toBe('\x1b[1H\x1b[38;5;196;48;5;21mx\x1b[m');
    expect(drawOne([[red, 'x']], 'truecolor')).toBe('\x1b[1H\x1b[38;5;196;48;5;21mx\x1b[m');
  });

  it('reduces to the 16 system colours at 16', () => {
    expect(drawOne([[red, 'x'], [attr(0, 3, 4), 'y']], '16')).toBe('\x1b[1H\x1b[91;104mx\x1b[33;44my\x1b[m');
  });

  it('sends no colour at all in mono but keeps the attributes', () => {
    expect(drawOne([[attr(Attr.BOLD, 196, 21), 'x'], [attr(Attr.ITALIC, 2), 'y']], 'mono')).toBe('\x1b[1H\x1b[1mx\x1b[0;3my\x1b[m');
  });
});

describe('wide characters', () => {
  it('sends a wide character once for its two cells', () => {
    expect(drawOne(['中', '', 'a'])).toBe('\x1b[1H中a');
  });

  it("understands blessed's '\\x03' after a wide character", () => {
    expect(drawOne(['a', '中', '\x03', 'b'])).toBe('\x1b[1Ha中b');
  });

  it('draws a second column whose character was drawn over as a space', () => {
    expect(drawOne(['|', '', 'a'])).toBe('\x1b[1H| a');
    expect(drawOne(['│', '', 'a'])).toBe('\x1b[1H│ a');
    expect(drawOne(['', 'a'])).toBe('\x1b[1H a');
  });

  it('draws a wide character without its second column as a space', () => {
    expect(drawOne(['中', '|', 'a'])).toBe('\x1b[1H |a');
  });

  it('redraws the whole character when only its second column changed', () => {
    const olines = [line(['中', 'x', 'a'], false)];
    expect(drawLines([line(['中', '', 'a'])], olines, '256')).toBe('\x1b[1H中');
  });

  it('places the cursor again after an emoji, whose width terminals disagree on', () => {
    expect(drawOne(['😀', '', 'a'])).toBe('\x1b[1H😀\x1b[1;3Ha');
  });

  it('places the cursor again and redraws the next cell after a narrow multi-code-unit glyph', () => {
    const olines = [line(['x', 'y', 'z'], false)];
    expect(drawLines([line(['e\u0301', 'y', 'z'])], olines, '256')).toBe('\x1b[1He\u0301\x1b[1;2Hy');
  });
});

describe('control characters', () => {
  it.each([['\x1b[31m'], ['\x07'], ['\x00'], ['\x7f'], ['\x9b'], ['a\x1bb']])('%j is drawn as ?', (ch) => {
    expect(drawOne(['a', ch, 'b'])).toBe('\x1b[1Ha?b');
  });

  it("draws blessed's wide-character marker '\\x03' as a space when no wide character precedes it", () => {
    expect(drawOne(['a', '\x03', 'b'])).toBe('\x1b[1Ha b');
  });

  it('keeps a wide character with a control in it two columns wide', () => {
    expect(drawOne(['\x1b中', '', 'b'])).toBe('\x1b[1H? b');
  });
});
