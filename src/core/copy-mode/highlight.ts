/**
 * Marks on a line in copy mode: the search's matches and the selection, painted over the program's own
 * colours.
 *
 * A match is black on yellow and the one under the cursor black on bright yellow, both underlined so
 * they still show on a terminal without colour; the selection swaps each cell's colours (reverse video),
 * so it reads on any theme and over a match too. Marks apply in the order given. A mark that covers the
 * first column of a wide character covers its second as well, so the character is drawn in one style.
 */
import { Attr, sameStyle, type FrameLine, type Run, type Style } from '../screen/frame.js';
import type { Span } from './search.js';

export type Mark = 'match' | 'current-match' | 'selection';

export interface MarkedSpan extends Span {
  readonly mark: Mark;
}

const BLACK = 0;
const YELLOW = 3;
const BRIGHT_YELLOW = 11;

const PAINT: Readonly<Record<Mark, (style: Style) => Style>> = {
  match: () => ({ fg: BLACK, bg: YELLOW, attrs: Attr.UNDERLINE }),
  'current-match': () => ({ fg: BLACK, bg: BRIGHT_YELLOW, attrs: Attr.UNDERLINE | Attr.BOLD }),
  selection: (style) => ({ ...style, attrs: style.attrs ^ Attr.INVERSE }),
};

export function markLine(line: FrameLine, spans: readonly MarkedSpan[]): FrameLine {
  if (spans.length === 0) return line;
  const cells: string[] = [];
  const styles: Style[] = [];
  for (const run of line) {
    for (const cell of run.cells) {
      cells.push(cell);
      styles.push(run.style);
    }
  }
  for (const span of spans) {
    const paint = PAINT[span.mark];
    const end = Math.min(span.end, cells.length);
    for (let column = Math.max(0, span.start); column < end; column++) {
      styles[column] = paint(styles[column]!);
      if (column + 1 === end && cells[column + 1] === '') styles[column + 1] = paint(styles[column + 1]!);
    }
  }
  const runs: { style: Style; cells: string[] }[] = [];
  cells.forEach((cell, column) => {
    const last = runs[runs.length - 1];
    if (last && sameStyle(last.style, styles[column]!)) last.cells.push(cell);
    else runs.push({ style: styles[column]!, cells: [cell] });
  });
  return runs as readonly Run[];
}
