/**
 * What the mouse does on grove's screen, gesture by gesture, on a scene laid out as the client would:
 * a sidebar, and panes in focus or tiled mode.
 */
import { describe, expect, it } from 'vitest';
import type { MouseEvent } from '../../src/core/keys/input-event.js';
import { MouseRouter, WHEEL_LINES, type MouseScene } from '../../src/core/mouse/mouse-router.js';
import { sidebarEntryAt, sidebarWindow } from '../../src/core/mouse/sidebar-rows.js';
import { DEFAULT_MODES, type TerminalModes } from '../../src/core/screen/frame.js';

const event = (action: MouseEvent['action'], x: number, y: number, button = 0, shift = false): MouseEvent => ({
  action, button: action.startsWith('wheel') ? -1 : button, x, y, shift, meta: false, ctrl: false,
});

interface SceneOptions {
  modes?: Record<string, TerminalModes>;
  copyMode?: string[];
  focusedId?: string;
}

/** Sidebar in columns 0–29; pane a at x 31–60 (titled in row 0), pane b at x 62–99, both from row 1. */
function scene(options: SceneOptions = {}): MouseScene {
  const ids = ['a', 'b', 'c'];
  return {
    sidebar: { x: 0, y: 0, width: 30, height: 29 },
    panes: [
      { id: 'a', rect: { x: 31, y: 1, width: 30, height: 28 }, title: { x: 31, y: 0, width: 30, height: 1 } },
      { id: 'b', rect: { x: 62, y: 1, width: 38, height: 28 }, title: { x: 62, y: 0, width: 38, height: 1 } },
    ],
    focusedId: options.focusedId ?? 'a',
    modes: (id) => options.modes?.[id] ?? DEFAULT_MODES,
    inCopyMode: (id) => options.copyMode?.includes(id) ?? false,
    sessionAtSidebarRow: (row) => {
      const index = sidebarEntryAt(row, 29, ids.length, 0);
      return index === undefined ? undefined : ids[index];
    },
  };
}

const mouseApp: TerminalModes = { ...DEFAULT_MODES, mouseTracking: 'vt200', sgrMouse: true };

describe('clicks', () => {
  it('select the session whose sidebar entry was clicked', () => {
    const router = new MouseRouter();
    expect(router.handle(event('press', 5, 3), scene())).toEqual([{ kind: 'focus', id: 'b' }]);
    expect(router.handle(event('release', 5, 3), scene())).toEqual([]);
    expect(router.handle(event('press', 5, 0), scene())).toEqual([]);
    expect(router.handle(event('press', 5, 20), scene())).toEqual([]);
    expect(router.handle(event('press', 5, 3, 2), scene())).toEqual([]);
  });

  it('focus the pane, or the title row, they land on', () => {
    const router = new MouseRouter();
    expect(router.handle(event('press', 70, 10), scene())).toEqual([{ kind: 'focus', id: 'b' }]);
    expect(router.handle(event('release', 70, 10), scene())).toEqual([]);
    expect(router.handle(event('press', 65, 0), scene())).toEqual([{ kind: 'focus', id: 'b' }]);
    expect(router.handle(event('press', 40, 10), scene())).toEqual([]);
    expect(router.handle(event('press', 61, 10), scene())).toEqual([]);
  });

  it('move the cursor of a pane in copy mode', () => {
    const router = new MouseRouter();
    const inCopy = scene({ copyMode: ['a'] });
    expect(router.handle(event('press', 40, 10), inCopy)).toEqual([]);
    expect(router.handle(event('release', 40, 10), inCopy)).toEqual([{ kind: 'click', id: 'a', x: 9, y: 9 }]);
  });

  it('do nothing with Shift held: that is the terminal’s own selection', () => {
    const router = new MouseRouter();
    expect(router.handle(event('press', 70, 10, 0, true), scene())).toEqual([]);
    expect(router.handle(event('press', 5, 3, 0, true), scene())).toEqual([]);
    expect(router.handle(event('press', 40, 10, 0, true), scene({ modes: { a: mouseApp } }))).toEqual([]);
  });
});

describe('the wheel', () => {
  it('scrolls a pane back into copy mode, and down only once it is there', () => {
    const router = new MouseRouter();
    expect(router.handle(event('wheel-up', 70, 10), scene())).toEqual([{ kind: 'scroll', id: 'b', lines: -WHEEL_LINES }]);
    expect(router.handle(event('wheel-down', 70, 10), scene())).toEqual([]);
    expect(router.handle(event('wheel-down', 70, 10), scene({ copyMode: ['b'] }))).toEqual([{ kind: 'scroll', id: 'b', lines: WHEEL_LINES }]);
  });
});

