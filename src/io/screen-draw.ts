/**
 * grove's screen renderer: blessed's cell grid in, the bytes that bring the terminal up to date out.
 *
 * It replaces blessed's own draw, which cannot say dim, italic or strikethrough and guesses character
 * widths. Here a width is never guessed for pane content: a cell followed by a covered cell ('' or blessed's
 * '\x03') is a wide character, everything else is one column. (blessed strips '\x03' from the text it is
 * given before using it as that marker, so it never stands for itself.) Only dirty lines are visited, only cells that
 * differ from what the terminal shows (`olines`) are sent, and the cursor moves only across gaps.
 *
 * Three rules keep the terminal's idea of the cursor column equal to ours, because a single column of drift
 * garbles the rest of the line:
 * - a cell's text never carries a control character: C0, DEL and C1 are drawn as '?', since one stray ESC
 *   from a pane would let the program drive the user's real terminal;
 * - a wide character with no covered cell after it (something was drawn over its right half) has no room,
 *   so it is drawn as a space;
 * - after a glyph of several code units (emoji, combining sequences), whose width terminals disagree on,
 *   the cursor is placed again before the next cell, and that next cell is redrawn.
 *
 * For a terminal whose locale is not UTF-8, `ascii` draws every cell as ASCII (core/text/ascii-fallback.ts).
 *
 * The function is pure apart from updating `olines` and clearing the dirty marks, which is what blessed's
 * draw does too; the caller writes the result in one piece.
 */
import type { ColorDepth } from '../core/screen/color.js';
import { asciiGlyph } from '../core/text/ascii-fallback.js';
import { DEFAULT_ATTR, type ScreenCell, type ScreenLine } from './screen-grid.js';
import { reduceAttr, sgrTransition } from './screen-sgr.js';

const isCovered = (ch: string): boolean => ch === '' || ch === '\x03';

/**
 * Characters that are one column in every terminal: what blessed's borders and text are made of. A cell
 * like this before a covered cell was drawn over a wide character's first half, so it is not a lead.
 */
function isNarrow(ch: string): boolean {
  if (ch.length !== 1) return false;
  const code = ch.charCodeAt(0);
  return code < 0x1100 || (code >= 0x2500 && code <= 0x25ff); // box drawing, blocks, geometric shapes
}

/** A lead cell and the covered cell after it form one wide character. */
function coversLead(lead: string, next: ScreenCell | undefined): boolean {
  return next !== undefined && isCovered(next[1]) && !isCovered(lead) && !isNarrow(lead);
}

function hasControl(ch: string): boolean {
  for (let i = 0; i < ch.length; i++) {
    const code = ch.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

/** East Asian Wide/Fullwidth and emoji blocks: characters that need two columns wherever they are drawn. */
function isWide(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x1100) return false;
  return cp <= 0x115f || cp === 0x2329 || cp === 0x232a || (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f)
    || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe10 && cp <= 0xfe19)
    || (cp >= 0xfe30 && cp <= 0xfe6f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6)
    || (cp >= 0x1f300 && cp <= 0x1f64f) || (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd);
}

/** What actually goes to the terminal for a group of one or two (wide) columns. */
function glyphOf(ch: string, wide: boolean, ascii: boolean): string {
  if (isCovered(ch)) return ' '; // its wide character was drawn over
  if (hasControl(ch)) return wide ? '? ' : '?';
  if (!wide && isWide(ch)) return ' ';
  return ascii ? asciiGlyph(ch, wide ? 2 : 1) : ch;
}

/** Moves the cursor to (x, y), relative when it is known to be on the same line to the left. */
function moveTo(x: number, y: number, at: number): string {
  if (at >= 0 && at < x) return x - at === 1 ? '\x1b[C' : `\x1b[${x - at}C`;
  return x === 0 ? `\x1b[${y + 1}H` : `\x1b[${y + 1};${x + 1}H`;
}

const same = (a: ScreenCell, b: ScreenCell | undefined): boolean => b !== undefined && a[0] === b[0] && a[1] === b[1];

function record(from: ScreenCell, to: ScreenCell | undefined): void {
  if (!to) return;
  to[0] = from[0];
  to[1] = from[1];
}

/**
 * The bytes that make the terminal show `lines`, given that it shows `olines`. The terminal's SGR state
 * is assumed reset on entry and is left reset.
 */
export function drawLines(lines: readonly ScreenLine[], olines: readonly ScreenLine[], depth: ColorDepth, ascii = false): string {
  let out = '';
  let attr = DEFAULT_ATTR;
  for (let y = 0; y < lines.length; y++) {
    const line = lines[y]!;
    const old = olines[y];
    if (!line.dirty || !old) continue;
    line.dirty = false;
    let at = -1; // the column the terminal cursor is known to be at, -1 when unknown
    let redraw = false; // the previous glyph may have spilled onto this cell
    for (let x = 0; x < line.length; ) {
      const cell = line[x]!;
      const next = line[x + 1];
      const wide = coversLead(cell[1], next);
      const span = wide ? 2 : 1;
      if (!redraw && same(cell, old[x]) && (!wide || same(next!, old[x + 1]))) {
        x += span;
        continue;
      }
      if (at !== x) out += moveTo(x, y, at);
      const cellAttr = reduceAttr(cell[0], depth);
      out += sgrTransition(attr, cellAttr);
      attr = cellAttr;
      const glyph = glyphOf(cell[1], wide, ascii);
      out += glyph;
      record(cell, old[x]);
      if (wide) record(next!, old[x + 1]);
      const certain = glyph.length === 1 || glyph === '? ';
      at = certain ? x + span : -1;
      redraw = !certain && !wide;
      x += span;
    }
  }
  return attr === DEFAULT_ATTR ? out : out + '\x1b[m';
}
