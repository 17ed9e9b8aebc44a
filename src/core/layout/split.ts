/**
 * Dividing a run of cells among several parts.
 *
 * A terminal cannot show half a cell, so an even split leaves a remainder. It goes one cell each to the
 * first parts (leftmost, topmost), which keeps the lengths within one cell of each other and makes the
 * parts add up to the whole: nothing is lost and nothing overlaps.
 */

/** A stretch along one axis: its first cell and its length in cells. */
export interface Span {
  readonly start: number;
  readonly length: number;
}

/** Splits `total` cells into `count` lengths that differ by at most one and sum to `total`. */
function splitEvenly(total: number, count: number): number[] {
  if (count <= 0) return [];
  const base = Math.floor(total / count);
  const remainder = total - base * count;
  return Array.from({ length: count }, (_, index) => base + (index < remainder ? 1 : 0));
}

/**
 * Places `count` parts one after another from `start`, `gap` cells apart (the gaps hold dividers), so
 * that parts and gaps together cover exactly `total` cells.
 */
export function spreadSpans(start: number, total: number, count: number, gap: number): Span[] {
  if (count <= 0) return [];
  const lengths = splitEvenly(total - gap * (count - 1), count);
  const spans: Span[] = [];
  let cursor = start;
  for (const length of lengths) {
    spans.push({ start: cursor, length });
    cursor += length + gap;
  }
  return spans;
}
