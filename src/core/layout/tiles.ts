/**
 * The tiled arrangement: every session in a grid, filled like text (left to right, then down).
 *
 * The grid is as square as the count allows: ceil(sqrt(n)) tiles across and as many rows as needed.
 * A last row with fewer tiles spreads them over the full width instead of leaving a hole, as tmux's
 * `tiled` layout does. A tile is a one-row title above its pane. Tiles in a row are kept apart by
 * one-column dividers running the full height of the row; rows need no separator of their own,
 * because the next row's titles already are one.
 */
import type { Rect } from './rect.js';
import type { PanePlacement } from './layout.js';
import { spreadSpans } from './split.js';

export interface GridShape {
  readonly columns: number;
  readonly rows: number;
}

const TITLE_ROWS = 1;
const DIVIDER_COLS = 1;

function gridShape(count: number): GridShape {
  if (count <= 0) return { columns: 0, rows: 0 };
  const columns = Math.ceil(Math.sqrt(count));
  return { columns, rows: Math.ceil(count / columns) };
}

/**
 * The smallest area in which every pane of `count` tiles gets at least `pane` cells. Full rows are the
 * narrowest, so they decide the width; the height is shared evenly by the rows.
 */
export function tiledMinimum(count: number, pane: { cols: number; rows: number }): { cols: number; rows: number } {
  const { columns, rows } = gridShape(count);
  return {
    cols: columns * pane.cols + (columns - 1) * DIVIDER_COLS,
    rows: rows * (TITLE_ROWS + pane.rows),
  };
}

export function arrangeTiles(area: Rect, ids: readonly string[]): { panes: PanePlacement[]; dividers: Rect[] } {
  const { columns, rows } = gridShape(ids.length);
  const panes: PanePlacement[] = [];
  const dividers: Rect[] = [];
  const bands = spreadSpans(area.y, area.height, rows, 0);
  bands.forEach((band, row) => {
    const first = row * columns;
    const rowIds = ids.slice(first, first + columns);
    const tiles = spreadSpans(area.x, area.width, rowIds.length, DIVIDER_COLS);
    tiles.forEach((tile, index) => {
      panes.push({
        id: rowIds[index]!,
        title: { x: tile.start, y: band.start, width: tile.length, height: TITLE_ROWS },
        rect: { x: tile.start, y: band.start + TITLE_ROWS, width: tile.length, height: band.length - TITLE_ROWS },
      });
      if (index > 0) dividers.push({ x: tile.start - DIVIDER_COLS, y: band.start, width: DIVIDER_COLS, height: band.length });
    });
  });
  return { panes, dividers };
}
