/**
 * The session host: owns every session's pty and emulator and publishes what clients need as streams.
 *
 * It implements the SessionHost port (src/core/session/host.ts). The client never sees a pty or an
 * emulator, only records (sessions$), frames (frames$, coalesced by the FrameClock) and bells, which is
 * what lets the same host run inside the client today and behind a socket in a server process.
 */
import { DEFAULT_CONFIG } from '../core/config/config.js';
import { BehaviorSubject, Subject, type Observable } from 'rxjs';
import type { CaptureOptions, ClipboardEvent, CreateSessionRequest, FrameEvent, SessionHost } from '../core/session/host.js';
import { defaultName, nameProblem } from '../core/session/naming.js';
import type { PaneFrame } from '../core/screen/frame.js';
import type { LineSlice } from '../core/screen/line-slice.js';
import type { CheckResult, HandBack, Isolation, SessionChanges, SessionInfo } from '../core/session/session.js';
import type { WorktreeRecord } from '../core/git/review.js';
import type { ReviewComment } from '../core/review/feedback.js';
import { findProfile, profileForCommand } from '../core/agents/builtins.js';
import type { AgentProfile } from '../core/agents/profile.js';
import { compileStatusRules, statusRuleProblem, type CompiledRule, type StatusRule } from '../core/status/rules.js';
import { relaunchArgs, relaunchPlan, withId, type RelaunchPlan } from '../core/agents/launch.js';
import { setupArgs } from '../core/review/setup.js';
import { hookArgs } from '../core/agents/hooks.js';
import type { AgentReport } from '../core/status/agent-events.js';
import { conversationId, hookToken } from '../io/random-ids.js';
import { printable } from '../core/text/terminal-text.js';
import { BackgroundResizes } from './background-resizes.js';
import { EmulatorPool, type EmulatorThreads } from '../emu/emulator-pool.js';
import type { MemoryRelease } from '../core/memory-release.js';
import { FrameClock } from './frame-clock.js';
import { HostedSession, type LaunchEnv } from './hosted-session.js';
import type { LaunchChecks, PtyProcess, PtySpawner } from './ports.js';

export interface LocalHostOptions {
  readonly spawner: PtySpawner;
  readonly checks: LaunchChecks;
  /** The environment programs inherit (before grove's own variables). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly scrollback?: number;
  /** Whether programs may set the user's clipboard (OSC 52); off unless configured. */
  readonly programClipboard?: boolean;
  /** How long a killed program gets between SIGTERM and SIGKILL. */
  readonly killGraceMs?: number;
  /** grove's own program, for agents' hooks to call (`… hook EVENT`); absent: agents are read from their screens. */
  readonly hookCommand?: readonly string[];
  /** Where the host reports what went wrong out of anyone's sight (a failed emulator thread). */
  readonly log?: (line: string) => void;
  /** Where panes' emulators run, and how many threads at most. */
  readonly emulatorThreads: { readonly threads: EmulatorThreads; readonly count: number };
  /** Told of each frame: output, sessions made and clients attached all end in frames, after which memory can go back. */
  readonly memory?: MemoryRelease;
}

/** A session record from the state file: what a previous server knew, and the user's own status rules. */
export type RestoredSession = Omit<SessionInfo, 'status' | 'statusSince' | 'title' | 'repo'> & {
  readonly statusRules?: readonly StatusRule[];
};

/** A session's status rules: the user's own as given (kept for the state file), and all of them compiled. */
/** Where a session runs: what a move (`grove move`) changes. */
export interface SessionFolder {
  readonly cwd: string;
  readonly isolation: Isolation;
  readonly worktree?: WorktreeRecord;
}

interface SessionRules {
  readonly given: readonly StatusRule[];
  readonly compiled: readonly CompiledRule[];
}

/** The user's rules go first, so they win where they match and the profile's still cover the rest. */
function sessionRules(given: readonly StatusRule[], profile: AgentProfile): SessionRules {
  return { given, compiled: compileStatusRules([...given, ...profile.statusRules]) };
}

