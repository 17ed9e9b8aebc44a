/**
 * What grove does with the mouse: each report from the user's terminal, read against what is where on
 * the screen, becomes a few actions for the client.
 *
 * As in tmux with `mouse on`: a click on a sidebar entry or on a pane (or its title row) focuses that
 * session; the wheel scrolls a pane's history, in copy mode; dragging with the left button selects text
 * in copy mode, and letting go copies it. A pane whose program asked for mouse reports itself (vim with
 * mouse=a, an agent's own TUI) gets the events instead, at its own coordinates, unless it is in copy
 * mode, where grove is reading the pane. With Shift held grove does nothing: terminals keep Shift+drag
 * for their own selection, and a report that comes through anyway is not grove's to act on.
 *
 * A gesture belongs to where it began: after a press, motion and the release go to the same pane even
 * outside it (coordinates held to its edges for a program; for a selection, past the edge scrolls).
 */
import type { MouseEvent } from '../keys/input-event.js';
import type { PanePlacement } from '../layout/layout.js';
import type { Rect } from '../layout/rect.js';
import type { TerminalModes } from '../screen/frame.js';
import { encodeMouse, wantsEvent } from './encode.js';

/** Lines the wheel scrolls per notch, as tmux and most terminals do. */
export const WHEEL_LINES = 3;

export interface MouseScene {
  readonly sidebar: Rect | undefined;
  readonly panes: readonly PanePlacement[];
  readonly focusedId: string | undefined;
  /** The modes the pane's program set, if a frame of it has arrived. */
  modes(id: string): TerminalModes | undefined;
  inCopyMode(id: string): boolean;
  /** The session whose sidebar entry covers this row of the sidebar (0 is its top row). */
  sessionAtSidebarRow(row: number): string | undefined;
}

/** Coordinates are cells of the pane, from 0 at its top-left corner. */
export type MouseAction =
  | { readonly kind: 'focus'; readonly id: string }
  | { readonly kind: 'forward'; readonly id: string; readonly bytes: string }
  /** Scroll the pane's history (entering copy mode); positive is towards the bottom. */
  | { readonly kind: 'scroll'; readonly id: string; readonly lines: number }
  /** A click, without dragging, in a pane in copy mode. */
  | { readonly kind: 'click'; readonly id: string; readonly x: number; readonly y: number }
  | { readonly kind: 'select-start'; readonly id: string; readonly x: number; readonly y: number }
  | { readonly kind: 'select-extend'; readonly id: string; readonly x: number; readonly y: number }
  | { readonly kind: 'select-end'; readonly id: string };

type Gesture =
  | { readonly kind: 'forward'; readonly id: string }
  | { readonly kind: 'press'; readonly id: string; readonly x: number; readonly y: number }
  | { readonly kind: 'drag'; readonly id: string };

const within = (rect: Rect, x: number, y: number): boolean =>
  x >= rect.x && x < rect.x + rect.width && y >= rect.y && y < rect.y + rect.height;

const clamp = (value: number, low: number, high: number): number => Math.max(low, Math.min(value, high));

export class MouseRouter {
  private gesture: Gesture | undefined;

  handle(event: MouseEvent, scene: MouseScene): MouseAction[] {
    if (event.shift) return [];
    const gesture = this.gesture;
    if (gesture && event.action !== 'press') return this.continueGesture(gesture, event, scene);
    this.gesture = undefined;
    return this.begin(event, scene);
  }

  private begin(event: MouseEvent, scene: MouseScene): MouseAction[] {
    const { x, y } = event;
    const press = event.action === 'press';
    if (scene.sidebar && within(scene.sidebar, x, y)) {
      const id = press && event.button === 0 ? scene.sessionAtSidebarRow(y - scene.sidebar.y) : undefined;
      return id ? [{ kind: 'focus', id }] : [];
    }
    const title = scene.panes.find((pane) => pane.title && within(pane.title, x, y));
    if (title) return press && title.id !== scene.focusedId ? [{ kind: 'focus', id: title.id }] : [];
    const pane = scene.panes.find((p) => within(p.rect, x, y));
    if (!pane) return [];
    const { id, rect } = pane;
    const local = { x: x - rect.x, y: y - rect.y };
    const actions: MouseAction[] = press && id !== scene.focusedId ? [{ kind: 'focus', id }] : [];
    const modes = scene.modes(id);
    if (modes && modes.mouseTracking !== 'none' && !scene.inCopyMode(id)) {
      const bytes = wantsEvent(modes.mouseTracking, event) ? encodeMouse(event, local.x, local.y, modes.sgrMouse, modes.mouseTracking) : undefined;
      if (bytes) actions.push({ kind: 'forward', id, bytes });
      if (press) this.gesture = { kind: 'forward', id };
      return actions;
    }
    if (event.action === 'wheel-up') actions.push({ kind: 'scroll', id, lines: -WHEEL_LINES });
    if (event.action === 'wheel-down' && scene.inCopyMode(id)) actions.push({ kind: 'scroll', id, lines: WHEEL_LINES });
    if (press && event.button === 0) this.gesture = { kind: 'press', id, ...local };
    return actions;
  }

  private continueGesture(gesture: Gesture, event: MouseEvent, scene: MouseScene): MouseAction[] {
    const pane = scene.panes.find((p) => p.id === gesture.id);
    const done = event.action === 'release';
    if (done) this.gesture = undefined;
    if (!pane) {
      this.gesture = undefined;
      return [];
    }
    const { id, rect } = pane;
    const local = { x: event.x - rect.x, y: event.y - rect.y };
    switch (gesture.kind) {
      case 'forward': {
        const modes = scene.modes(id);
        if (!modes || !wantsEvent(modes.mouseTracking, event)) return [];
        const bytes = encodeMouse(event, clamp(local.x, 0, rect.width - 1), clamp(local.y, 0, rect.height - 1), modes.sgrMouse, modes.mouseTracking);
        return bytes ? [{ kind: 'forward', id, bytes }] : [];
      }
      case 'press':
        if (done) return scene.inCopyMode(id) ? [{ kind: 'click', id, x: gesture.x, y: gesture.y }] : [];
        if (event.action !== 'move') return [];
        this.gesture = { kind: 'drag', id };
        return [{ kind: 'select-start', id, x: gesture.x, y: gesture.y }, { kind: 'select-extend', id, ...this.held(local, rect) }];
      case 'drag':
        if (done) return [{ kind: 'select-extend', id, ...this.held(local, rect) }, { kind: 'select-end', id }];
        return event.action === 'move' ? [{ kind: 'select-extend', id, ...this.held(local, rect) }] : [];
    }
  }

  /** A selection's end: held to the pane's columns, but free to go a row past the top or bottom (to scroll). */
  private held(local: { x: number; y: number }, rect: Rect): { x: number; y: number } {
    return { x: clamp(local.x, 0, rect.width - 1), y: clamp(local.y, -1, rect.height) };
  }
}
