/**
 * The client's panes: one PaneView per session on screen, placed where the layout says, showing the
 * session's latest frame. It also keeps each session's pty the size the layout gives it, asking the host
 * to resize only when a size really changed (a resize makes the program redraw), and tells the host which
 * sessions are on screen: the host pushes a watched session's current frame at once and every change after,
 * so the client never asks for a screen it could receive out of order.
 */
import type { Widgets } from 'blessed';
import type { Disposable } from '../core/disposable.js';
import type { PanePlacement } from '../core/layout/layout.js';
import type { PaneFrame } from '../core/screen/frame.js';
import type { SessionHost } from '../core/session/host.js';
import { PaneView } from './pane-view.js';

const HIDDEN_RESIZE_MS = 300;

export class PaneViews implements Disposable {
  private readonly views = new Map<string, PaneView>();
  private readonly sizes = new Map<string, { cols: number; rows: number }>();
  private watched = '';
  private pendingHidden = new Map<string, { cols: number; rows: number }>();
  private hiddenTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly screen: Widgets.Screen,
    private readonly host: SessionHost,
  ) {}

  isVisible(id: string): boolean {
    return this.views.has(id);
  }

  /** Shows exactly these panes; views of panes no longer on screen are released. */
  place(panes: readonly PanePlacement[], frames: ReadonlyMap<string, PaneFrame>): void {
    const onScreen = new Set(panes.map((p) => p.id));
    const watched = [...onScreen].sort().join(' ');
    if (watched !== this.watched) {
      this.watched = watched;
      this.host.watch([...onScreen]);
    }
    for (const [id, view] of this.views) {
      if (!onScreen.has(id)) {
        view.dispose();
        this.views.delete(id);
      }
    }
    for (const pane of panes) {
      let view = this.views.get(pane.id);
      if (!view) {
        view = new PaneView(this.screen);
        view.element.setBack();
        this.views.set(pane.id, view);
      }
      view.setRect(pane.rect);
      view.setFrame(frames.get(pane.id));
    }
  }

  /**
   * Sends the host a resize for every session whose size in the layout changed: at once for the panes on
   * screen, and HIDDEN_RESIZE_MS later for the rest. Resizing reflows a session's whole scrollback, which
   * for thirty sessions of 10,000 lines is most of a second of the server's time; the screen being
   * attached to must not wait behind sessions it does not show.
   */
  resizeSessions(sizes: ReadonlyMap<string, { cols: number; rows: number }>, onScreen: readonly PanePlacement[]): void {
    const visible = new Set(onScreen.map((p) => p.id));
    for (const [id, size] of sizes) if (visible.has(id)) this.resize(id, size);
    for (const id of this.sizes.keys()) if (!sizes.has(id)) this.sizes.delete(id);
    this.pendingHidden = new Map([...sizes].filter(([id]) => !visible.has(id)));
    if (this.pendingHidden.size && !this.hiddenTimer) {
      this.hiddenTimer = setTimeout(() => {
        this.hiddenTimer = undefined;
        for (const [id, size] of this.pendingHidden) this.resize(id, size);
        this.pendingHidden.clear();
      }, HIDDEN_RESIZE_MS);
    }
  }

  private resize(id: string, size: { cols: number; rows: number }): void {
    const known = this.sizes.get(id);
    if (known && known.cols === size.cols && known.rows === size.rows) return;
    this.sizes.set(id, size);
    this.host.resize(id, size.cols, size.rows);
  }

  /** Paints a session's new frame into its pane at once, outside a render pass (AppViews.drawPanes). */
  repaint(id: string, frame: PaneFrame | undefined): void {
    this.views.get(id)?.repaint(frame);
  }

  cursor(id: string): { x: number; y: number; visible: boolean } | undefined {
    return this.views.get(id)?.cursorPosition();
  }

  dispose(): void {
    if (this.hiddenTimer) clearTimeout(this.hiddenTimer);
    for (const view of this.views.values()) view.dispose();
    this.views.clear();
  }

}
