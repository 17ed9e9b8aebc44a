/**
 * Directional focus moves over real tiled layouts, checked against the picture of the screen.
 */
import { describe, expect, it } from 'vitest';
import { computeLayout, neighbour, type PanePlacement } from '../../src/core/layout/layout.js';
import type { Direction } from '../../src/core/layout/rect.js';

function tiledPanes(count: number, cols = 100, rows = 30): readonly PanePlacement[] {
  const sessionIds = 'abcdefghijklmnop'.slice(0, count).split('');
  const layout = computeLayout({ cols, rows, mode: 'tiled', zoomed: false, sessionIds, focusedId: 'a', sidebarWidth: 30 });
  if (layout.kind !== 'ok') throw new Error('expected room for the grid');
  return layout.panes;
}

/** Every move from every pane, as "from direction -> to" lines ('-' for none). */
function moves(panes: readonly PanePlacement[]): string {
  const directions: Direction[] = ['left', 'right', 'up', 'down'];
  return panes
    .map((pane) => `${pane.id}: ${directions.map((direction) => `${direction} ${neighbour(panes, pane.id, direction) ?? '-'}`).join(', ')}`)
    .join('\n');
}

describe('neighbour', () => {
  it('moves within a full 2x2 grid and stops at the edges', () => {
    // a b
    // c d
    expect(moves(tiledPanes(4))).toBe(
      [
        'a: left -, right b, up -, down c',
        'b: left a, right -, up -, down d',
        'c: left -, right d, up a, down -',
        'd: left c, right -, up b, down -',
      ].join('\n'),
    );
  });

  it('goes to the pane overlapping most when the rows are not aligned', () => {
    // a a a │ b b b │ c c c     Row two has two wider tiles: d lies under all of a and part of b,
    // d d d d d │ e e e e e     e under the rest of b and all of c.
    const panes = tiledPanes(5, 101);
    expect(neighbour(panes, 'd', 'up')).toBe('a');
    expect(neighbour(panes, 'e', 'up')).toBe('c');
    expect(neighbour(panes, 'a', 'down')).toBe('d');
    expect(neighbour(panes, 'c', 'down')).toBe('e');
  });

  it('weighs overlap by cells, not by which pane comes first', () => {
    //  aaaa bbbbbbbb
    //  cccccc dddddd      From b, down: c shares one column with it, d six.
    const rect = (x: number, y: number, width: number) => ({ x, y, width, height: 1 });
    const panes: PanePlacement[] = [
      { id: 'a', rect: rect(0, 0, 4) },
      { id: 'b', rect: rect(5, 0, 8) },
      { id: 'c', rect: rect(0, 2, 6) },
      { id: 'd', rect: rect(7, 2, 6) },
    ];
    expect(neighbour(panes, 'b', 'down')).toBe('d');
    expect(neighbour(panes, 'c', 'up')).toBe('a');
  });

  it('prefers the nearest pane over a farther one on the same side', () => {
    const panes = tiledPanes(3, 100, 30); // a b / c
    expect(neighbour(panes, 'b', 'left')).toBe('a');
    expect(neighbour(tiledPanes(9), 'c', 'left')).toBe('b');
  });

  it('breaks an exact tie in favour of the earlier pane', () => {
    // a b / c: c lies under both a and b, which overlap it equally on a width of 99 + 1 divider.
    const panes = tiledPanes(3, 99);
    expect(neighbour(panes, 'c', 'up')).toBe('a');
  });

  it('has no neighbour for a single pane or an unknown id', () => {
    const panes = tiledPanes(1);
    expect(neighbour(panes, 'a', 'right')).toBeUndefined();
    expect(neighbour(tiledPanes(4), 'zz', 'left')).toBeUndefined();
  });
});