export class LocalSessionHost implements SessionHost {
  private readonly sessions = new Map<string, HostedSession>();
  private readonly sessionsSubject = new BehaviorSubject<readonly SessionInfo[]>([]);
  private readonly framesSubject = new Subject<FrameEvent>();
  private readonly bellsSubject = new Subject<string>();
  private readonly clipboardSubject = new Subject<ClipboardEvent>();
  private readonly clock = new FrameClock((ids) => this.emitFrames(ids));
  private readonly backgroundResizes = new BackgroundResizes((id, cols, rows) => this.resize(id, cols, rows));
  private nextId = 1;
  private disposed = false;
  private readonly emulators: EmulatorPool;

  readonly sessions$: Observable<readonly SessionInfo[]> = this.sessionsSubject.asObservable();
  readonly frames$: Observable<FrameEvent> = this.framesSubject.asObservable();
  readonly bells$: Observable<string> = this.bellsSubject.asObservable();
  readonly clipboard$: Observable<ClipboardEvent> = this.clipboardSubject.asObservable();
  private readonly submittedSubject = new Subject<string>();
  /** Sessions given Enter (typed or submitted), just before it reaches the program: where an agent's turn starts. */
  readonly submitted$: Observable<string> = this.submittedSubject.asObservable();

  constructor(private readonly options: LocalHostOptions) {
    this.emulators = new EmulatorPool(options.emulatorThreads.threads, options.emulatorThreads.count, options.log);
  }

  /**
   * Starts a program. A worktree session's worktree is made first, by the review service, which passes its
   * record in (`worktree`); clients cannot, as the protocol's create request has no such field.
   */
  async create(request: CreateSessionRequest & { readonly worktree?: WorktreeRecord }): Promise<SessionInfo> {
    if (this.disposed) throw new Error('the session host has shut down');
    const taken = new Set([...this.sessions.values()].map((s) => s.info.name));
    const name = request.name?.trim() || defaultName(request.command, taken);
    const problem = nameProblem(name);
    if (problem) throw new Error(problem);
    if (taken.has(name)) throw new Error(`a session named '${name}' already exists`);
    if (!this.options.checks.isDirectory(request.cwd)) throw new Error(`no such folder: ${request.cwd}`);
    const profile = request.agent ? findProfile(request.agent) : profileForCommand(request.command);
    if (!profile) throw new Error(`no agent profile named ${request.agent}`);
    for (const rule of request.statusRules ?? []) {
      const problem = statusRuleProblem(rule);
      if (problem) throw new Error(`status rule /${rule.match}/: ${problem}`);
    }
    const now = Date.now();
    const conversation = request.startConversation ? conversationId() : undefined;
    const relaunch = request.relaunch ?? typedRelaunch(request.args, profile);
    const info: SessionInfo = {
      id: `s${this.nextId++}`,
      name,
      command: request.command,
      args: [...request.args, ...(conversation !== undefined ? withId(request.startConversation!, conversation) : [])],
      cwd: request.cwd,
      repo: this.options.checks.repositoryOf(request.cwd),
      isolation: request.isolation ?? 'workspace',
      ...(request.worktree ? { worktree: request.worktree } : {}),
      ...(request.group !== undefined ? { group: request.group } : {}),
      agent: profile.name,
      status: 'starting',
      statusSince: now,
      title: '',
      createdAt: now,
      ...(conversation !== undefined ? { conversation } : {}),
      ...(relaunch ? { relaunch } : {}),
    };
    const rules = sessionRules(request.statusRules ?? [], profile);
    const env = { ...(request.clientEnv ? { client: request.clientEnv } : {}), ...(request.env ? { profile: request.env } : {}) };
    return this.launch(info, { cols: request.cols, rows: request.rows }, rules, env, request.typePrompt, request.setup);
  }

  /**
   * Lists sessions a previous server owned as `dead`: their folders are untouched and nothing runs until
   * the user relaunches one. A record's own status rules go in front of its profile's again, as at create.
   */
  restore(records: readonly RestoredSession[]): void {
    for (const { statusRules = [], ...record } of records) {
      const number = Number(record.id.replace(/^s/, ''));
      if (Number.isInteger(number)) this.nextId = Math.max(this.nextId, number + 1);
      const repo = this.options.checks.repositoryOf(record.cwd);
      const info: SessionInfo = { ...record, repo, status: 'dead', statusSince: Date.now(), title: '' };
      const profile = profileOf(record);
      const session = this.hosted(info, { cols: 80, rows: 24 }, undefined, sessionRules(statusRules, profile));
      session.markDead();
      session.print(`\x1b[2mgrove: this session's server stopped; its folder is untouched. Relaunch starts it again.\x1b[0m\r\n`);
      this.sessions.set(info.id, session);
    }
    this.publishSessions();
  }

