/**
 * The TUI: one client of a session host, and the place its parts are put together.
 *
 * State is small — the sessions listed and which has focus (SessionList), the layout and zoom, the open
 * modal, the status line's notice or question (StatusNotice) — and the screen is a function of it: every
 * change asks for a render, renders are coalesced to one per turn of the event loop, and each computes
 * the layout afresh and hands AppViews the scene to draw. Output arriving in a pane changes nothing but
 * that pane, so it asks only for the pane to be drawn again (AppViews.drawPanes), unless a full render
 * is due anyway. Keys go through KeyDispatch; commands act through the ClientActions this class
 * implements; copy mode, the mouse, the review loop and attention are controllers of their own, each
 * given a small adapter onto this state; sessions are reached only through the SessionHost port.
 */
import type { Subscription } from 'rxjs';
import { commandProblem, type ClientActions, type ClientView, type CommandContext } from '../core/commands/command.js';
import type { MemoryRelease } from '../core/memory-release.js';
import { DisposableStore, toDisposable } from '../core/disposable.js';
import type { PasteBufferPort } from '../core/copy-mode/paste-buffer.js';
import type { Keymap } from '../core/keymap/keymap.js';
import { computeLayout, type LayoutMode, type ScreenLayout } from '../core/layout/layout.js';
import type { PaneFrame } from '../core/screen/frame.js';
import type { MouseEvent } from '../core/keys/input-event.js';
import { describeConflicts, type ConflictReport } from '../core/review/conflict-report.js';
import type { CheckpointPort } from '../core/checkpoints/checkpoint-port.js';
import type { ReviewPort } from '../core/review/review-port.js';
import type { CommandRequest, SessionHost } from '../core/session/host.js';
import type { Machines, MachineState } from './hosts/host-set.js';
import type { FanoutInput } from './fanout.js';
import { SessionMaker, type MakerUi } from './session-maker.js';
import type { SessionInfo } from '../core/session/session.js';
import type { TerminalScreen } from '../io/screen.js';
import type { MouseScene } from '../core/mouse/mouse-router.js';
import { AppViews } from './app-views.js';
import { Attention, type AttentionOptions } from './attention.js';
import { Clipboard } from './clipboard.js';
import type { CopyModeOptions, CopyModeSession } from './copy-mode/copy-mode-session.js';
import { CopyModes } from './copy-mode/copy-modes.js';
import { KeyDispatch } from './key-dispatch.js';
import { findCommand } from '../core/commands/registry.js';
import { MouseInput } from './mouse.js';
import { mouseScene } from './mouse-scene.js';
import { PaneViews } from './pane-views.js';
import { ReviewController, type ReviewUi } from './review/review-controller.js';
import { TerminalInput } from './terminal-input.js';
import { helpLines, TextOverlay } from './views/help-overlay.js';
import type { Modal } from './views/modal.js';
import type { AgentLauncher } from './new-session-request.js';
import { SearchPrompt } from './views/search-prompt.js';
import type { Palette } from './views/palette.js';
import { SessionList } from './session-list.js';
import { StatusNotice } from './status-notice.js';

const SIDEBAR_WIDTH = 30;

export interface AppOptions {
  readonly host: SessionHost;
  readonly screen: TerminalScreen;
  readonly stdin: NodeJS.ReadStream;
  readonly keymap: Keymap;
  /** Every colour of the UI: the theme in use, resolved for this terminal. */
  readonly palette: Palette;
  /** Folder new sessions start in. */
  readonly cwd: string;
  /** The repository the UI was started in: its sessions are listed unless all are shown. */
  readonly repo: string;
  /** Command a new session runs when none is typed. */
  readonly shell: string;
  /** The agents a new session may run (built-in and configured), and how to tell whether one is installed. */
  readonly agents: AgentLauncher;
  readonly home: string | undefined;
  /** `C-b d`: the client leaves; `session` is the one it had focused. */
  readonly onDetach: (session: SessionInfo | undefined) => void;
  /** Whether grove takes the mouse (clicks, wheel, drag to copy); on unless configured off. */
  readonly mouse?: boolean;
  /** The review loop (diff, merge, remove, prune) on the server; without it those commands say so. */
  readonly review?: ReviewPort;
  /** A workspace session's checkpoints (C-b U) on the server; without it that command says so. */
  readonly checkpoints?: CheckpointPort;
  /** The conflict matrix of the repository holding a folder. */
  readonly conflicts?: (folder: string) => Promise<ConflictReport>;
  /** How a session that starts waiting or exits is announced (bell, desktop notification). */
  readonly notify?: AttentionOptions;
  /** The server's paste buffer, which copies fill and `prefix ]` pastes. */
  readonly pasteBuffer: PasteBufferPort;
  /** Other machines a new session may start on (the config's hosts); none when absent. */
  readonly machines?: Machines;
  /** Makes a fan-out (client/fanout.ts), and reads the plan file a dialog names; without it, C-b F says so. */
  readonly fanout?: { run(input: FanoutInput): Promise<SessionInfo[]>; readPlan(path: string): string };
  /** Told of each draw (a start-up, output scrolling by), after which memory can go back to the system. */
  readonly memory?: MemoryRelease;
}

