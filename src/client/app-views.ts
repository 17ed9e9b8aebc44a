/**
 * The views that make up the UI's screen — sidebar, panes, pane borders and titles, status bar, and the
 * notice shown instead of all of them when the terminal is too small — drawn from one description of
 * what should be on it. GroveApp decides what the screen shows; this puts it there, in the order that
 * matters: ptys resized before their panes are placed, modal laid out last so it sits on top, the
 * hardware cursor where the user types (the modal's field, else the focused pane's program).
 *
 * Most draws are output arriving in a pane, and for those nothing else on screen changes: `drawPanes`
 * paints just those panes' changed rows and draws, skipping the layout, the sidebar, the status line and
 * blessed's render pass (measured: two thirds of the client's share of a keystroke's echo). It declines,
 * and the caller draws everything, whenever something may cover a pane: a modal, the too-small notice,
 * or the banner over a finished session's last screen.
 */
import type { Keymap } from '../core/keymap/keymap.js';
import type { ScreenLayout } from '../core/layout/layout.js';
import type { PaneFrame } from '../core/screen/frame.js';
import { isRunning, type SessionInfo } from '../core/session/session.js';
import type { TerminalScreen } from '../io/screen.js';
import type { PaneViews } from './pane-views.js';
import type { Modal } from './views/modal.js';
import { PaneChrome } from './views/pane-chrome.js';
import type { Palette } from './views/palette.js';
import type { MachineState } from './hosts/host-set.js';
import { SidebarView } from './views/sidebar.js';
import { StatusBarView } from './views/status-bar.js';
import { TooSmallNotice } from './views/too-small-notice.js';

export interface AppScene {
  readonly layout: ScreenLayout;
  readonly sessions: readonly SessionInfo[];
  readonly focusedId: string | undefined;
  /** Each pane's frame as it should show: the live screen, or its copy-mode view. */
  readonly frames: ReadonlyMap<string, PaneFrame>;
  /** Whether a session's sidebar entry carries the needs-you mark. */
  readonly marked: (id: string) => boolean;
  readonly prefixPending: boolean;
  readonly notice: string | undefined;
  readonly home: string | undefined;
  readonly modal: Modal | undefined;
  /** A question on the status line hides the pane's cursor: the next key answers it, not the program. */
  readonly asking: boolean;
  /** Other machines whose link is not up, with why: the sidebar says so under the sessions. */
  readonly offline: readonly MachineState[];
  /** Fan-out groups folded into their sidebar header. */
  readonly folded: ReadonlySet<string>;
}

export class AppViews {
  private readonly sidebar: SidebarView;
  private readonly statusBar: StatusBarView;
  private readonly chrome: PaneChrome;
  private readonly tooSmall: TooSmallNotice;
  /** What the last full draw showed: drawPanes changes only the panes' contents within it. */
  private shown: AppScene | undefined;

  constructor(
    private readonly screen: TerminalScreen,
    palette: Palette,
    private readonly keymap: Keymap,
    private readonly panes: PaneViews,
  ) {
    this.chrome = new PaneChrome(screen.screen, palette, keymap);
    this.sidebar = new SidebarView(screen.screen, palette, keymap);
    this.statusBar = new StatusBarView(screen.screen, palette, keymap);
    this.tooSmall = new TooSmallNotice(screen.screen);
  }

  draw(scene: AppScene): void {
    const { screen } = this;
    const { layout } = scene;
    this.shown = scene;
    if (layout.kind === 'too-small') {
      this.sidebar.hide();
      this.chrome.update({ panes: [], dividers: [], sessions: [], focusedId: undefined });
      this.panes.place([], scene.frames);
      this.tooSmall.show(screen.cols, screen.rows, layout.minCols, layout.minRows);
      this.statusBar.element.hide();
      screen.setCursor(undefined);
      screen.render();
      return;
    }
    this.tooSmall.hide();
    this.statusBar.element.show();
    this.panes.resizeSessions(layout.sizes, layout.panes);
    this.panes.place(layout.panes, scene.frames);
    this.sidebar.update(layout.sidebar, { sessions: scene.sessions, focusedId: scene.focusedId, needsUser: scene.marked, offline: scene.offline, folded: scene.folded });
    this.chrome.update({ panes: layout.panes, dividers: layout.dividers, sessions: scene.sessions, focusedId: scene.focusedId });
    const focusedIndex = scene.sessions.findIndex((s) => s.id === scene.focusedId);
    this.statusBar.update(layout.statusBar, {
      focused: scene.sessions[focusedIndex],
      focusedIndex,
      prefix: this.keymap.prefix,
      prefixPending: scene.prefixPending,
      notice: scene.notice,
      home: scene.home,
    });
    scene.modal?.layout(screen.cols, screen.rows);
    screen.setCursor(scene.modal ? scene.modal.cursor() : this.focusedCursor(scene));
    screen.render();
  }

  /** New frames for panes on screen, and nothing else changed; false when only a full draw will do. */
  drawPanes(ids: Iterable<string>, frames: ReadonlyMap<string, PaneFrame>): boolean {
    const scene = this.shown;
    if (!scene || scene.modal || scene.layout.kind !== 'ok') return false;
    const updated = [...ids];
    const running = (id: string) => {
      const session = scene.sessions.find((s) => s.id === id);
      return session !== undefined && isRunning(session);
    };
    if (!updated.every(running)) return false;
    for (const id of updated) this.panes.repaint(id, frames.get(id));
    this.shown = { ...scene, frames };
    this.screen.setCursor(this.focusedCursor(this.shown));
    this.screen.draw();
    return true;
  }

  private focusedCursor(scene: AppScene): { x: number; y: number; visible: boolean } | undefined {
    const focused = scene.sessions.find((s) => s.id === scene.focusedId);
    if (!focused || !isRunning(focused) || scene.asking) return undefined;
    return this.panes.cursor(focused.id);
  }
}
