/**
 * The TUI: one client of a session host.
 *
 * State is small — the sessions (from the host), which one has focus, the layout and zoom, and whatever
 * modal or question is open — and the screen is a function of it: every change asks for a render, renders
 * are coalesced to one per turn of the event loop, and each computes the layout afresh, places the views
 * and resizes ptys whose rectangle changed. Keys go through KeyDispatch; commands act through the
 * ClientActions this class implements; sessions are reached only through the SessionHost port.
 */
import type { Subscription } from 'rxjs';
import type { ClientActions, ClientView, CommandContext } from '../core/commands/command.js';
import { DisposableStore, toDisposable } from '../core/disposable.js';
import type { Keymap } from '../core/keymap/keymap.js';
import { computeLayout, type LayoutMode, type ScreenLayout } from '../core/layout/layout.js';
import type { PaneFrame } from '../core/screen/frame.js';
import { splitCommandLine } from '../core/session/command-line.js';
import { repairFocus } from '../core/session/focus.js';
import type { SessionHost } from '../core/session/host.js';
import type { SessionInfo } from '../core/session/session.js';
import type { TerminalScreen } from '../io/screen.js';
import { KeyDispatch } from './key-dispatch.js';
import { PaneViews } from './pane-views.js';
import { TerminalInput } from './terminal-input.js';
import { HelpOverlay } from './views/help-overlay.js';
import type { Modal } from './views/modal.js';
import { NewSessionDialog, type NewSessionInput } from './views/new-session-dialog.js';
import { PaneChrome } from './views/pane-chrome.js';
import { DEFAULT_PALETTE } from './views/palette.js';
import { SidebarView } from './views/sidebar.js';
import { StatusBarView } from './views/status-bar.js';
import { TooSmallNotice } from './views/too-small-notice.js';

const MESSAGE_MS = 3000;
const SIDEBAR_WIDTH = 30;

export interface AppOptions {
  readonly host: SessionHost;
  readonly screen: TerminalScreen;
  readonly stdin: NodeJS.ReadStream;
  readonly keymap: Keymap;
  /** Folder new sessions start in. */
  readonly cwd: string;
  /** The repository the UI was started in: its sessions are listed unless all are shown. */
  readonly repo: string;
  /** Command a new session runs when none is typed. */
  readonly shell: string;
  readonly home: string | undefined;
  /** Called when the user leaves (detach or quit). */
  readonly onDetach: () => void;
}

export class GroveApp implements ClientActions {
  private readonly disposables = new DisposableStore();
  private readonly palette = DEFAULT_PALETTE;
  private readonly sidebar: SidebarView;
  private readonly statusBar: StatusBarView;
  private readonly chrome: PaneChrome;
  private readonly panes: PaneViews;
  private readonly tooSmall: TooSmallNotice;
  private readonly dispatch: KeyDispatch;
  private readonly frames = new Map<string, PaneFrame>();
  /** Every session the host has. */
  private allSessions: readonly SessionInfo[] = [];
  /** The sessions listed: this repository's, or all of them. */
  private sessions: readonly SessionInfo[] = [];
  private showAll = false;
  private focusedId: string | undefined;
  private layoutMode: LayoutMode = 'focus';
  private zoomed = false;
  private screenLayout: ScreenLayout | undefined;
  private modal: Modal | undefined;
  private question: ((yes: boolean) => void) | undefined;
  private notice: string | undefined;
  private noticeTimer: NodeJS.Timeout | undefined;
  private prefixPending = false;
  private renderQueued = false;

  constructor(private readonly options: AppOptions) {
    const { screen } = options.screen;
    this.panes = this.disposables.add(new PaneViews(screen, options.host));
    this.chrome = new PaneChrome(screen, this.palette);
    this.sidebar = new SidebarView(screen, this.palette);
    this.statusBar = new StatusBarView(screen, this.palette);
    this.tooSmall = new TooSmallNotice(screen);
    this.dispatch = new KeyDispatch(options.keymap, this.dispatchTarget());
    this.subscribe(options.host.sessions$.subscribe((list) => this.sessionsChanged(list)));
    this.subscribe(options.host.frames$.subscribe(({ id, frame }) => this.frameArrived(id, frame)));
    this.subscribe(options.host.bells$.subscribe(() => process.stdout.write('\x07')));
    this.disposables.add(options.screen.onResize(() => this.requestRender()));
    this.disposables.add(new TerminalInput(options.stdin, (events) => this.dispatch.dispatch(events)));
    this.disposables.add(toDisposable(() => this.modal?.dispose()));
    this.disposables.add(toDisposable(() => this.noticeTimer && clearTimeout(this.noticeTimer)));
    this.requestRender();
  }