  /**
   * Starts an exited session's program again, resuming its conversation where its agent can; with
   * `folder`, in another folder (`grove move`), the session keeping its id, name and checkpoints.
   */
  async relaunch(id: string, clientEnv?: Readonly<Record<string, string>>, folder?: SessionFolder): Promise<SessionInfo> {
    const old = this.sessions.get(id);
    if (!old) throw new Error(`no session ${id}`);
    if (old.running) throw new Error(`session ${old.info.name} is still running`);
    const size = old.frame();
    this.clock.forget(id);
    old.dispose();
    const { status: _status, statusSource: _source, exitCode: _code, signal: _signal, error: _error, ...kept } = old.info;
    // What was the old folder's (its worktree, changes counted there, a check, a handed-back conflict) stays behind.
    const { worktree: _worktree, changes: _changes, check: _check, handedBack: _handedBack, turnCommitFailure: _failure, ...unplaced } = kept;
    const rest = folder ? { ...unplaced, ...folder, repo: this.options.checks.repositoryOf(folder.cwd) } : kept;
    const now = Date.now();
    const resumed = rest.relaunch ? relaunchArgs(rest.relaunch, rest.conversation) : undefined;
    const info: SessionInfo = { ...rest, ...(resumed ? { args: resumed.args } : {}), status: 'starting', statusSince: now, title: '' };
    const env = { ...old.launchEnv, ...(clientEnv ? { client: clientEnv } : {}) };
    const launched = this.launch(info, { cols: size.cols, rows: size.rows }, { given: old.statusRules, compiled: old.rules }, env);
    if (resumed) this.sessions.get(info.id)?.print(`\x1b[2mgrove: ${resumeNote(resumed.resumedBy, rest.conversation)}\x1b[0m\r\n`);
    return launched;
  }

  /**
   * Publishes the current frame of each session named, as a client that starts watching needs. Every
   * change is published on frames$ anyway; a server connection filters them for its own client.
   */
  watch(ids: readonly string[]): void {
    for (const id of ids) {
      const session = this.sessions.get(id);
      if (session) this.framesSubject.next({ id, frame: this.frameOf(id)! });
    }
  }

  async capture(id: string, options: CaptureOptions): Promise<string> {
    const session = this.sessions.get(id);
    if (!session) throw new Error(`no session ${id}`);
    this.backgroundResizes.flush(id);
    return session.capture(options);
  }

  /** The sessions as records, for the state file. */
  list(): readonly SessionInfo[] {
    return this.sessionsSubject.value;
  }

  /** The environment a session's program runs with (where its agent keeps its files: HOME, CLAUDE_CONFIG_DIR). */
  environmentOf(id: string): Readonly<Record<string, string>> {
    const session = this.sessions.get(id);
    if (!session) throw new Error(`no session ${id}`);
    return this.childEnv(id, session.launchEnv, undefined);
  }

  /** The user's own status rules a session was started with, for its record in the state file. */
  statusRulesOf(id: string): readonly StatusRule[] {
    return this.sessions.get(id)?.statusRules ?? [];
  }

  private launch(
    info: SessionInfo,
    requested: { cols?: number; rows?: number },
    rules: SessionRules,
    launchEnv: LaunchEnv = {},
    typePrompt?: string,
    setup: readonly string[] = [],
  ): SessionInfo {
    const size = { cols: Math.max(1, requested.cols ?? 80), rows: Math.max(1, requested.rows ?? 24) };
    const token = this.options.hookCommand ? hookToken() : undefined;
    const env = this.childEnv(info.id, launchEnv, token);
    const executable = this.options.checks.resolveCommand(info.command, info.cwd, env.PATH);
    // The hook arguments are grove's plumbing, not what the user started: kept out of the record.
    const profile = profileOf(info);
    const args = [...info.args, ...(this.options.hookCommand ? hookArgs(profile, this.options.hookCommand) : [])];
    // Setup steps run first, in the same pane, by sh; the program replaces it once they all succeeded.
    const sh = setup.length ? this.options.checks.resolveCommand('sh', info.cwd, env.PATH) : undefined;
    const [file, argv] = sh && executable ? [sh, setupArgs(setup, executable, args)] : [executable, args];
    const pty = file ? this.options.spawner.spawn(file, argv, { cwd: info.cwd, env, ...size }) : undefined;
    const session = this.hosted(info, size, pty, rules, typePrompt, launchEnv, token);
    this.sessions.set(info.id, session);
    if (!executable) session.markFailed(`command not found: ${info.command}`, 127);
    this.publishSessions();
    return session.info;
  }

