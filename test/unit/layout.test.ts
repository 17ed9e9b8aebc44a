/**
 * Layouts drawn as pictures: each test states a screen the way a user would see it.
 *
 * Legend: `=` status bar, `:` sidebar, `│` divider, a lower-case letter is the pane of the session with
 * that id, the same letter in upper case is its title row, `.` a cell nothing claims.
 */
import { describe, expect, it } from 'vitest';
import { computeLayout, nextLayout, LAYOUT_MODES, type LayoutRequest, type ScreenLayout } from '../../src/core/layout/layout.js';
import type { Rect } from '../../src/core/layout/rect.js';

function request(overrides: Partial<LayoutRequest>): LayoutRequest {
  return { cols: 40, rows: 10, mode: 'focus', zoomed: false, sessionIds: [], focusedId: undefined, sidebarWidth: 30, ...overrides };
}

function draw(layout: ScreenLayout, cols: number, rows: number): string {
  if (layout.kind !== 'ok') throw new Error(`expected a layout, got too-small ${layout.minCols}x${layout.minRows}`);
  const grid = Array.from({ length: rows }, () => Array.from({ length: cols }, () => '.'));
  const paint = (rect: Rect, mark: string) => {
    for (let y = rect.y; y < rect.y + rect.height; y++) for (let x = rect.x; x < rect.x + rect.width; x++) grid[y]![x] = mark;
  };
  paint(layout.statusBar, '=');
  if (layout.sidebar) paint(layout.sidebar, ':');
  for (const divider of layout.dividers) paint(divider, '│');
  for (const pane of layout.panes) {
    paint(pane.rect, pane.id);
    if (pane.title) paint(pane.title, pane.id.toUpperCase());
  }
  return grid.map((row) => row.join('')).join('\n');
}

function picture(lines: string): string {
  return lines.trim().split('\n').map((line) => line.trim()).join('\n');
}

describe('focus mode', () => {
  it('puts the sidebar left, a divider, then the focused pane; the status bar is the last row', () => {
    const layout = computeLayout(request({ cols: 50, rows: 5, sessionIds: ['a', 'b'], focusedId: 'b' }));
    // The preferred 30 columns are clamped to a third of 50.
    expect(draw(layout, 50, 5)).toBe(picture(`
      ::::::::::::::::│bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb
      ::::::::::::::::│bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb
      ::::::::::::::::│bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb
      ::::::::::::::::│bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb
      ==================================================
    `));
  });

  it('uses the preferred sidebar width when there is room, and never less than 16', () => {
    const wide = computeLayout(request({ cols: 120, rows: 10, sessionIds: ['a'], focusedId: 'a', sidebarWidth: 30 }));
    const narrowPreference = computeLayout(request({ cols: 120, rows: 10, sessionIds: ['a'], focusedId: 'a', sidebarWidth: 4 }));
    expect(wide.kind === 'ok' && wide.sidebar?.width).toBe(30);
    expect(narrowPreference.kind === 'ok' && narrowPreference.sidebar?.width).toBe(16);
  });

  it('drops the sidebar when a third of the width cannot hold 16 columns', () => {
    const layout = computeLayout(request({ cols: 30, rows: 5, sessionIds: ['a'], focusedId: 'a' }));
    expect(draw(layout, 30, 5)).toBe(picture(`
      aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
      aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
      aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
      aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
      ==============================
    `));
  });

  it('with no sessions shows the sidebar and leaves the rest for a hint', () => {
    const layout = computeLayout(request({ cols: 48, rows: 4 + 1 }));
    expect(layout.kind === 'ok' && layout.panes).toEqual([]);
    expect(draw(layout, 48, 5).split('\n')[0]).toBe('::::::::::::::::│' + '.'.repeat(31));
  });

  it('treats an unknown focused id as the first session', () => {
    const layout = computeLayout(request({ cols: 60, rows: 8, sessionIds: ['a', 'b'], focusedId: 'gone' }));
    expect(layout.kind === 'ok' && layout.panes.map((pane) => pane.id)).toEqual(['a']);
  });

  it('sizes hidden sessions like the focused pane, so switching needs no resize', () => {
    const layout = computeLayout(request({ cols: 100, rows: 30, sessionIds: ['a', 'b', 'c'], focusedId: 'b' }));
    expect(layout.kind).toBe('ok');
    if (layout.kind !== 'ok') return;
    // 30-column sidebar, 1 divider: the pane has the other 69 columns and every row but the status bar.
    expect([...layout.sizes]).toEqual([
      ['a', { cols: 69, rows: 29 }],
      ['b', { cols: 69, rows: 29 }],
      ['c', { cols: 69, rows: 29 }],
    ]);
  });
});

