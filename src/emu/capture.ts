/**
 * A pane's lines as text, the way `tmux capture-pane -p` prints them: one line per row, trailing blanks
 * cut, and, when asked, the colours and attributes as SGR sequences (24-bit colours kept at full depth,
 * since the reader is a file or another program, not the user's terminal).
 *
 * Each row stays one line even when the program's text wrapped onto it, as tmux does without -J. Blank
 * rows at the end of the screen are left out, so capturing a fresh shell gives its prompt, not a page of
 * empty lines.
 */
import { Attr, DEFAULT_COLOR, RGB_FLAG, isRgb, type Color, type FrameLine, type Style } from '../core/screen/frame.js';

const ATTR_PARAMS: readonly (readonly [number, string])[] = [
  [Attr.BOLD, '1'], [Attr.DIM, '2'], [Attr.ITALIC, '3'], [Attr.UNDERLINE, '4'],
  [Attr.BLINK, '5'], [Attr.INVERSE, '7'], [Attr.INVISIBLE, '8'], [Attr.STRIKETHROUGH, '9'],
];

/** base 30 for foreground, 40 for background. */
function colorParam(color: Color, base: number): string | undefined {
  if (color === DEFAULT_COLOR) return undefined;
  if (isRgb(color)) {
    const value = color - RGB_FLAG;
    return `${base + 8};2;${(value >> 16) & 0xff};${(value >> 8) & 0xff};${value & 0xff}`;
  }
  if (color < 8) return String(base + color);
  if (color < 16) return String(base + 60 + color - 8);
  return `${base + 8};5;${color}`;
}

/** The full SGR for a style, starting from a reset so it does not depend on what came before. */
function styleSgr(style: Style): string {
  const params = ['0'];
  for (const [bit, param] of ATTR_PARAMS) if (style.attrs & bit) params.push(param);
  const fg = colorParam(style.fg, 30);
  const bg = colorParam(style.bg, 40);
  if (fg) params.push(fg);
  if (bg) params.push(bg);
  return `\x1b[${params.join(';')}m`;
}

const isPlain = (style: Style): boolean => style.fg === DEFAULT_COLOR && style.bg === DEFAULT_COLOR && style.attrs === 0;

/** A trailing cell that can be cut: a space, unless colours are kept and a background or inverse shows it. */
const isCuttable = (cell: string, style: Style, ansi: boolean): boolean =>
  (cell === ' ' || cell === '') && (!ansi || (style.bg === DEFAULT_COLOR && !(style.attrs & Attr.INVERSE)));

function lineOf(line: FrameLine, ansi: boolean): string {
  // Find the last cell worth printing, so trailing blanks are cut before any SGR is emitted for them.
  let lastRun = line.length - 1;
  let lastCell = -1;
  for (; lastRun >= 0; lastRun--) {
    const run = line[lastRun]!;
    for (lastCell = run.cells.length - 1; lastCell >= 0; lastCell--) if (!isCuttable(run.cells[lastCell]!, run.style, ansi)) break;
    if (lastCell >= 0) break;
  }
  let text = '';
  let styled = false;
  for (let r = 0; r <= lastRun; r++) {
    const run = line[r]!;
    const cells = r === lastRun ? run.cells.slice(0, lastCell + 1) : run.cells;
    if (ansi && (styled || !isPlain(run.style))) {
      text += isPlain(run.style) ? '\x1b[0m' : styleSgr(run.style);
      styled = !isPlain(run.style);
    }
    text += cells.join('');
  }
  return styled ? text + '\x1b[0m' : text;
}

export function captureText(lines: readonly FrameLine[], ansi: boolean): string {
  const out = lines.map((line) => lineOf(line, ansi));
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.map((line) => line + '\n').join('');
}