export class GroveApp implements ClientActions {
  private readonly disposables = new DisposableStore();
  private readonly palette: Palette;
  private readonly panes: PaneViews;
  private readonly views: AppViews;
  private readonly dispatch: KeyDispatch;
  private readonly copyModes: CopyModes;
  private readonly clipboard: Clipboard;
  private readonly mouse: MouseInput;
  private readonly review: ReviewController;
  private readonly maker: SessionMaker;
  private readonly attention: Attention;
  private readonly frames = new Map<string, PaneFrame>();
  private readonly list: SessionList;
  private readonly notice: StatusNotice;
  private layoutMode: LayoutMode = 'focus';
  private zoomed = false;
  private screenLayout: ScreenLayout | undefined;
  private modal: Modal | undefined;
  private prefixPending = false;
  /** How many times the focus was set (focusOnceMade). */
  private focusMoves = 0;
  /** A full render is due at the next draw. */
  private renderQueued = false;
  /** Panes whose frame arrived since the last draw. */
  private readonly panesQueued = new Set<string>();
  private drawScheduled = false;
  /** The links to other machines, as last reported. */
  private machineStates: readonly MachineState[] = [];

  constructor(private readonly options: AppOptions) {
    const { screen } = options.screen;
    this.palette = options.palette;
    this.list = new SessionList(options.repo);
    this.notice = this.disposables.add(new StatusNotice(() => this.requestRender()));
    this.panes = this.disposables.add(new PaneViews(screen, options.host));
    this.views = new AppViews(options.screen, this.palette, options.keymap, this.panes);
    this.dispatch = new KeyDispatch(options.keymap, this.dispatchTarget());
    this.clipboard = this.disposables.add(new Clipboard((sequence) => options.screen.control(sequence), options.pasteBuffer, (text) => this.message(text)));
    this.copyModes = this.disposables.add(new CopyModes(this.copyModesClient()));
    this.mouse = this.disposables.add(new MouseInput(this.mouseClient(), options.mouse ?? true));
    this.review = new ReviewController(this.reviewUi());
    this.maker = new SessionMaker(this.makerUi());
    this.attention = new Attention((sequence) => options.screen.control(sequence), options.notify ?? { bell: true, desktop: false }, process.env);
    this.subscribe(options.host.clipboard$.subscribe(({ text }) => this.clipboard.toTerminal(text)));
    this.subscribe(options.host.sessions$.subscribe((list) => this.sessionsChanged(list)));
    this.subscribe(options.host.frames$.subscribe(({ id, frame }) => this.frameArrived(id, frame)));
    this.subscribe(options.host.bells$.subscribe(() => options.screen.control('\x07')));
    if (options.machines) this.subscribe(options.machines.states$.subscribe((states) => this.machinesChanged(states)));
    if (options.host.commands$) this.subscribe(options.host.commands$.subscribe((request) => request.done(this.runCommand(request))));
    // Times in the sidebar ("3m") age without any event; a slow tick keeps them honest.
    const tick = setInterval(() => this.requestRender(), 30_000);
    tick.unref();
    this.disposables.add(toDisposable(() => clearInterval(tick)));
    this.disposables.add(options.screen.onResize(() => this.requestRender()));
    this.disposables.add(new TerminalInput(options.stdin, (events) => {
      this.dispatch.dispatch(events);
      // A modal redraws its own box for each key it takes (a field, a choice); the screen must follow.
      if (this.modal) this.requestRender();
    }));
    this.disposables.add(toDisposable(() => this.modal?.dispose()));
    this.requestRender();
  }

