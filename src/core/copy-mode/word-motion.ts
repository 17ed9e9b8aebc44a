/**
 * Word motions over copy mode's lines, as vi's `w` and `b`: a word is a run of letters, digits and
 * underscores, or a run of other marks; blanks separate words, and so does the end of a line, unless
 * the next line is the same text wrapped onto it.
 *
 * Steps go column by column and skip the second column of a wide character (its '' cell), so a wide
 * character is one step and the cursor never rests on its second half.
 */
import { charClass, type CharClass } from './line-text.js';
import type { Position } from './search.js';

export interface WordLines {
  readonly count: number;
  /** The line's cells, or undefined while it is not loaded (it reads as blank). */
  cells(line: number): readonly string[] | undefined;
  /** The line continues the one above it. */
  wrapped(line: number): boolean;
}

interface Step {
  readonly at: Position;
  /** The step went from one line to the next across a real line end. */
  readonly crossed: boolean;
}

function classAt(lines: WordLines, at: Position): CharClass {
  return charClass(lines.cells(at.line)?.[at.col]);
}

function widthOf(lines: WordLines, line: number, width: number): number {
  return lines.cells(line)?.length ?? width;
}

function forward(lines: WordLines, width: number, at: Position): Step | undefined {
  let { line, col } = at;
  let crossed = false;
  do {
    if (col + 1 < widthOf(lines, line, width)) col++;
    else if (line + 1 < lines.count) {
      line++;
      col = 0;
      crossed ||= !lines.wrapped(line);
    } else return undefined;
  } while (lines.cells(line)?.[col] === '');
  return { at: { line, col }, crossed };
}

function backward(lines: WordLines, width: number, at: Position): Step | undefined {
  let { line, col } = at;
  let crossed = false;
  do {
    if (col > 0) col--;
    else if (line > 0) {
      crossed ||= !lines.wrapped(line);
      line--;
      col = widthOf(lines, line, width) - 1;
    } else return undefined;
  } while (lines.cells(line)?.[col] === '');
  return { at: { line, col }, crossed };
}

/** Where `w` goes: the start of the next word, or the last place there is if no word follows. */
export function nextWordStart(lines: WordLines, width: number, from: Position): Position {
  const startClass = classAt(lines, from);
  let at = from;
  let gap = false;
  for (let step = forward(lines, width, at); step; step = forward(lines, width, at)) {
    at = step.at;
    const cls = classAt(lines, at);
    gap ||= step.crossed || cls === 'blank';
    if (cls !== 'blank' && (gap || cls !== startClass)) return at;
  }
  return from;
}

/** Where `b` goes: the start of this word if the cursor is inside one, else of the word before. */
export function previousWordStart(lines: WordLines, width: number, from: Position): Position {
  let step = backward(lines, width, from);
  while (step && classAt(lines, step.at) === 'blank') step = backward(lines, width, step.at);
  if (!step) return from;
  let at = step.at;
  const cls = classAt(lines, at);
  for (let back = backward(lines, width, at); back && !back.crossed && classAt(lines, back.at) === cls; back = backward(lines, width, at)) {
    at = back.at;
  }
  return at;
}
