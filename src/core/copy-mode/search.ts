/**
 * Searching copy mode's lines for a term, forwards or backwards from the cursor, wrapping at either end
 * as tmux and vim do.
 *
 * Matches are found within a line (a match never spans two lines) and are given as columns, half open
 * and including the second column of a wide character at the end, so highlighting and moving the
 * cursor need no more measuring. Within a line they do not overlap: in
 * "aaaa" the term "aa" matches twice. A search starts just past the cursor, so repeating it steps from
 * one match to the next rather than finding the one under the cursor again.
 */
import { lineText, type LineText } from './line-text.js';

export interface Position {
  readonly line: number;
  readonly col: number;
}

/** Columns [start, end) of a line. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Match extends Span {
  readonly line: number;
}

export interface Found {
  readonly match: Match;
  /** The search went past the last line (or the first, backwards) and came round from the other end. */
  readonly wrapped: boolean;
}

/** The lines to search: their cells, or undefined for a line not loaded (it has no matches). */
export interface SearchLines {
  readonly count: number;
  cells(line: number): readonly string[] | undefined;
}

/** Smart case: a term in lower case matches either case; one capital makes the search exact. */
export function ignoresCase(term: string): boolean {
  return term === term.toLowerCase();
}

/** Every match of `term` in a line, left to right. */
export function spansIn(text: LineText, term: string): Span[] {
  if (term === '') return [];
  const caseless = ignoresCase(term);
  const haystack = caseless ? text.folded : text.text;
  const needle = caseless ? term.toLowerCase() : term;
  const column = (unit: number) => text.column(unit, caseless);
  const spans: Span[] = [];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
    const after = at + needle.length;
    // Up to the column of what follows, so a wide character's second column is part of the match.
    const end = Math.max(column(after - 1) + 1, after < haystack.length ? column(after) : text.width);
    spans.push({ start: column(at), end });
  }
  return spans;
}

/** Remembers each line's text, so that stepping through matches does not rebuild it every time. */
export class LineTexts {
  private readonly texts = new Map<number, LineText>();

  constructor(private readonly lines: SearchLines) {}

  spans(line: number, term: string): Span[] {
    let text = this.texts.get(line);
    if (!text) {
      const cells = this.lines.cells(line);
      if (!cells) return [];
      text = lineText(cells);
      this.texts.set(line, text);
    }
    return spansIn(text, term);
  }
}

/** The next match after `from` (or before it, backwards), coming round the far end if need be. */
export function findMatch(texts: LineTexts, count: number, term: string, from: Position, forward: boolean): Found | undefined {
  if (term === '' || count === 0) return undefined;
  const step = forward ? 1 : -1;
  // Lines in search order: the cursor's line, each line after it, round to the cursor's line again.
  for (let i = 0; i <= count; i++) {
    const unwrapped = from.line + i * step;
    const line = ((unwrapped % count) + count) % count;
    const spans = texts.spans(line, term);
    let span: Span | undefined;
    if (i === 0) span = forward ? spans.find((s) => s.start > from.col) : spans.findLast((s) => s.start < from.col);
    else if (i === count) span = forward ? spans.find((s) => s.start <= from.col) : spans.findLast((s) => s.start >= from.col);
    else span = forward ? spans[0] : spans[spans.length - 1];
    if (span) return { match: { line, ...span }, wrapped: unwrapped !== line };
  }
  return undefined;
}