  /** Starts a session running the default command, as tmux does when it starts with none. */
  createDefaultSession(): Promise<void> {
    return this.maker.createDefault();
  }

  /**
   * Runs a key command a command line sent (`grove zoom api`), as its key would; the reason it could not,
   * if it could not. A dialog or question the user is answering is not interrupted.
   */
  runCommand(request: Omit<CommandRequest, 'done'>): string | undefined {
    if (this.modal || this.notice.question) return 'the UI is waiting for an answer in a dialog';
    const problem = this.dispatch.run(request.name, request.args, request.session);
    this.requestRender();
    return problem;
  }

  /** A link to another machine came up or went down: the sidebar says which, and the status line when it changes. */
  private machinesChanged(states: readonly MachineState[]): void {
    const before = new Map(this.machineStates.map((machine) => [machine.name, machine.state]));
    this.machineStates = states;
    for (const machine of states) {
      const was = before.get(machine.name);
      if (was === machine.state || machine.state === 'connecting') continue;
      if (machine.state === 'connected' && was !== undefined && was !== 'connecting') this.message(`${machine.name}: connected again`);
      if (machine.state === 'unreachable' && was !== 'unreachable') this.message(`${machine.name}: unreachable: ${machine.reason ?? 'no reason given'}`);
    }
    this.requestRender();
  }

  /** Offers to relaunch the sessions a stopped server left, when there are any (as the UI starts). */
  offerRelaunch(): void {
    if (commandProblem(findCommand('relaunch-all')!, this.view(), undefined, []) === undefined) this.dispatch.run('relaunch-all', []);
  }

  dispose(): void {
    this.disposables.dispose();
  }

  // ClientActions: what commands can do.

  focus(id: string): void {
    this.focusMoves++;
    this.list.setFocus(id);
    this.options.host.focused?.(id);
    this.attention.focused(id);
    this.requestRender();
  }

  /**
   * For a session still being made: focuses it once it is, unless the focus was set meanwhile. tmux's
   * new-window is current at once; here the server answers later, and a key pressed in between wins.
   */
  private focusOnceMade(): (id: string) => void {
    const moves = this.focusMoves;
    return (id) => {
      if (this.focusMoves === moves) this.focus(id);
    };
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
    if (this.maker.hold(data)) return;
    const focusedId = this.list.focusedId;
    if (!focusedId) return;
    // A layout change still waiting to be drawn (a zoom, a switch) resizes ptys when it is: draw it first,
    // so that a command typed right after it runs at the new size, not the old.
    if (this.renderQueued) this.render();
    this.options.host.input(focusedId, data);
  }

  sendKeys(id: string, data: string): void {
    if (id === this.list.focusedId) this.sendToFocused(data);
    else this.options.host.input(id, data);
  }

  openNewSessionDialog(): void {
    this.maker.openNewSessionDialog();
  }

  confirm(question: string, onYes: () => void): void {
    this.notice.ask(question, onYes);
  }

  killSession(id: string): void {
    this.options.host.kill(id).catch((err: Error) => this.message(err.message));
  }

  relaunch(id: string): void {
    this.options.host.relaunch(id).catch((err: Error) => this.message(err.message));
  }

  setShowAll(showAll: boolean): void {
    const others = this.list.setShowAll(showAll);
    this.listChanged();
    this.message(showAll ? `showing the sessions of every repository` : `showing this repository's sessions (${others} elsewhere)`);
  }

  showHelp(): void {
    const lines = helpLines(this.options.keymap, this.options.agents.catalog.profiles);
    this.openModal(new TextOverlay(this.options.screen.screen, 'Keys', lines, this.palette));
  }

  showConflicts(): void {
    if (!this.options.conflicts) return this.message('this server does not track worktree sessions');
    this.message('computing the conflict matrix…');
    this.options.conflicts(this.options.cwd).then(
      (report) => {
        this.notice.set(undefined);
        this.openModal(new TextOverlay(this.options.screen.screen, 'Conflicts', describeConflicts(report), this.palette));
      },
      (err: Error) => this.message(err.message),
    );
  }

  detach(): void {
    this.options.onDetach(this.list.focused);
  }

  message(text: string): void {
    this.notice.message(text);
  }

