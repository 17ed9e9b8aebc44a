/**
 * Screen layout: where the sidebar, panes, pane titles and dividers go on a terminal of a given size.
 *
 * The last row is always the status bar. Every cell above it belongs to exactly one of the sidebar, a
 * divider, a title row or a pane. Two modes share that area: `focus` lists the sessions in a sidebar and
 * shows the focused one beside it; `tiled` shows every session in a grid (see tiles.ts). Zoom gives the
 * whole area to the focused session, in either mode. With no sessions there are no panes: focus mode
 * still has its sidebar, tiled mode nothing; the client paints its hint in the free space.
 *
 * Every session gets a pty size, shown or not. A hidden session is sized like the focused pane, so that
 * switching to it finds it already drawn at the right size. A terminal too small to give each shown pane
 * MIN_PANE_COLS x MIN_PANE_ROWS cells (or smaller than MIN_TERMINAL_COLS x MIN_TERMINAL_ROWS overall)
 * is reported as `too-small`, with the size this request would need.
 *
 * Pure: no I/O, same input, same output.
 */
import type { Rect } from './rect.js';
import { arrangeTiles, tiledMinimum } from './tiles.js';

export { neighbour } from './neighbour.js';

export type LayoutMode = 'focus' | 'tiled';
export const LAYOUT_MODES: readonly LayoutMode[] = ['focus', 'tiled'];

export function nextLayout(mode: LayoutMode): LayoutMode {
  return LAYOUT_MODES[(LAYOUT_MODES.indexOf(mode) + 1) % LAYOUT_MODES.length]!;
}

/** Below this, not even the status bar says anything useful. */
const MIN_TERMINAL_COLS = 20;
const MIN_TERMINAL_ROWS = 5;
/** A pane narrower or shorter than this cannot show a prompt and what is typed after it. */
export const MIN_PANE_COLS = 10;
export const MIN_PANE_ROWS = 2;
/** A sidebar narrower than this cannot show names; below 3 x this many columns it is left out. */
const MIN_SIDEBAR_COLS = 16;

const STATUS_ROWS = 1;
const DIVIDER_COLS = 1;

export interface LayoutRequest {
  cols: number;
  rows: number;
  mode: LayoutMode;
  zoomed: boolean;
  /** In display order; tiled mode fills its grid in this order. */
  sessionIds: readonly string[];
  /** When missing or unknown, the first session is treated as focused. */
  focusedId: string | undefined;
  /** Preferred sidebar width; clamped to [MIN_SIDEBAR_COLS, cols / 3]. */
  sidebarWidth: number;
}

export interface PanePlacement {
  readonly id: string;
  /** The cells of the session's pty. */
  readonly rect: Rect;
  /** Tiled mode only: the one row above `rect`. */
  readonly title?: Rect;
}

export type ScreenLayout =
  | {
      kind: 'ok';
      statusBar: Rect;
      sidebar?: Rect;
      panes: readonly PanePlacement[];
      dividers: readonly Rect[];
      /** A pty size for every session id, shown or not. */
      sizes: ReadonlyMap<string, { cols: number; rows: number }>;
    }
  | { kind: 'too-small'; minCols: number; minRows: number };

interface Arrangement {
  sidebar?: Rect;
  panes: PanePlacement[];
  dividers: Rect[];
}

export function computeLayout(request: LayoutRequest): ScreenLayout {
  const { cols, rows, sessionIds } = request;
  const focusedId =
    request.focusedId !== undefined && sessionIds.includes(request.focusedId) ? request.focusedId : sessionIds[0];
  const zoomed = request.zoomed && focusedId !== undefined;
  const tiled = request.mode === 'tiled' && !zoomed;

  const needed = tiled
    ? tiledMinimum(sessionIds.length, { cols: MIN_PANE_COLS, rows: MIN_PANE_ROWS })
    : { cols: MIN_PANE_COLS, rows: MIN_PANE_ROWS };
  const minCols = Math.max(MIN_TERMINAL_COLS, needed.cols);
  const minRows = Math.max(MIN_TERMINAL_ROWS, needed.rows + STATUS_ROWS);
  if (cols < minCols || rows < minRows) return { kind: 'too-small', minCols, minRows };

  const area: Rect = { x: 0, y: 0, width: cols, height: rows - STATUS_ROWS };
  const arrangement: Arrangement = zoomed
    ? { panes: [{ id: focusedId!, rect: area }], dividers: [] }
    : tiled
      ? arrangeTiles(area, sessionIds)
      : arrangeFocus(area, focusedId, request.sidebarWidth);

  return {
    kind: 'ok',
    statusBar: { x: 0, y: rows - STATUS_ROWS, width: cols, height: STATUS_ROWS },
    ...arrangement,
    sizes: ptySizes(sessionIds, arrangement.panes, focusedId),
  };
}

/** Sidebar, divider, then the focused pane; on a narrow terminal the pane alone. */
function arrangeFocus(area: Rect, focusedId: string | undefined, preferredSidebar: number): Arrangement {
  const widest = Math.floor(area.width / 3);
  if (widest < MIN_SIDEBAR_COLS) {
    return { panes: focusedId === undefined ? [] : [{ id: focusedId, rect: area }], dividers: [] };
  }
  const width = Math.min(Math.max(Math.floor(preferredSidebar) || 0, MIN_SIDEBAR_COLS), widest);
  const divider: Rect = { x: area.x + width, y: area.y, width: DIVIDER_COLS, height: area.height };
  const paneX = divider.x + DIVIDER_COLS;
  const panes =
    focusedId === undefined
      ? []
      : [{ id: focusedId, rect: { x: paneX, y: area.y, width: area.x + area.width - paneX, height: area.height } }];
  return { sidebar: { x: area.x, y: area.y, width, height: area.height }, panes, dividers: [divider] };
}

function ptySizes(
  ids: readonly string[],
  panes: readonly PanePlacement[],
  focusedId: string | undefined,
): Map<string, { cols: number; rows: number }> {
  const sizeOf = (rect: Rect) => ({ cols: rect.width, rows: rect.height });
  const shown = new Map(panes.map((pane) => [pane.id, sizeOf(pane.rect)]));
  const hidden = focusedId === undefined ? undefined : shown.get(focusedId);
  const sizes = new Map<string, { cols: number; rows: number }>();
  for (const id of ids) {
    const size = shown.get(id) ?? hidden;
    if (size) sizes.set(id, size);
  }
  return sizes;
}
