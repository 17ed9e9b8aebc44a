/**
 * One running session inside the host: a pty, the emulator that mirrors it, the tracker that reads its
 * status, and the record clients see.
 *
 * Bytes flow one way: pty → emulator → "changed" (the host turns that into frames). Two details matter:
 * - Flow control. xterm parses asynchronously; a program that floods output can get far ahead of it. Past
 *   HIGH_WATER unparsed characters the pty is paused, and resumed once the emulator is back under
 *   LOW_WATER, so memory stays bounded and keystrokes are never queued behind megabytes of output.
 * - Exit draining. node-pty reports exit after its last chunk, but the emulator may not have parsed that
 *   chunk yet; the exit is recorded only once the emulator has caught up, so the pane's last screen is whole.
 */
import { DisposableStore } from '../core/disposable.js';
import type { PaneFrame } from '../core/screen/frame.js';
import { lastTextLines, type LineSlice } from '../core/screen/line-slice.js';
import type { CompiledRule, StatusRule } from '../core/status/rules.js';
import type { WorktreeRecord } from '../core/git/review.js';
import type { CaptureOptions } from '../core/session/host.js';
import type { CheckResult, HandBack, SessionChanges, SessionInfo, SessionStatus, StatusSource } from '../core/session/session.js';
import { conversationIdProblem, reportedStatus, type AgentReport } from '../core/status/agent-events.js';
import type { EmulatorPool } from '../emu/emulator-pool.js';
import type { PaneMirror } from '../emu/pane-mirror.js';
import type { PtyExit, PtyProcess } from './ports.js';
import { PromptSubmit } from './prompt-submit.js';
import { unsent, type ReviewComment } from '../core/review/feedback.js';
import { StatusTracker } from './status-tracker.js';

/**
 * Room for a flood's skim (src/emu/output-skim.ts) to work in: it keeps the last scrollback + 2 × rows
 * lines queued (10,000 lines of a coloured log are some 1.5 M characters) and drops what came before
 * them, so the pty pauses only when even more than that waits.
 */
const HIGH_WATER = 4 * 1024 * 1024;
const LOW_WATER = 256 * 1024;

/** A program that fails this soon after starting, untouched, has likely refused to: its last lines are kept in the record. */
const EARLY_EXIT_MS = 15_000;
const EXIT_LINES = 3;
const EXIT_LINE_CHARS = 200;

export interface HostedSessionEvents {
  /** The screen changed (the host coalesces these into frames). */
  changed(session: HostedSession): void;
  /** The record changed (status, title, exit). */
  updated(session: HostedSession): void;
  bell(session: HostedSession): void;
  /** The program asked to set the clipboard (OSC 52); only when the host passes such requests on. */
  clipboard?(session: HostedSession, text: string): void;
}

/** The environments a program was started with, kept (in memory only: it may hold secrets) for a relaunch. */
export interface LaunchEnv {
  /** The asking client's environment; absent: the server's own. */
  readonly client?: Readonly<Record<string, string>>;
  /** The agent profile's, on top. */
  readonly profile?: Readonly<Record<string, string>>;
}

export interface HostedSessionOptions {
  readonly size: { cols: number; rows: number };
  readonly scrollback: number;
  readonly rules: readonly CompiledRule[];
  /** The user's own rules among them, as given: what the state file keeps to compile them again. */
  readonly statusRules: readonly StatusRule[];
  /** The environments it was started with, for a relaunch. */
  readonly launchEnv?: LaunchEnv;
  /** Typed, then Enter, the first time the session becomes idle. */
  readonly typePrompt?: string;
  /** The secret its agent's hooks present (`grove hook`), so no other program can report for it. */
  readonly hookToken?: string;
}

export class HostedSession {
  private readonly disposables = new DisposableStore();
  private readonly tracker: StatusTracker;
  private record: SessionInfo;
  private paused = false;
  private typePrompt: string | undefined;
  private exitWaiters: Array<() => void> = [];
  /** Types prompts and presses Enter once the program took them (`grove send --enter`, the first prompt). */
  private readonly prompts: PromptSubmit;
  /** Whether anyone typed into it: a program that ends after that was answered, not refusing to start. */
  private typedInto = false;
  private readonly hookToken: string | undefined;