  enterCopyMode(id: string, options?: CopyModeOptions): CopyModeSession | undefined {
    const frame = this.frames.get(id);
    if (!frame) return undefined;
    return this.copyModes.enter(id, frame, options);
  }

  pasteBuffer(id: string): void {
    this.clipboard.paste(id);
  }

  setMouse(on: boolean): void {
    this.mouse.setEnabled(on);
  }

  openDiff(id: string): void {
    this.review.openDiff(id);
  }

  openCheckpoints(id: string): void {
    this.review.openCheckpoints(id);
  }

  moveSession(id: string, to: 'worktree' | 'workspace'): void {
    this.review.moveSession(id, to);
  }

  openMerge(id: string): void {
    this.review.openMerge(id);
  }

  removeWorktree(id: string): void {
    this.review.removeWorktree(id);
  }

  commitTurn(id: string): void {
    this.review.commitTurn(id);
  }

  openWorktreeShell(id: string): void {
    this.review.openWorktreeShell(id);
  }

  openPrune(): void {
    this.review.openPrune();
  }

  openFanoutDialog(): void {
    this.maker.openFanoutDialog();
  }

  syncWithBase(id: string): void {
    this.review.syncWithBase(id);
  }

  openCompare(ids: readonly string[]): void {
    this.review.openCompare(ids);
  }

  toggleGroup(group: string): void {
    const folded = this.list.toggleFolded(group);
    this.message(`${group}: ${folded ? 'folded (C-b g unfolds it)' : 'unfolded'}`);
    this.requestRender();
  }

  // Internals.

  /** The size a new session will have: its rectangle in the layout once it is added and focused. */
  private newSessionSize(): { cols: number; rows: number } {
    const layout = this.layoutFor([...this.list.listed.map((s) => s.id), '\0new'], '\0new');
    const size = layout.kind === 'ok' ? layout.sizes.get('\0new') : undefined;
    return size ?? { cols: this.options.screen.cols, rows: Math.max(1, this.options.screen.rows - 1) };
  }

  private layoutFor(ids: readonly string[], focusedId: string | undefined): ScreenLayout {
    const { cols, rows } = this.options.screen;
    return computeLayout({ cols, rows, mode: this.layoutMode, zoomed: this.zoomed, sessionIds: ids, focusedId, sidebarWidth: SIDEBAR_WIDTH });
  }

  private sessionsChanged(all: readonly SessionInfo[]): void {
    this.attention.sessionsChanged(this.list.everySession, all, this.list.focusedId);
    this.list.update(all);
    this.listChanged();
  }

  /** Frames and copy modes of sessions no longer listed are dropped; an empty list cannot stay zoomed. */
  private listChanged(): void {
    const ids = new Set(this.list.listed.map((s) => s.id));
    for (const id of this.frames.keys()) if (!ids.has(id)) this.frames.delete(id);
    this.copyModes.retain(ids);
    if (ids.size === 0) this.zoomed = false;
    this.requestRender();
  }

  private focusedFrame(): PaneFrame | undefined {
    const id = this.list.focusedId;
    return id === undefined ? undefined : this.frames.get(id);
  }

