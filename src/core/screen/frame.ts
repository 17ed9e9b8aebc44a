/**
 * A pane's screen as plain data: what the emulator shows, ready to draw or to send over a socket.
 *
 * The emulator (src/emu) produces frames; the client draws them (src/client/pane-view). A frame is a grid
 * of `rows` lines; each line is a list of runs, a run being consecutive cells of one style. Each cell is one
 * column: `cells[i]` is the grapheme drawn there, and a wide character (CJK, most emoji) is followed by an
 * empty-string cell for its second column, so a line's cells always add up to exactly `cols` columns and
 * nothing downstream has to measure character widths again (that is where column drift comes from).
 */

/** A display interval: no pane's screen is sent on more often than this (60 frames a second). */
export const FRAME_MS = 16;

/** Colour of a cell: DEFAULT, a palette index 0–255, or a 24-bit colour tagged with RGB_FLAG. */
export type Color = number;
export const DEFAULT_COLOR = -1;
export const RGB_FLAG = 0x1000000;
export const rgb = (r: number, g: number, b: number): Color => RGB_FLAG | (r << 16) | (g << 8) | b;
export const isRgb = (c: Color): boolean => c >= RGB_FLAG;

/** Attribute bits of a cell. */
export const Attr = {
  BOLD: 1,
  UNDERLINE: 2,
  BLINK: 4,
  INVERSE: 8,
  INVISIBLE: 16,
  DIM: 32,
  ITALIC: 64,
  STRIKETHROUGH: 128,
} as const;

export interface Style {
  readonly fg: Color;
  readonly bg: Color;
  /** OR of Attr bits. */
  readonly attrs: number;
}

export const PLAIN: Style = { fg: DEFAULT_COLOR, bg: DEFAULT_COLOR, attrs: 0 };

export interface Run {
  readonly style: Style;
  /** One entry per column; '' marks the second column of a wide character. */
  readonly cells: readonly string[];
}

export type FrameLine = readonly Run[];

/** Mouse reporting the program in the pane asked for (DECSET 9/1000/1002/1003). */
export type MouseTracking = 'none' | 'x10' | 'vt200' | 'drag' | 'any';

export interface TerminalModes {
  /** DECCKM: arrows are sent as ESC O A rather than ESC [ A. */
  readonly applicationCursor: boolean;
  /** DECSET 2004: pasted text is wrapped in ESC [200~ … ESC [201~. */
  readonly bracketedPaste: boolean;
  readonly mouseTracking: MouseTracking;
  /** DECSET 1006: mouse events are sent in SGR form. */
  readonly sgrMouse: boolean;
}

export const DEFAULT_MODES: TerminalModes = {
  applicationCursor: false,
  bracketedPaste: false,
  mouseTracking: 'none',
  sgrMouse: false,
};

export interface Cursor {
  readonly x: number;
  readonly y: number;
  readonly visible: boolean;
}

export interface PaneFrame {
  readonly cols: number;
  readonly rows: number;
  /** Exactly `rows` lines, top to bottom, of the visible screen (scrolled to the bottom). */
  readonly lines: readonly FrameLine[];
  readonly cursor: Cursor;
  readonly title: string;
  readonly modes: TerminalModes;
}

/** The text of a line, wide characters once each, trailing blanks kept. */
export function lineText(line: FrameLine): string {
  let text = '';
  for (const run of line) text += run.cells.join('');
  return text;
}

export function sameStyle(a: Style, b: Style): boolean {
  return a.fg === b.fg && a.bg === b.bg && a.attrs === b.attrs;
}
