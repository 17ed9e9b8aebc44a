/**
 * blessed's cell grid, typed: the part of a blessed screen that @types/blessed leaves out. With the
 * terminfo patch in screen-widgets.ts, this file is where grove touches blessed's private fields.
 *
 * A blessed screen keeps two grids of `rows` lines by `cols` cells: `lines`, what the elements rendered
 * this time, and `olines`, what the terminal shows now. A cell is `[attr, ch]` where attr packs
 * `(flags << 18) | (fg << 9) | bg`, colours 0–255 or 0x1ff for the terminal's default, and flags are the
 * frame's Attr bits (blessed's own five — bold, underline, blink, inverse, invisible — are the same bits).
 * Pane cells whose style has a 24-bit colour hold an id into grove's style table instead (screen-style.ts),
 * a number far above blessed's range that only grove's renderer reads.
 * An element marks a line `dirty` when it changes a cell; drawing sends only dirty lines.
 *
 * A wide character takes its cell and the next: grove's views put '' in the second cell, blessed's own
 * widgets put '\x03' there. Both mean "covered by the character to the left".
 */
import type { Widgets } from 'blessed';
import type { Style } from '../core/screen/frame.js';
import { DEFAULT_PACKED_COLOR, styles, type StyleTable } from './screen-style.js';

export type ScreenCell = [attr: number, ch: string];
export type ScreenLine = ScreenCell[] & { dirty?: boolean };

/** The blessed internals grove reads and writes; present on every neo-blessed screen. */
export interface ScreenGrid {
  lines: ScreenLine[];
  olines: ScreenLine[];
  /** The attr of an unstyled cell: default colours, no flags. */
  readonly dattr: number;
  /** Bytes blessed queued for the next draw (scroll-region tricks); the draw must send them first. */
  _buf: string;
  draw(start: number, end: number): void;
  readonly program: Widgets.Screen['program'] & {
    /** Bytes the program buffered for its next-tick flush. */
    _buf: string;
    /** Queues bytes for the next-tick flush. */
    _write(text: string): unknown;
    /** Writes straight to the output stream. */
    _owrite(text: string): boolean;
  };
}

export function screenGrid(screen: Widgets.Screen): ScreenGrid {
  return screen as unknown as ScreenGrid;
}

/**
 * Tells blessed where an element that grove painted itself was drawn (its `lpos`, which blessed's mouse
 * routing and redraw of overlapping elements read), as its own render would have.
 */
export function setDrawnArea(element: Widgets.BlessedElement, area: { x: number; y: number; width: number; height: number }): Widgets.Coords {
  const coords = { xi: area.x, xl: area.x + area.width, yi: area.y, yl: area.y + area.height, base: 0 } as Widgets.Coords;
  element.lpos = coords as unknown as typeof element.lpos;
  return coords;
}

export const DEFAULT_ATTR = (DEFAULT_PACKED_COLOR << 9) | DEFAULT_PACKED_COLOR;

/**
 * A frame style as a cell attr: blessed's packing, or an interned id when a colour is 24-bit (the
 * nearest-256 packing once the table is full). Call it once per run, not per cell.
 */
export function packStyle(style: Style, table: StyleTable = styles): number {
  return table.pack(style);
}