  private frameArrived(id: string, frame: PaneFrame): void {
    if (!this.list.isListed(id)) return;
    this.frames.set(id, frame);
    if (!this.panes.isVisible(id)) return;
    this.panesQueued.add(id);
    this.scheduleDraw();
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

  private requestRender(): void {
    this.renderQueued = true;
    this.scheduleDraw();
  }

  private scheduleDraw(): void {
    if (this.drawScheduled) return;
    this.drawScheduled = true;
    setImmediate(() => {
      this.drawScheduled = false;
      if (this.disposables.isDisposed) return;
      this.options.memory?.worked();
      if (this.renderQueued) return this.render();
      if (this.panesQueued.size === 0) return;
      const ids = [...this.panesQueued];
      this.panesQueued.clear();
      if (!this.views.drawPanes(ids, this.copyModes.framesFor(this.frames))) this.render();
    });
  }

  private render(): void {
    this.renderQueued = false;
    this.panesQueued.clear();
    const { listed, focusedId } = this.list;
    const layout = (this.screenLayout = this.layoutFor(listed.map((s) => s.id), focusedId));
    this.views.draw({
      layout,
      sessions: listed,
      focusedId,
      frames: this.copyModes.framesFor(this.frames),
      marked: (id) => this.attention.isMarked(id),
      prefixPending: this.prefixPending,
      notice: this.notice.current ?? this.copyModes.status(focusedId),
      home: this.options.home,
      modal: this.modal,
      asking: this.notice.question !== undefined,
      offline: this.machineStates.filter((machine) => machine.state !== 'connected'),
      folded: this.list.folded,
    });
  }

  private view(): ClientView {
    const layout = this.screenLayout;
    return {
      sessions: this.list.listed,
      focusedId: this.list.focusedId,
      layout: this.layoutMode,
      zoomed: this.zoomed,
      visiblePanes: layout?.kind === 'ok' ? layout.panes : [],
      prefix: this.options.keymap.prefix,
      showAll: this.list.showAll,
      mouse: this.mouse.enabled,
      hasPasteBuffer: this.clipboard.hasText,
    };
  }

  private dispatchTarget() {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const app = this;
    return {
      get modal() { return app.modal; },
      get question() { return app.notice.question; },
      closeModal: () => this.closeModal(),
      view: () => this.view(),
      context: (args: readonly string[], target: CommandContext['target']): CommandContext => ({ view: this.view(), actions: this, args, target }),
      focusedModes: () => this.focusedFrame()?.modes,
      sendToFocused: (data: string) => this.sendToFocused(data),
      prefixPendingChanged: (pending: boolean) => {
        this.prefixPending = pending;
        this.requestRender();
      },
      message: (text: string) => this.message(text),
      copyMode: () => this.copyModes.get(this.list.focusedId),
      mouse: (event: MouseEvent) => this.mouse.handle(event),
    };
  }

  private copyModesClient() {
    return {
      host: this.options.host,
      keymap: this.options.keymap,
      changed: () => this.requestRender(),
      prompt: (sign: '/' | '?', previous: string | undefined, done: (term: string | undefined) => void) =>
        this.openModal(new SearchPrompt(this.options.screen.screen, this.palette, sign, previous, done)),
      copied: (text: string) => this.clipboard.copy(text),
      message: (text: string) => this.message(text),
    };
  }

  private mouseClient() {
    return {
      scene: (): MouseScene | undefined => (this.modal || this.notice.question ? undefined
        : mouseScene(this.screenLayout, this.list, this.frames, (id) => this.copyModes.get(id) !== undefined)),
      focus: (id: string) => this.focus(id),
      input: (id: string, bytes: string) => this.options.host.input(id, bytes),
      copyMode: (id: string, enter?: CopyModeOptions) => (enter ? this.enterCopyMode(id, enter) : this.copyModes.get(id)),
      control: (sequence: string) => this.options.screen.control(sequence),
    };
  }

  private makerUi(): MakerUi {
    const { screen, host, keymap, agents, cwd, shell, machines, fanout } = this.options;
    return {
      screen: screen.screen, palette: this.palette, host, keymap, agents, cwd, shell, machines, fanout,
      openModal: (modal: Modal) => this.openModal(modal),
      closeModal: () => this.closeModal(),
      focus: (id: string) => this.focus(id),
      message: (text: string) => this.message(text),
      sendToFocused: (data: string) => this.sendToFocused(data),
      newSessionSize: () => this.newSessionSize(),
      render: () => this.requestRender(),
    };
  }

  private reviewUi(): ReviewUi {
    return {
      screen: this.options.screen.screen,
      palette: this.palette,
      host: this.options.host,
      review: this.options.review,
      checkpoints: this.options.checkpoints,
      cwd: this.options.cwd,
      shell: this.options.shell,
      session: (id: string) => this.list.find(id),
      sessions: () => this.list.listed,
      confirm: (question: string, onYes: () => void) => this.confirm(question, onYes),
      openModal: (modal: Modal) => this.openModal(modal),
      closeModal: (modal: Modal) => this.modal === modal && this.closeModal(),
      message: (text: string | undefined) => (text === undefined ? this.notice.set(undefined) : this.message(text)),
      focusOnceMade: () => this.focusOnceMade(),
      newSessionSize: () => this.newSessionSize(),
      render: () => this.requestRender(),
    };
  }

  private subscribe(subscription: Subscription): void {
    this.disposables.add(toDisposable(() => subscription.unsubscribe()));
  }
}