  /** The screen, parsed in an emulator thread (emu/pane-mirror.ts). */
  readonly emulator: PaneMirror;
  /** The status rules it was started with (a relaunch keeps them). */
  readonly rules: readonly CompiledRule[];
  /** The user's own rules among `rules`, as given. */
  readonly statusRules: readonly StatusRule[];
  readonly launchEnv: LaunchEnv;
  /** When its program started (a relaunch is a new HostedSession of the same session). */
  private readonly launchedAt = Date.now();

  constructor(
    info: SessionInfo,
    private readonly pty: PtyProcess | undefined,
    emulators: EmulatorPool,
    private readonly events: HostedSessionEvents,
    options: HostedSessionOptions,
  ) {
    this.record = info;
    this.rules = options.rules;
    this.statusRules = options.statusRules;
    this.launchEnv = options.launchEnv ?? {};
    this.typePrompt = options.typePrompt;
    this.hookToken = options.hookToken;
    const { cols, rows } = options.size;
    this.emulator = this.disposables.add(
      emulators.open({ cols, rows, scrollback: options.scrollback, onReply: (reply) => this.pty?.write(reply) }),
    );
    this.disposables.add(this.emulator.onFrame(() => this.events.changed(this)));
    this.disposables.add(this.emulator.onParsed(() => this.parsed()));
    this.tracker = this.disposables.add(new StatusTracker({
      rules: options.rules,
      frame: () => this.emulator.frame(),
      title: () => this.emulator.title,
      foreground: () => this.pty?.foreground(),
      changed: (status, since, source) => this.statusChanged(status, since, source),
    }));
    this.disposables.add(this.emulator.onTitleChange((title) => this.update({ title })));
    this.disposables.add(this.emulator.onBell(() => this.events.bell(this)));
    const clipboard = events.clipboard?.bind(events);
    if (clipboard) this.disposables.add(this.emulator.onClipboardSet((text) => clipboard(this, text)));
    this.prompts = this.disposables.add(new PromptSubmit({
      isRunning: () => this.running,
      bracketedPaste: () => this.emulator.frame().modes.bracketedPaste,
      type: (data) => this.input(data),
    }));
    if (pty) {
      this.disposables.add(pty.onData((data) => this.onOutput(data)));
      this.disposables.add(pty.onExit((exit) => this.onExit(exit)));
    }
  }

  get info(): SessionInfo {
    return this.record;
  }

  get id(): string {
    return this.record.id;
  }

  get running(): boolean {
    return this.record.status !== 'exited' && this.record.status !== 'dead';
  }

  /** Shows text in the pane as if the program had printed it (used for grove's own messages). */
  print(text: string): void {
    this.emulator.write(text);
  }

  input(data: string): void {
    if (!this.running || !this.pty) return;
    this.typedInto = true;
    this.tracker.input();
    this.emulator.typed();
    this.pty.write(data);
  }

  /** Types `text` as a paste (keys as keys) and, with `enter`, submits it (prompt-submit.ts). */
  async submit(text: string, enter: boolean): Promise<void> {
    if (!this.running || !this.pty) throw new Error(`session ${this.record.name} is not running`);
    return this.prompts.submit(text, enter);
  }

  /** An agent's hook report, if it carries this session's token; returns whether it was taken. */
  report(report: AgentReport, token: string): boolean {
    if (this.hookToken === undefined || token !== this.hookToken || !this.running) return false;
    const conversation = report.conversation;
    if (conversation !== undefined && conversation !== this.record.conversation && !conversationIdProblem(conversation)) this.update({ conversation });
    const status = reportedStatus(report);
    if (status !== undefined) this.tracker.reported(status, report.event);
    return true;
  }

  /** Why it has its status now (`grove explain`). */
  explain(): string[] {
    return this.running ? this.tracker.explain() : [`${this.record.status}: the program is not running`];
  }

  resize(cols: number, rows: number): void {
    if (this.emulator.cols === cols && this.emulator.rows === rows) return;
    // The emulator's thread re-wraps the screen and sends it back: that frame is the change.
    this.emulator.resize(cols, rows);
    if (this.running) this.pty?.resize(cols, rows);
  }

  frame(): PaneFrame {
    return this.emulator.frame();
  }

  capture(options: CaptureOptions): Promise<string> {
    return this.emulator.capture(options);
  }

