/**
 * The mouse in the client: turns on mouse reporting in the user's terminal, and carries out what the
 * router (src/core/mouse/mouse-router.ts) decides each report means — focusing, typing the report into
 * a pane whose program wants it, or scrolling and selecting in copy mode.
 *
 * Reporting is SGR (1006) with button-event tracking (1002), so grove sees presses, releases, the wheel,
 * and motion while a button is held, at any column. The screen turns all of it off when grove exits.
 */
import type { Disposable } from '../core/disposable.js';
import type { MouseEvent } from '../core/keys/input-event.js';
import { MouseRouter, type MouseAction, type MouseScene } from '../core/mouse/mouse-router.js';
import type { CopyModeOptions, CopyModeSession } from './copy-mode/copy-mode-session.js';

const MOUSE_ON = '\x1b[?1000h\x1b[?1002h\x1b[?1006h';
const MOUSE_OFF = '\x1b[?1006l\x1b[?1002l\x1b[?1000l';

export interface MouseClient {
  /** What is where on screen now; undefined while nothing can be clicked (a dialog, a too-small terminal). */
  scene(): MouseScene | undefined;
  focus(id: string): void;
  input(id: string, bytes: string): void;
  /**
   * The pane's copy mode; with `enter`, entering it with those options if it is not in it already.
   * Undefined if it is not (and is not to be), or has nothing to show yet.
   */
  copyMode(id: string, enter?: CopyModeOptions): CopyModeSession | undefined;
  /** Writes a control sequence to the user's terminal. */
  control(sequence: string): void;
}

export class MouseInput implements Disposable {
  private readonly router = new MouseRouter();
  private on = false;

  constructor(private readonly client: MouseClient, enabled: boolean) {
    this.setEnabled(enabled);
  }

  get enabled(): boolean {
    return this.on;
  }

  setEnabled(on: boolean): void {
    if (on === this.on) return;
    this.on = on;
    this.client.control(on ? MOUSE_ON : MOUSE_OFF);
  }

  handle(event: MouseEvent): void {
    // Reports already on their way when the mouse was turned off are dropped.
    const scene = this.on ? this.client.scene() : undefined;
    if (!scene) return;
    for (const action of this.router.handle(event, scene)) this.run(action);
  }

  dispose(): void {
    this.setEnabled(false);
  }

  private run(action: MouseAction): void {
    const { client } = this;
    switch (action.kind) {
      case 'focus': return client.focus(action.id);
      case 'forward': return client.input(action.id, action.bytes);
      // Scrolled in by the wheel, copy mode ends when the wheel brings it back to the bottom, as in tmux.
      case 'scroll': return client.copyMode(action.id, { leaveAtBottom: true })?.scroll(action.lines);
      case 'click': return client.copyMode(action.id)?.click(action.x, action.y);
      case 'select-start': return client.copyMode(action.id, {})?.selectFrom(action.x, action.y);
      case 'select-extend': return client.copyMode(action.id)?.extendTo(action.x, action.y);
      case 'select-end': return client.copyMode(action.id)?.finishDrag();
    }
  }
}