describe('dragging', () => {
  it('selects from the press to the release, then copies', () => {
    const router = new MouseRouter();
    const s = scene();
    expect(router.handle(event('press', 31, 5), s)).toEqual([]);
    expect(router.handle(event('move', 35, 5), s)).toEqual([
      { kind: 'select-start', id: 'a', x: 0, y: 4 },
      { kind: 'select-extend', id: 'a', x: 4, y: 4 },
    ]);
    expect(router.handle(event('move', 36, 6), s)).toEqual([{ kind: 'select-extend', id: 'a', x: 5, y: 5 }]);
    expect(router.handle(event('release', 36, 6), s)).toEqual([
      { kind: 'select-extend', id: 'a', x: 5, y: 5 },
      { kind: 'select-end', id: 'a' },
    ]);
    expect(router.handle(event('move', 37, 6), s)).toEqual([]);
  });

  it('stays with the pane it began in, a row past its edge to scroll, its columns held', () => {
    const router = new MouseRouter();
    const s = scene();
    router.handle(event('press', 40, 2), s);
    router.handle(event('move', 41, 2), s);
    expect(router.handle(event('move', 90, 0), s)).toEqual([{ kind: 'select-extend', id: 'a', x: 29, y: -1 }]);
    expect(router.handle(event('move', 10, 29), s)).toEqual([{ kind: 'select-extend', id: 'a', x: 0, y: 28 }]);
  });

  it('with the right button does nothing', () => {
    const router = new MouseRouter();
    expect(router.handle(event('press', 40, 2, 2), scene())).toEqual([]);
    expect(router.handle(event('move', 45, 2, 2), scene())).toEqual([]);
  });
});

describe('a program that asked for the mouse', () => {
  it('gets presses, releases and the wheel at its own coordinates, and the pane is still focused', () => {
    const router = new MouseRouter();
    const s = scene({ modes: { b: mouseApp } });
    expect(router.handle(event('press', 72, 6), s)).toEqual([{ kind: 'focus', id: 'b' }, { kind: 'forward', id: 'b', bytes: '\x1b[<0;11;6M' }]);
    expect(router.handle(event('move', 73, 6), s)).toEqual([]);
    expect(router.handle(event('release', 73, 6), s)).toEqual([{ kind: 'forward', id: 'b', bytes: '\x1b[<0;12;6m' }]);
    expect(router.handle(event('wheel-up', 72, 6), s)).toEqual([{ kind: 'forward', id: 'b', bytes: '\x1b[<64;11;6M' }]);
  });

  it('gets drags when it asked for them, held to its edges after leaving the pane', () => {
    const router = new MouseRouter();
    const s = scene({ modes: { a: { ...mouseApp, mouseTracking: 'drag', sgrMouse: false } } });
    expect(router.handle(event('press', 31, 1), s)).toEqual([{ kind: 'forward', id: 'a', bytes: '\x1b[M !!' }]);
    expect(router.handle(event('move', 90, 1), s)).toEqual([{ kind: 'forward', id: 'a', bytes: '\x1b[M@>!' }]);
    expect(router.handle(event('release', 90, 40), s)).toEqual([{ kind: 'forward', id: 'a', bytes: '\x1b[M#><' }]);
  });

  it('gets nothing while its pane is in copy mode: grove is reading the pane then', () => {
    const router = new MouseRouter();
    const s = scene({ modes: { a: mouseApp }, copyMode: ['a'] });
    expect(router.handle(event('wheel-down', 40, 10), s)).toEqual([{ kind: 'scroll', id: 'a', lines: WHEEL_LINES }]);
  });
});

describe('the sidebar rows', () => {
  it('list two rows a session under the heading, scrolled to keep the focused one in view', () => {
    expect(sidebarWindow(29, 3, 0)).toEqual({ first: 0, entries: 14 });
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((row) => sidebarEntryAt(row, 29, 3, 0))).toEqual([undefined, 0, 0, 1, 1, 2, 2, undefined]);
    // Five rows hold the heading and two entries; with the fourth session focused, the third and fourth show.
    expect(sidebarWindow(5, 6, 3)).toEqual({ first: 2, entries: 2 });
    expect([1, 2, 3, 4, 5].map((row) => sidebarEntryAt(row, 5, 6, 3))).toEqual([2, 2, 3, 3, undefined]);
  });
});