  private hosted(
    info: SessionInfo,
    size: { cols: number; rows: number },
    pty: PtyProcess | undefined,
    rules: SessionRules,
    typePrompt?: string,
    launchEnv: LaunchEnv = {},
    token?: string,
  ): HostedSession {
    const options = {
      size,
      launchEnv,
      ...(token !== undefined ? { hookToken: token } : {}),
      scrollback: this.options.scrollback ?? DEFAULT_CONFIG.scrollback,
      rules: rules.compiled,
      statusRules: rules.given,
      ...(typePrompt !== undefined ? { typePrompt } : {}),
    };
    return new HostedSession(info, pty, this.emulators, {
      changed: (s) => this.clock.mark(s.id),
      updated: (s) => {
        this.clock.flushNow(s.id);
        this.publishSessions();
      },
      bell: (s) => this.bellsSubject.next(s.id),
      ...(this.options.programClipboard ? { clipboard: (s: HostedSession, text: string) => this.clipboardSubject.next({ id: s.id, text }) } : {}),
    }, options);
  }

  /** Whether a session of this id lives here. */
  has(id: string): boolean {
    return this.sessions.has(id);
  }

  input(id: string, data: string): void {
    const session = this.sessions.get(id);
    if (!session) return;
    this.clock.typed(id);
    if (data.includes('\r')) this.submittedSubject.next(id);
    session.input(data);
  }

  /** Types text into a session and, with `enter`, submits it (HostedSession.submit says how). */
  async submit(id: string, text: string, enter: boolean): Promise<void> {
    const session = this.sessions.get(id);
    if (!session) throw new Error(`no session ${id}`);
    this.clock.typed(id);
    if (enter) this.submittedSubject.next(id);
    await session.submit(text, enter);
  }

  /** An agent's report through its hook; refused unless it carries the session's own token. */
  report(id: string, report: AgentReport, token: string): void {
    if (!this.sessions.get(id)?.report(report, token)) throw new Error(`not a hook of session ${id}`);
  }

  /** Why a session has its status now. */
  explain(id: string): string[] {
    const session = this.sessions.get(id);
    if (!session) throw new Error(`no session ${id}`);
    return session.explain();
  }

  resize(id: string, cols: number, rows: number): void {
    this.backgroundResizes.forget(id);
    this.sessions.get(id)?.resize(Math.max(1, cols), Math.max(1, rows));
  }

  /** Resizes a session no client shows, in its turn (background-resizes.ts says why). */
  resizeInBackground(id: string, cols: number, rows: number): void {
    if (this.sessions.has(id)) this.backgroundResizes.add(id, cols, rows);
  }

  /** Ends a session's program and keeps the session, exited, as a move does before starting it elsewhere. */
  async stop(id: string): Promise<void> {
    const session = this.sessions.get(id);
    if (!session) throw new Error(`no session ${id}`);
    if (!session.running) return;
    session.terminate(this.options.killGraceMs ?? 2000);
    await session.whenExited();
  }

  async kill(id: string): Promise<void> {
    const session = this.sessions.get(id);
    if (!session) throw new Error(`no session ${id}`);
    session.terminate(this.options.killGraceMs ?? 2000);
    await session.whenExited();
    this.forget(session);
  }

  async lines(id: string, from: number, count: number): Promise<LineSlice | undefined> {
    this.backgroundResizes.flush(id);
    return this.sessions.get(id)?.lines(from, count);
  }

  async snapshot(id: string): Promise<PaneFrame | undefined> {
    return this.frameOf(id);
  }

  /** Replaces a worktree session's worktree record (a rebase merge moved its base): published, so persisted. */
  setWorktree(id: string, worktree: WorktreeRecord): void {
    this.sessions.get(id)?.setWorktree(worktree);
  }

  /** Records in the session (and so in every client and in `grove ls`) why its last turn commit failed. */
  setTurnCommitFailure(id: string, reason: string | undefined): void {
    this.sessions.get(id)?.setTurnCommitFailure(reason);
  }