  lines(from: number, count: number): Promise<LineSlice> {
    return this.emulator.lines(from, count);
  }

  /** Resolves once the session has exited (at once if it already has). */
  whenExited(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.exitWaiters.push(resolve));
  }

  terminate(graceMs: number): void {
    if (this.running) this.pty?.terminate(graceMs);
  }

  /** Marks a session that never started (e.g. its command was not found). */
  markFailed(error: string, exitCode: number): void {
    this.print(`\x1b[1;31mgrove:\x1b[0m ${error}\r\n`);
    this.finish({ exitCode, error });
  }

  /** Records what the session has changed (the change service counts it). */
  setChanges(changes: SessionChanges | undefined): void {
    this.update({ changes });
  }

  /** Why its last automatic turn commit failed, or undefined once one succeeds. */
  setTurnCommitFailure(reason: string | undefined): void {
    if (reason !== this.record.turnCommitFailure) this.update({ turnCommitFailure: reason });
  }

  setHandBack(handedBack: HandBack | undefined): void {
    this.update({ handedBack });
  }

  setCheck(check: CheckResult): void {
    this.update({ check });
  }

  setComments(comments: readonly ReviewComment[]): void {
    this.update({ comments: comments.length ? comments : undefined });
  }

  /** A worktree session's worktree as it is now (a rebase merge moves its base commit). */
  setWorktree(worktree: WorktreeRecord): void {
    this.update({ worktree });
  }

  /** A session whose server died: only its record is left. */
  markDead(): void {
    this.tracker.finish('dead');
  }

  dispose(): void {
    this.disposables.dispose();
    this.exitWaiters.splice(0).forEach((resolve) => resolve());
  }

  private onOutput(data: string): void {
    this.prompts.output();
    this.tracker.output();
    this.emulator.write(data);
    if (!this.paused && this.emulator.pendingBytes > HIGH_WATER) {
      this.paused = true;
      this.pty?.pause();
    }
  }

  private parsed(): void {
    if (this.paused && this.emulator.pendingBytes < LOW_WATER) {
      this.paused = false;
      this.pty?.resume();
    }
  }

  private statusChanged(status: SessionStatus, since: number, source: StatusSource): void {
    const turnEnded = this.record.status === 'working' && (status === 'idle' || status === 'waiting');
    this.update({ status, statusSince: since, statusSource: source });
    // Comments typed to the agent stay in view while it works on them, and go once its turn is over.
    if (turnEnded && this.record.comments?.some((comment) => comment.sent)) this.setComments(unsent(this.record.comments));
    // The first prompt waits for the agent's input to be ready: its first rest, by its own word or its screen.
    if (status === 'idle' && this.typePrompt !== undefined) {
      const prompt = this.typePrompt;
      this.typePrompt = undefined;
      this.submit(prompt, true).catch(() => undefined);
    }
  }

  private onExit(exit: PtyExit): void {
    if (this.paused) this.pty?.resume();
    const signal = exit.signal ? exit.signal : undefined;
    const end = { exitCode: exit.exitCode, ...(signal ? { signal } : {}) };
    const failed = exit.exitCode !== 0 || (signal ?? 0) !== 0;
    const early = failed && !this.typedInto && Date.now() - this.launchedAt < EARLY_EXIT_MS;
    // Record the exit only once the screen shows everything before it.
    void this.emulator.settled().then(() => {
      if (!early) return this.finish(end);
      const { rows } = this.emulator.frame();
      this.emulator.lines(-rows, rows).then(
        (screen) => this.finish({ ...end, exitLines: lastTextLines(screen, EXIT_LINES, EXIT_LINE_CHARS) }),
        () => this.finish(end),
      );
    });
  }

  private finish(end: { exitCode: number; signal?: number; error?: string; exitLines?: string[] }): void {
    if (this.disposables.isDisposed) return;
    this.events.changed(this);
    const { exitLines, ...rest } = end;
    this.record = { ...this.record, ...rest, ...(exitLines?.length ? { exitLines } : {}) };
    this.tracker.finish('exited');
    this.exitWaiters.splice(0).forEach((resolve) => resolve());
  }

  private update(change: Partial<SessionInfo>): void {
    this.record = { ...this.record, ...change };
    this.events.updated(this);
  }
}