  /** Starts a session running the default command, as tmux does when it starts with none. */
  async createDefaultSession(): Promise<void> {
    const error = await this.createSession({ name: '', command: '' });
    if (error) this.message(error);
  }

  dispose(): void {
    this.disposables.dispose();
  }

  // ClientActions: what commands can do.

  focus(id: string): void {
    this.focusedId = id;
    this.requestRender();
  }

  setLayout(mode: LayoutMode): void {
    this.layoutMode = mode;
    this.requestRender();
  }

  setZoomed(zoomed: boolean): void {
    this.zoomed = zoomed;
    this.requestRender();
  }

  sendToFocused(data: string): void {
    if (this.focusedId) this.options.host.input(this.focusedId, data);
  }

  openNewSessionDialog(): void {
    const close = () => this.closeModal();
    this.openModal(new NewSessionDialog(this.options.screen.screen, this.palette, { command: this.options.shell },
      (input) => this.createSession(input), close));
  }

  confirm(question: string, onYes: () => void): void {
    this.question = (yes) => {
      this.question = undefined;
      this.setNotice(undefined);
      if (yes) onYes();
    };
    this.setNotice(question);
  }

  killSession(id: string): void {
    this.options.host.kill(id).catch((err: Error) => this.message(err.message));
  }

  relaunch(id: string): void {
    this.options.host.relaunch(id).catch((err: Error) => this.message(err.message));
  }

  setShowAll(showAll: boolean): void {
    this.showAll = showAll;
    this.sessionsChanged(this.allSessions);
    const others = this.allSessions.length - this.sessions.length;
    this.message(showAll ? `showing the sessions of every repository` : `showing this repository's sessions (${others} elsewhere)`);
  }

  showHelp(): void {
    this.openModal(new HelpOverlay(this.options.screen.screen, this.options.keymap, this.palette));
  }

  detach(): void {
    this.options.onDetach();
  }

  message(text: string): void {
    this.setNotice(text, MESSAGE_MS);
  }

  // Internals.

  private async createSession(input: NewSessionInput): Promise<string | undefined> {
    const parsed = splitCommandLine(input.command || this.options.shell);
    if (!parsed.ok) return `command: ${parsed.error}`;
    const [command, ...args] = parsed.argv;
    if (!command) return 'command: nothing to run';
    const size = this.newSessionSize();
    try {
      const session = await this.options.host.create({
        ...(input.name ? { name: input.name } : {}),
        command,
        args,
        cwd: this.options.cwd,
        ...size,
      });
      this.focus(session.id);
      return undefined;
    } catch (err) {
      return (err as Error).message;
    }
  }

  /** The size a new session will have: its rectangle in the layout once it is added and focused. */
  private newSessionSize(): { cols: number; rows: number } {
    const layout = this.layoutFor([...this.sessions.map((s) => s.id), '\0new'], '\0new');
    const size = layout.kind === 'ok' ? layout.sizes.get('\0new') : undefined;
    return size ?? { cols: this.options.screen.cols, rows: Math.max(1, this.options.screen.rows - 1) };
  }

  private layoutFor(ids: readonly string[], focusedId: string | undefined): ScreenLayout {
    const { cols, rows } = this.options.screen;
    return computeLayout({ cols, rows, mode: this.layoutMode, zoomed: this.zoomed, sessionIds: ids, focusedId, sidebarWidth: SIDEBAR_WIDTH });
  }

  private sessionsChanged(all: readonly SessionInfo[]): void {
    this.allSessions = all;
    const list = this.showAll ? all : all.filter((s) => s.repo === this.options.repo);
    this.focusedId = repairFocus(this.sessions, list, this.focusedId);
    const ids = new Set(list.map((s) => s.id));
    for (const id of this.frames.keys()) if (!ids.has(id)) this.frames.delete(id);
    this.sessions = list;
    if (list.length === 0) this.zoomed = false;
    this.requestRender();
  }

