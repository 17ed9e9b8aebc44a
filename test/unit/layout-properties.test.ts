/**
 * Properties every layout must have, checked over many terminal sizes, session counts and modes:
 * the rects tile the screen exactly, every shown pane is usable, every session has a pty size, and
 * `too-small` reports a minimum that is both sufficient and tight.
 *
 * Cases come from an exhaustive sweep of small terminals (where remainders and minimums bite) plus a
 * seeded pseudo-random sample of large ones, so a failure always reproduces.
 */
import { describe, expect, it } from 'vitest';
import {
  computeLayout,
  LAYOUT_MODES,
  MIN_PANE_COLS,
  MIN_PANE_ROWS,
  type LayoutRequest,
  type ScreenLayout,
} from '../../src/core/layout/layout.js';
import type { Rect } from '../../src/core/layout/rect.js';

const ids = (count: number) => Array.from({ length: count }, (_, index) => `s${index}`);

/** Everything wrong with one layout, as sentences; an empty list means it is sound. */
function violations(request: LayoutRequest, layout: Extract<ScreenLayout, { kind: 'ok' }>): string[] {
  const { cols, rows, sessionIds } = request;
  const found: string[] = [];
  const status = layout.statusBar;
  if (status.x !== 0 || status.y !== rows - 1 || status.width !== cols || status.height !== 1) {
    found.push(`status bar ${JSON.stringify(status)} is not the last row`);
  }

  const owners: Array<[string, Rect]> = [];
  if (layout.sidebar) owners.push(['sidebar', layout.sidebar]);
  layout.dividers.forEach((divider, index) => owners.push([`divider ${index}`, divider]));
  for (const pane of layout.panes) {
    owners.push([`pane ${pane.id}`, pane.rect]);
    if (pane.title) owners.push([`title ${pane.id}`, pane.title]);
  }
  const claims = new Array<number>(cols * (rows - 1)).fill(0);
  for (const [name, rect] of owners) {
    if (rect.width <= 0 || rect.height <= 0) found.push(`${name} is empty: ${JSON.stringify(rect)}`);
    if (rect.x < 0 || rect.y < 0 || rect.x + rect.width > cols || rect.y + rect.height > rows - 1) {
      found.push(`${name} ${JSON.stringify(rect)} leaves the area above the status bar`);
      continue;
    }
    for (let y = rect.y; y < rect.y + rect.height; y++) for (let x = rect.x; x < rect.x + rect.width; x++) claims[y * cols + x]!++;
  }
  const everyCellClaimed = sessionIds.length > 0; // with no sessions, the space beside the sidebar is for a hint
  claims.forEach((count, cell) => {
    if (count > 1 || (everyCellClaimed && count === 0)) found.push(`cell ${cell % cols},${Math.floor(cell / cols)} claimed ${count} times`);
  });

  for (const pane of layout.panes) {
    if (pane.rect.width < MIN_PANE_COLS || pane.rect.height < MIN_PANE_ROWS) found.push(`pane ${pane.id} is only ${pane.rect.width}x${pane.rect.height}`);
    if (pane.title && (pane.title.y !== pane.rect.y - 1 || pane.title.x !== pane.rect.x || pane.title.width !== pane.rect.width || pane.title.height !== 1)) {
      found.push(`title of ${pane.id} is not the row above its pane`);
    }
  }

  const tiled = request.mode === 'tiled' && !(request.zoomed && sessionIds.length > 0);
  const focusedId = sessionIds.includes(request.focusedId ?? '') ? request.focusedId : sessionIds[0];
  const expectedShown = tiled ? [...sessionIds] : focusedId === undefined ? [] : [focusedId];
  const shown = layout.panes.map((pane) => pane.id);
  if (JSON.stringify(shown) !== JSON.stringify(expectedShown)) found.push(`shows ${shown} instead of ${expectedShown}`);
  if (tiled !== layout.panes.every((pane) => pane.title !== undefined) && layout.panes.length > 0) found.push('titles do not match the mode');
  if (tiled && layout.sidebar) found.push('tiled mode has a sidebar');

  const focused = layout.panes.find((pane) => pane.id === focusedId)?.rect;
  if (layout.sizes.size !== sessionIds.length) found.push(`${layout.sizes.size} sizes for ${sessionIds.length} sessions`);
  for (const id of sessionIds) {
    const rect = layout.panes.find((pane) => pane.id === id)?.rect ?? focused;
    const size = layout.sizes.get(id);
    if (!rect || size?.cols !== rect.width || size.rows !== rect.height) found.push(`size of ${id} is ${JSON.stringify(size)}`);
  }
  return found.slice(0, 8); // the first few say enough
}

function check(request: LayoutRequest): void {
  const layout = computeLayout(request);
  const label = JSON.stringify({ ...request, sessionIds: request.sessionIds.length });
  if (layout.kind === 'ok') {
    expect(violations(request, layout), label).toEqual([]);
    return;
  }
  const { minCols, minRows } = layout;
  expect(request.cols < minCols || request.rows < minRows, `${label} said too small for ${minCols}x${minRows}`).toBe(true);
  const at = (cols: number, rows: number) => computeLayout({ ...request, cols, rows }).kind;
  expect(at(Math.max(request.cols, minCols), Math.max(request.rows, minRows)), `${label}: the minimum is not enough`).toBe('ok');
  expect(at(minCols - 1, Math.max(request.rows, minRows)), `${label}: the minimum width is not tight`).toBe('too-small');
  expect(at(Math.max(request.cols, minCols), minRows - 1), `${label}: the minimum height is not tight`).toBe('too-small');
}

/** mulberry32: a tiny seeded generator, so every run checks the same cases. */
function seededRandom(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below);
  };
}

describe('layout properties', () => {
  it.each(LAYOUT_MODES.flatMap((mode) => [false, true].map((zoomed) => ({ mode, zoomed }))))(
    'hold for every small terminal in $mode mode (zoomed: $zoomed)',
    ({ mode, zoomed }) => {
      for (let count = 0; count <= 10; count++) {
        for (let cols = 1; cols <= 70; cols++) {
          for (let rows = 1; rows <= 16; rows++) {
            const sessionIds = ids(count);
            check({ cols, rows, mode, zoomed, sessionIds, focusedId: sessionIds[count >> 1], sidebarWidth: 30 });
          }
        }
      }
    },
  );

  it('hold for a seeded sample of large terminals, many sessions and odd sidebar preferences', () => {
    const random = seededRandom(20240611);
    for (let round = 0; round < 1500; round++) {
      const count = random(26);
      const sessionIds = ids(count);
      check({
        cols: 1 + random(320),
        rows: 1 + random(100),
        mode: LAYOUT_MODES[random(LAYOUT_MODES.length)]!,
        zoomed: random(4) === 0,
        sessionIds,
        // Sometimes an id that is not a session, which must fall back to the first.
        focusedId: random(8) === 0 ? 'missing' : sessionIds[random(Math.max(count, 1))],
        sidebarWidth: random(120),
      });
    }
  });
});
