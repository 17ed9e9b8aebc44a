/**
 * A stretch of a pane's whole buffer — the scrollback and the screen below it — as frame lines: what a
 * client asks for when it needs more than the visible screen (copy mode), a page at a time.
 *
 * Lines are numbered from the first line the pane ever had, so a number names the same line for as
 * long as the pane keeps it: when the scrollback is full and old lines are dropped, `first` moves on but
 * the lines that remain keep their numbers. A client that froze its view can therefore go on asking for
 * the lines it shows while output keeps arriving below. `epoch` changes whenever the numbering starts
 * over — the program switched to or from the alternate screen, the terminal was reset, the pane was
 * resized and its lines re-wrapped — and lines of an older epoch must be dropped.
 */
import { lineText, type FrameLine } from './frame.js';

export interface LineSlice {
  readonly epoch: number;
  /** The number of the oldest line the pane still keeps. */
  readonly first: number;
  /** One past the number of the last line: the bottom row of the screen is end - 1. */
  readonly end: number;
  /** The number of lines[0]. */
  readonly from: number;
  readonly lines: readonly FrameLine[];
  /** wrapped[i]: lines[i] continues the line above it (the program's text ran past the right edge). */
  readonly wrapped: readonly boolean[];
}

/** Lines asked for with a negative `from` count back from the end: -10 is the last ten lines. */
export function sliceRange(from: number, count: number, first: number, end: number): { from: number; to: number } {
  const start = from < 0 ? end + from : from;
  const clampedFrom = Math.max(first, Math.min(start, end));
  const to = Math.max(clampedFrom, Math.min(start + Math.max(0, count), end));
  return { from: clampedFrom, to };
}

/** The last `count` non-blank lines of a slice, a line wrapped across rows made whole again, each cut to `maxChars`. */
export function lastTextLines(slice: LineSlice, count: number, maxChars: number): string[] {
  const joined: string[] = [];
  slice.lines.forEach((line, i) => {
    const text = lineText(line);
    if (slice.wrapped[i] && joined.length) joined[joined.length - 1] += text;
    else joined.push(text);
  });
  return joined.map((line) => line.trim()).filter((line) => line !== '').slice(-count).map((line) => line.slice(0, maxChars));
}