  private frameArrived(id: string, frame: PaneFrame): void {
    if (!this.sessions.some((s) => s.id === id)) return;
    this.frames.set(id, frame);
    if (this.panes.isVisible(id)) this.requestRender();
  }

  private openModal(modal: Modal): void {
    this.modal?.dispose();
    this.modal = modal;
    this.requestRender();
  }

  private closeModal(): void {
    this.modal?.dispose();
    this.modal = undefined;
    this.requestRender();
  }

  private setNotice(text: string | undefined, forMs?: number): void {
    if (this.noticeTimer) clearTimeout(this.noticeTimer);
    this.noticeTimer = undefined;
    this.notice = text;
    if (text !== undefined && forMs) {
      this.noticeTimer = setTimeout(() => this.setNotice(undefined), forMs);
    }
    this.requestRender();
  }

  private requestRender(): void {
    if (this.renderQueued) return;
    this.renderQueued = true;
    setImmediate(() => {
      this.renderQueued = false;
      if (!this.disposables.isDisposed) this.render();
    });
  }

  private render(): void {
    const { screen } = this.options;
    const layout = (this.screenLayout = this.layoutFor(this.sessions.map((s) => s.id), this.focusedId));
    if (layout.kind === 'too-small') {
      this.sidebar.update(undefined, [], undefined);
      this.chrome.update({ panes: [], dividers: [], sessions: [], focusedId: undefined, prefix: '' });
      this.panes.place([], this.frames);
      this.tooSmall.show(screen.cols, screen.rows, layout.minCols, layout.minRows);
      this.statusBar.element.hide();
      screen.setCursor(undefined);
      screen.render();
      return;
    }
    this.tooSmall.hide();
    this.statusBar.element.show();
    this.panes.resizeSessions(layout.sizes);
    this.panes.place(layout.panes, this.frames);
    this.sidebar.update(layout.sidebar, this.sessions, this.focusedId);
    this.chrome.update({ panes: layout.panes, dividers: layout.dividers, sessions: this.sessions, focusedId: this.focusedId, prefix: this.options.keymap.prefix });
    const focusedIndex = this.sessions.findIndex((s) => s.id === this.focusedId);
    this.statusBar.update(layout.statusBar, {
      focused: this.sessions[focusedIndex],
      focusedIndex,
      prefix: this.options.keymap.prefix,
      prefixPending: this.prefixPending,
      notice: this.notice,
      home: this.options.home,
    });
    this.modal?.layout(screen.cols, screen.rows);
    screen.setCursor(this.modal ? this.modal.cursor() : this.focusedCursor());
    screen.render();
  }

  private focusedCursor(): { x: number; y: number; visible: boolean } | undefined {
    const focused = this.sessions.find((s) => s.id === this.focusedId);
    if (!focused || focused.status === 'exited' || focused.status === 'dead' || this.question) return undefined;
    return this.panes.cursor(focused.id);
  }

  private view(): ClientView {
    const layout = this.screenLayout;
    return {
      sessions: this.sessions,
      focusedId: this.focusedId,
      layout: this.layoutMode,
      zoomed: this.zoomed,
      visiblePanes: layout?.kind === 'ok' ? layout.panes : [],
      prefix: this.options.keymap.prefix,
      showAll: this.showAll,
    };
  }

  private dispatchTarget() {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const app = this;
    return {
      get modal() { return app.modal; },
      get question() { return app.question; },
      closeModal: () => this.closeModal(),
      view: () => this.view(),
      context: (args: readonly string[]): CommandContext => ({ view: this.view(), actions: this, args }),
      focusedModes: () => (this.focusedId ? this.frames.get(this.focusedId)?.modes : undefined),
      sendToFocused: (data: string) => this.sendToFocused(data),
      prefixPendingChanged: (pending: boolean) => {
        this.prefixPending = pending;
        this.requestRender();
      },
      message: (text: string) => this.message(text),
    };
  }

  private subscribe(subscription: Subscription): void {
    this.disposables.add(toDisposable(() => subscription.unsubscribe()));
  }
}
