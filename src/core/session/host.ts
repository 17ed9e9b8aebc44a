/**
 * The session host: the one door through which a UI reaches sessions.
 *
 * A host owns the programs (ptys) and their emulators; a client sends it requests and watches its streams.
 * Today the host can run in the client's own process (src/server/local-host.ts); the server issue moves it
 * behind a unix socket, and the client cannot tell the difference. So nothing outside src/server may touch
 * a pty or an emulator: everything goes through this interface.
 */
import type { Observable } from 'rxjs';
import type { PaneFrame } from '../screen/frame.js';
import type { LineSlice } from '../screen/line-slice.js';
import type { StatusRule } from '../status/rules.js';
import type { RelaunchPlan } from '../agents/launch.js';
import type { Isolation, SessionInfo } from './session.js';

export interface CreateSessionRequest {
  /** Display name; the host picks a free one when omitted. */
  readonly name?: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** The pty's size; the host picks one (80×24) when omitted, as for `grove new` from a script. */
  readonly cols?: number;
  readonly rows?: number;
  readonly isolation?: Isolation;
  /** Worktree isolation: the session's branch (new, or an existing one no worktree uses). Default `grove/<name>`. */
  readonly branch?: string;
  /** Worktree isolation: the ref the branch starts from. Default: the branch checked out in the main checkout. */
  readonly base?: string;
  /** The agent profile whose status rules read the screen; found from the command when omitted. */
  readonly agent?: string;
  /** The user's own status rules for this agent, tried before the profile's. */
  readonly statusRules?: readonly StatusRule[];
  /** Typed into the pane, then Enter, the first time the session becomes idle (agents that take no prompt argument). */
  readonly typePrompt?: string;
  /** The fan-out this session is a variant of: the sidebar shows the group together (core/review/fanout.ts). */
  readonly group?: string;
  /** Steps run in its folder before the program starts, by sh (core/review/setup.ts); only at this first start. */
  readonly setup?: readonly string[];
  /** Worktree isolation only: a plan to hand the agent, written into the worktree as PLAN_FILE, which git ignores. */
  readonly plan?: string;
  /** The agent profile's environment, on top of the one the program starts with. */
  readonly env?: Readonly<Record<string, string>>;
  /** How a relaunch starts it again (agents/launch.ts); without it, a relaunch repeats `args`. */
  readonly relaunch?: RelaunchPlan;
  /** Arguments that give the new conversation the id the host chooses (`{id}` standing for it). */
  readonly startConversation?: readonly string[];
  /**
   * The environment of the client that asked (the server sets it from the connection's hello): the
   * program starts with it instead of the server's own, so it finds what the user's shell would (PATH,
   * an agent's API key and base URL). Without it, the server's.
   */
  readonly clientEnv?: Readonly<Record<string, string>>;
}

export interface CaptureOptions {
  readonly ansi: boolean;
  readonly scrollback: boolean;
}

export interface FrameEvent {
  readonly id: string;
  readonly frame: PaneFrame;
}

/** A program asked to put text on the user's clipboard (OSC 52). */
export interface ClipboardEvent {
  readonly id: string;
  readonly text: string;
}

/** A key command another client asked this UI to run (`grove zoom api`); `done` answers it. */
export interface CommandRequest {
  readonly name: string;
  /** The session to act on, by id; the focused one when absent. */
  readonly session: string | undefined;
  readonly args: readonly string[];
  done(error?: string): void;
}

export interface SessionHost {
  /** Every session, in creation order. Replays the current list to each new subscriber. */
  readonly sessions$: Observable<readonly SessionInfo[]>;
  /**
   * A session's screen, at most once per display frame (about 60 a second) however fast its program
   * prints, and only when something changed.
   */
  readonly frames$: Observable<FrameEvent>;
  /** The program rang the bell. */
  readonly bells$: Observable<string>;
  /** Programs setting the clipboard, only when the host's settings let them (never reading it). */
  readonly clipboard$: Observable<ClipboardEvent>;
  /** Key commands for this UI to run, from a command line; only a server's clients get them. */
  readonly commands$?: Observable<CommandRequest>;

  /** Starts a program. Rejects with a one-line message for a bad request (unknown folder, bad name). */
  create(request: CreateSessionRequest): Promise<SessionInfo>;
  /** Types into the session's pty, byte for byte. Ignored once the session has exited. */
  input(id: string, data: string): void;
  /** Resizes the pty and the emulator together. */
  resize(id: string, cols: number, rows: number): void;
  /** Ends the program (SIGTERM to its process group, SIGKILL after a grace period) and forgets the session. */
  kill(id: string): Promise<void>;
  /** Starts an exited or dead session's command again, in the same folder, under the same id and name. */
  /** `clientEnv`: as for create; by default the environment it was first started with. */
  relaunch(id: string, clientEnv?: Readonly<Record<string, string>>): Promise<SessionInfo>;
  /** The sessions whose frames this client wants pushed; others it asks for with snapshot(). */
  watch(ids: readonly string[]): void;
  /** The user focused this session (a server remembers it for the next client to attach); optional. */
  focused?(id: string): void;
  /** The session's current screen. */
  snapshot(id: string): Promise<PaneFrame | undefined>;
  /** The pane's text, as `tmux capture-pane -p` prints it: plain or with colours, screen only or with scrollback. */
  capture(id: string, options: CaptureOptions): Promise<string>;
  /** Lines of the scrollback and screen, numbered as line-slice.ts explains; a negative `from` counts from the end. */
  lines(id: string, from: number, count: number): Promise<LineSlice | undefined>;
  /** Ends every program and releases every resource. */
  dispose(): Promise<void>;
}
