/**
 * Moving the focus between panes by direction, as tmux's `select-pane -L/-R/-U/-D` does.
 *
 * The candidates are the panes lying wholly on that side of the current one that share some of its
 * extent on the other axis (a pane up and to the right does not count as "up" unless their columns
 * overlap). The nearest candidate wins, then the one overlapping most; a tie goes to the earlier pane.
 * There is no wrapping: at an edge there is no neighbour.
 */
import type { Direction, Rect } from './rect.js';
import type { PanePlacement } from './layout.js';

export function neighbour(panes: readonly PanePlacement[], fromId: string, direction: Direction): string | undefined {
  const from = panes.find((pane) => pane.id === fromId)?.rect;
  if (!from) return undefined;
  let best: { id: string; gap: number; overlap: number } | undefined;
  for (const pane of panes) {
    if (pane.id === fromId) continue;
    const gap = gapTowards(from, pane.rect, direction);
    const overlap = overlapAcross(from, pane.rect, direction);
    if (gap < 0 || overlap <= 0) continue;
    if (!best || gap < best.gap || (gap === best.gap && overlap > best.overlap)) {
      best = { id: pane.id, gap, overlap };
    }
  }
  return best?.id;
}

/** Cells between `from` and `to` in `direction`; negative when `to` is not wholly on that side. */
function gapTowards(from: Rect, to: Rect, direction: Direction): number {
  switch (direction) {
    case 'left':
      return from.x - (to.x + to.width);
    case 'right':
      return to.x - (from.x + from.width);
    case 'up':
      return from.y - (to.y + to.height);
    case 'down':
      return to.y - (from.y + from.height);
  }
}

/** How many rows (moving sideways) or columns (moving up or down) the two rects share. */
function overlapAcross(a: Rect, b: Rect, direction: Direction): number {
  const sideways = direction === 'left' || direction === 'right';
  const [aStart, aLength, bStart, bLength] = sideways ? [a.y, a.height, b.y, b.height] : [a.x, a.width, b.x, b.width];
  return Math.min(aStart + aLength, bStart + bLength) - Math.max(aStart, bStart);
}