  /** Records a conflict handed to the session's agent, and how it stands (core/review/hand-back.ts). */
  setHandBack(id: string, handedBack: HandBack | undefined): void {
    this.sessions.get(id)?.setHandBack(handedBack);
  }

  /** Records a check of a worktree session's work in its record (and so in every client's comparison). */
  setCheck(id: string, check: CheckResult): void {
    this.sessions.get(id)?.setCheck(check);
  }

  /** Replaces a session's review comments (the review service checks and bounds them). */
  setComments(id: string, comments: readonly ReviewComment[]): void {
    this.sessions.get(id)?.setComments(comments);
  }

  /** Records a worktree session's changes in its record (and so in every client's sidebar). */
  setChanges(id: string, changes: SessionChanges | undefined): void {
    this.sessions.get(id)?.setChanges(changes);
  }

  /** The session's screen now (synchronously: nothing can overtake it), at the size it was last given. */
  frameOf(id: string): PaneFrame | undefined {
    this.backgroundResizes.flush(id);
    return this.sessions.get(id)?.frame();
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    const all = [...this.sessions.values()];
    all.forEach((s) => s.terminate(this.options.killGraceMs ?? 2000));
    await Promise.all(all.map((s) => s.whenExited()));
    all.forEach((s) => this.forget(s));
    this.clock.dispose();
    this.backgroundResizes.dispose();
    this.emulators.dispose();
    this.sessionsSubject.complete();
    this.framesSubject.complete();
    this.bellsSubject.complete();
    this.clipboardSubject.complete();
    this.submittedSubject.complete();
  }

  private forget(session: HostedSession): void {
    if (!this.sessions.delete(session.id)) return;
    this.clock.forget(session.id);
    this.backgroundResizes.forget(session.id);
    session.dispose();
    this.publishSessions();
  }

  private emitFrames(ids: ReadonlySet<string>): void {
    this.options.memory?.worked();
    for (const id of ids) {
      const session = this.sessions.get(id);
      if (session) this.framesSubject.next({ id, frame: session.frame() });
    }
  }

  private publishSessions(): void {
    if (this.disposed && this.sessions.size === 0 && this.sessionsSubject.closed) return;
    this.sessionsSubject.next([...this.sessions.values()].map((s) => s.info));
  }

  /**
   * The program's environment: the asking client's (else the server's), the agent profile's on top, and
   * grove's own: the server's GROVE_* (its socket, for `grove` typed in the session), the session's id.
   */
  private childEnv(id: string, launch: LaunchEnv, token: string | undefined): Record<string, string> {
    const env: Record<string, string> = {};
    const own = Object.entries(this.options.env);
    for (const [key, value] of launch.client ? Object.entries(launch.client) : own) if (value !== undefined) env[key] = value;
    Object.assign(env, launch.profile ?? {});
    for (const [key, value] of own) if (key.startsWith('GROVE_') && value !== undefined) env[key] = value;
    env.TERM = 'xterm-256color';
    env.GROVE_SESSION = id;
    if (token !== undefined) env.GROVE_HOOK_TOKEN = token;
    else delete env.GROVE_HOOK_TOKEN;
    return env;
  }
}

/** The profile a session was started with: its agent's, or (a record from an older server) its command's. */
function profileOf(session: { readonly agent: string; readonly command: string }): AgentProfile {
  return findProfile(session.agent) ?? profileForCommand(session.command);
}

/**
 * A program typed as a command line (`grove new -- claude …`) comes with no relaunch plan; when it is an
 * agent that can resume, a relaunch keeps what was typed and adds the resume arguments.
 */
function typedRelaunch(args: readonly string[], profile: AgentProfile): RelaunchPlan | undefined {
  return profile.resumeArgs.length || profile.conversation ? relaunchPlan(profile, args, []) : undefined;
}

/** The line a relaunched pane starts with: which conversation it continues. */
function resumeNote(resumedBy: 'id' | 'last' | 'none', conversation: string | undefined): string {
  if (resumedBy === 'id') return `resuming this session's conversation ${printable(conversation!)}`;
  if (resumedBy === 'last') return "resuming the folder's most recent conversation (this session's own is not known)";
  return 'starting afresh (this agent cannot resume a conversation)';
}
