/**
 * Which rows of a long list a fixed window shows: the cursor's row near the middle, the window never
 * running past either end. The prune and checkpoints dialogs and the diff view's file list all scroll so.
 */

/** The first row shown of `count` rows in a window of `size`, keeping row `at` near its middle. */
export function windowStart(at: number, count: number, size: number): number {
  return Math.max(0, Math.min(at - Math.floor(size / 2), count - size));
}
