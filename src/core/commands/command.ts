/**
 * Commands: what a key (or, later, a command line) can ask grove to do.
 *
 * Like tmux's cmd-*.c, each command is a small declarative record in a file of its own — a name, a
 * description, `canRun` saying why it can't run right now (or undefined when it can), and `run` — and
 * they are all listed in one table (registry.ts). A command reads the client's state through `view` and
 * acts only through `actions`, so commands are pure and tested with a fake.
 */
import type { LayoutMode, PanePlacement } from '../layout/layout.js';
import type { SessionInfo } from '../session/session.js';

/** What commands may read of the client's state. */
export interface ClientView {
  readonly sessions: readonly SessionInfo[];
  readonly focusedId: string | undefined;
  readonly layout: LayoutMode;
  readonly zoomed: boolean;
  /** The panes on screen now, with their rectangles. */
  readonly visiblePanes: readonly PanePlacement[];
  /** The prefix key, canonical ("C-b"). */
  readonly prefix: string;
  /** Whether sessions of every repository are listed, rather than only this one's. */
  readonly showAll: boolean;
  /** Whether grove acts on the mouse. */
  readonly mouse: boolean;
  /** Whether the server's paste buffer holds anything (it tells every client), for `paste-buffer`. */
  readonly hasPasteBuffer: boolean;
}

/** What commands may do: primitive operations the client implements. */
export interface ClientActions {
  focus(id: string): void;
  setLayout(mode: LayoutMode): void;
  setZoomed(zoomed: boolean): void;
  /** Writes bytes to the focused session's pty. */
  sendToFocused(data: string): void;
  openNewSessionDialog(): void;
  /** Asks a yes/no question in the status line; `onYes` runs only on yes. */
  confirm(question: string, onYes: () => void): void;
  killSession(id: string): void;
  relaunch(id: string): void;
  setShowAll(showAll: boolean): void;
  showHelp(): void;
  /** Opens the conflict matrix of this repository's worktree sessions. */
  showConflicts(): void;
  /** Leaves the UI. */
  detach(): void;
  /** A one-line message in the status bar. */
  message(text: string): void;
  /** Freezes the session's pane for scrolling, searching and copying. */
  enterCopyMode(id: string): void;
  /** Types the paste buffer into the focused pane. */
  pasteBuffer(): void;
  setMouse(on: boolean): void;
  /** The review loop (src/client/review): the full-screen diff of what the session changed. */
  openDiff(id: string): void;
  /** The merge dialog: a preview of merging the worktree session's branch, then the merge. */
  openMerge(id: string): void;
  /** What removing the worktree session would lose, then its removal once confirmed. */
  removeWorktree(id: string): void;
  /** Commits the worktree session's changes now, as the end of a turn. */
  commitTurn(id: string): void;
  /** Opens a shell session in the worktree session's folder. */
  openWorktreeShell(id: string): void;
  /** The list of worktrees and branches grove left behind in this repository, to clear. */
  openPrune(): void;
}

export interface CommandContext {
  readonly view: ClientView;
  readonly actions: ClientActions;
  readonly args: readonly string[];
}

export interface Command {
  readonly name: string;
  readonly description: string;
  /**
   * The `grove` command that does the same from a script, to a session named on the command line (which
   * also answers to this command's name: `grove kill-session api`). Absent for commands that change only
   * what a client shows (layout, focus, copy mode, help).
   */
  readonly commandLine?: string;
  /** Why the command can't run now, in a few words for the status bar; undefined when it can. */
  canRun(view: ClientView, args: readonly string[]): string | undefined;
  run(context: CommandContext): void;
}

export function focusedSession(view: ClientView): SessionInfo | undefined {
  return view.sessions.find((s) => s.id === view.focusedId);
}

export function needsSession(view: ClientView): string | undefined {
  return focusedSession(view) ? undefined : 'no session';
}

/** Why a command that works on a session's worktree can't run on the focused session, if it can't. */
export function needsWorktreeSession(view: ClientView): string | undefined {
  const session = focusedSession(view);
  if (!session) return 'no session';
  return session.worktree ? undefined : `${session.name} works in the checkout, not a worktree`;
}
