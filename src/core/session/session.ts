/**
 * The session model: what a session is, as every part of grove sees it.
 *
 * A session is one program running in one pseudoterminal, tied to a folder. The record is plain data so
 * it can cross the socket to clients and be written to the state file unchanged. The host owns the truth;
 * everyone else holds snapshots of these records.
 */
import type { ReviewComment } from '../review/feedback.js';
import type { SessionPlace } from '../hosts/remote.js';
import type { ChangeSummary } from '../review/changes.js';
import type { WorktreeRecord } from '../git/review.js';
import type { RelaunchPlan } from '../agents/launch.js';
import { printable } from '../text/terminal-text.js';

/** Where a session's changes land: the checkout itself, or a private git worktree on its own branch. */
export type Isolation = 'workspace' | 'worktree';

/**
 * `starting` until the program first prints; then `working` while it prints, `waiting` when it needs the
 * user, `idle` when quiet; `exited` once its process has ended (see exitCode/signal); `dead` when the
 * server that owned it died and it is only a record.
 */
export type SessionStatus = 'starting' | 'working' | 'waiting' | 'idle' | 'exited' | 'dead';

/**
 * Where the status came from: the agent's own report (`hook`), a profile rule on its screen (`rules`), the
 * terminal's foreground process reading a line (`tty`), or output and quiet alone (`activity`); `lifecycle`
 * for starting, exited and dead.
 */
export type StatusSource = 'hook' | 'rules' | 'tty' | 'activity' | 'lifecycle';

export interface SessionInfo {
  /** Stable id, never reused while the server lives. */
  readonly id: string;
  /** Short display name; unique among live sessions. */
  readonly name: string;
  /** The program and its arguments, as started (no shell in between). */
  readonly command: string;
  readonly args: readonly string[];
  /** Folder the program runs in. */
  readonly cwd: string;
  /**
   * The repository the session works on: the main checkout's root (also for a session in one of its
   * worktrees), or the folder itself outside git. The UI lists the sessions of its own repository.
   */
  readonly repo: string;
  readonly isolation: Isolation;
  /** For `worktree` isolation: the worktree and branch the server made for it, and the base it merges into. */
  readonly worktree?: WorktreeRecord;
  /** What a worktree session has changed, kept current from filesystem events; absent until first counted. */
  readonly changes?: SessionChanges;
  /** The fan-out it is a variant of (`grove fanout`), whose sessions are listed and compared together. */
  readonly group?: string;
  /** The agent profile that reads its screen (`claude`, `codex`, … or `shell` for any program). */
  readonly agent: string;
  readonly status: SessionStatus;
  /** Epoch milliseconds when `status` began. */
  readonly statusSince: number;
  /** What the status was read from; absent in records from older servers. */
  readonly statusSource?: StatusSource;
  /** The agent's own id for its conversation, where grove chose it or the agent reported it. */
  readonly conversation?: string;
  /** How a relaunch starts it again; absent: with the same arguments. */
  readonly relaunch?: RelaunchPlan;
  /** Set once status is `exited`. */
  readonly exitCode?: number;
  readonly signal?: number;
  /** Why the program could not start (e.g. command not found). */
  readonly error?: string;
  /**
   * The last lines on its screen when it ended within seconds of starting: an agent that refuses to start
   * (no API key, a flag it will not take as root) says why there, and the pane may be gone from view.
   */
  readonly exitLines?: readonly string[];
  /** A conflict handed to its agent to resolve (core/review/hand-back.ts), and how it stood at its last turn's end. */
  readonly handedBack?: HandBack;
  /** Its work's last check (the config's `check`, run in its worktree), for comparing variants. */
  readonly check?: CheckResult;
  /** Why the last automatic turn commit of a worktree session failed; cleared by the next that succeeds. */
  readonly turnCommitFailure?: string;
  /** Review comments on its diff, to be typed to its agent as one prompt (core/review/feedback.ts). */
  readonly comments?: readonly ReviewComment[];
  /** The window title the program last set (OSC 0/2), '' if none. */
  readonly title: string;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  /**
   * The machine it runs on when that is not this one: set by the client that gathers other machines'
   * sessions (src/client/hosts), never by a server.
   */
  readonly place?: SessionPlace;
}

/** A worktree session's changes as the sidebar shows them, with the sessions it overlaps or conflicts with. */
/** A conflict in a session's worktree given to its agent: the files, and whether its turn since resolved it. */
export interface HandBack {
  readonly base: string;
  readonly files: readonly string[];
  readonly state: 'with the agent' | 'resolved' | 'still conflicted';
}

/** A check of a worktree session's work: passed or not, at which commit of its branch, and its last line. */
export interface CheckResult {
  readonly passed: boolean;
  readonly exitCode: number;
  /** The branch's commit the worktree was at (its work since then, uncommitted, was checked too). */
  readonly commit: string;
  /** The last line it printed, cut to 200 characters. */
  readonly line: string;
  readonly at: number;
}

export interface SessionChanges extends Omit<ChangeSummary, 'touched'> {
  /** Names of the sessions that touched some of the same files. */
  readonly overlaps: readonly string[];
  /** Names of the sessions whose branch this one's would conflict with on merge ('base' for its base branch). */
  readonly conflicts: readonly string[];
}

export function isRunning(session: SessionInfo): boolean {
  return session.status !== 'exited' && session.status !== 'dead';
}

/** "exited 0", "killed by signal 15", "dead" — how a finished session ended, for panes and lists. */
export function describeEnd(session: SessionInfo): string {
  if (session.status === 'dead') return 'dead (its server stopped)';
  if (session.error) return session.error;
  const said = session.exitLines?.length ? `: ${printable(session.exitLines.at(-1)!)}` : '';
  if (session.signal) return `killed by signal ${session.signal}${said}`;
  return `exited with status ${session.exitCode ?? 0}${said}`;
}