describe('tiled mode', () => {
  it('spreads a shorter last row across the full width', () => {
    const layout = computeLayout(request({ mode: 'tiled', cols: 21, rows: 7, sessionIds: ['a', 'b', 'c'], focusedId: 'a' }));
    expect(draw(layout, 21, 7)).toBe(picture(`
      AAAAAAAAAA│BBBBBBBBBB
      aaaaaaaaaa│bbbbbbbbbb
      aaaaaaaaaa│bbbbbbbbbb
      CCCCCCCCCCCCCCCCCCCCC
      ccccccccccccccccccccc
      ccccccccccccccccccccc
      =====================
    `));
  });

  it('gives the remainder cells to the first columns and rows', () => {
    const layout = computeLayout(request({ mode: 'tiled', cols: 36, rows: 10, sessionIds: ['a', 'b', 'c', 'd', 'e'] }));
    expect(draw(layout, 36, 10)).toBe(picture(`
      AAAAAAAAAAAA│BBBBBBBBBBB│CCCCCCCCCCC
      aaaaaaaaaaaa│bbbbbbbbbbb│ccccccccccc
      aaaaaaaaaaaa│bbbbbbbbbbb│ccccccccccc
      aaaaaaaaaaaa│bbbbbbbbbbb│ccccccccccc
      aaaaaaaaaaaa│bbbbbbbbbbb│ccccccccccc
      DDDDDDDDDDDDDDDDDD│EEEEEEEEEEEEEEEEE
      dddddddddddddddddd│eeeeeeeeeeeeeeeee
      dddddddddddddddddd│eeeeeeeeeeeeeeeee
      dddddddddddddddddd│eeeeeeeeeeeeeeeee
      ====================================
    `));
  });

  it('gives every session its own tile size and has no sidebar', () => {
    const layout = computeLayout(request({ mode: 'tiled', cols: 21, rows: 7, sessionIds: ['a', 'b', 'c'], focusedId: 'a' }));
    expect(layout.kind === 'ok' && layout.sidebar).toBeUndefined();
    expect(layout.kind === 'ok' && [...layout.sizes]).toEqual([
      ['a', { cols: 10, rows: 2 }],
      ['b', { cols: 10, rows: 2 }],
      ['c', { cols: 21, rows: 2 }],
    ]);
  });
});

describe('zoom', () => {
  it.each(LAYOUT_MODES)('in %s mode gives the focused pane everything above the status bar', (mode) => {
    const layout = computeLayout(request({ mode, zoomed: true, cols: 24, rows: 5, sessionIds: ['a', 'b'], focusedId: 'b' }));
    expect(draw(layout, 24, 5)).toBe(picture(`
      bbbbbbbbbbbbbbbbbbbbbbbb
      bbbbbbbbbbbbbbbbbbbbbbbb
      bbbbbbbbbbbbbbbbbbbbbbbb
      bbbbbbbbbbbbbbbbbbbbbbbb
      ========================
    `));
    expect(layout.kind === 'ok' && layout.sizes.get('a')).toEqual({ cols: 24, rows: 4 });
  });

  it('with no sessions falls back to the unzoomed layout', () => {
    const layout = computeLayout(request({ zoomed: true, cols: 60, rows: 8 }));
    expect(layout.kind === 'ok' && layout.sidebar).toBeTruthy();
  });
});

describe('too small', () => {
  it('reports the terminal minimum of 20x5', () => {
    expect(computeLayout(request({ cols: 19, rows: 30, sessionIds: ['a'] }))).toEqual({ kind: 'too-small', minCols: 20, minRows: 5 });
    expect(computeLayout(request({ cols: 80, rows: 4, sessionIds: ['a'] }))).toEqual({ kind: 'too-small', minCols: 20, minRows: 5 });
  });

  it('reports what a tiled grid needs: 10x2 per pane, a title row each, dividers between', () => {
    // Nine sessions: 3 tiles across (3*10 + 2 dividers), 3 rows of tiles (3 * (1 + 2)) plus the status bar.
    const ids = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
    expect(computeLayout(request({ mode: 'tiled', cols: 31, rows: 40, sessionIds: ids }))).toEqual({
      kind: 'too-small',
      minCols: 32,
      minRows: 10,
    });
    expect(computeLayout(request({ mode: 'tiled', cols: 32, rows: 10, sessionIds: ids })).kind).toBe('ok');
  });

  it('lets a zoomed pane fit where the grid would not', () => {
    const ids = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
    expect(computeLayout(request({ mode: 'tiled', zoomed: true, cols: 20, rows: 5, sessionIds: ids, focusedId: '5' })).kind).toBe('ok');
  });
});

describe('nextLayout', () => {
  it('cycles through every mode and back', () => {
    const seen = [LAYOUT_MODES[0]!];
    for (let i = 1; i < LAYOUT_MODES.length; i++) seen.push(nextLayout(seen[i - 1]!));
    expect(new Set(seen)).toEqual(new Set(LAYOUT_MODES));
    expect(nextLayout(seen[seen.length - 1]!)).toBe(LAYOUT_MODES[0]);
  });
});
