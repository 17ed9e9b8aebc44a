/**
 * Commands: what a key (or, later, a command line) can ask grove to do.
 *
 * Like tmux's cmd-*.c, each command is a small declarative record in a file of its own — a name, a
 * description, what it acts on (its target kind and arguments), `canRun` saying why it can't run right now
 * (or undefined when it can), and `run` — and they are all listed in one table (registry.ts). That one row
 * serves every way in: a key binding runs it on the focused session; `grove NAME [SESSION] [ARGS]` runs it
 * on the session named there (found by core/session/targets.ts), through the grove command the row names
 * or else in the attached UI (src/cli/command-table.ts); the help screen and `grove --help` describe it
 * from the same row. A command reads the client's state through `view` and acts only through `actions`,
 * so commands are pure and tested with a fake.
 */
import type { LayoutMode, PanePlacement } from '../layout/layout.js';
import type { SessionInfo } from '../session/session.js';
import { printable } from '../text/terminal-text.js';

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
  /** Writes bytes to a session's pty (keys typed before it existed wait for it). */
  sendKeys(id: string, data: string): void;
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
  /** Types the paste buffer into the session's pane. */
  pasteBuffer(id: string): void;
  setMouse(on: boolean): void;
  /** The review loop (src/client/review): the full-screen diff of what the session changed. */
  openDiff(id: string): void;
  /** The workspace session's checkpoints, a turn's diff and its undo. */
  openCheckpoints(id: string): void;
  /** Moves the session into a worktree of its own (`worktree`) or back into the checkout. */
  moveSession(id: string, to: 'worktree' | 'workspace'): void;
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
  /** The fan-out dialog: one task to several agents. */
  openFanoutDialog(): void;
  /** The variants (session ids, in order) side by side. */
  openCompare(ids: readonly string[]): void;
  /** The preview of bringing the worktree session's branch up to date with its base, then the sync once confirmed. */
  syncWithBase(id: string): void;
  /** Folds a fan-out's variants into their sidebar header, or unfolds them. */
  toggleGroup(group: string): void;
}

/**
 * What a command acts on: nothing but the client (a layout, a dialog), a session, or a session with a
 * worktree of its own. A key acts on the focused session; a command line names one.
 */
export type TargetKind = 'none' | 'session' | 'worktree';

export interface CommandContext {
  readonly view: ClientView;
  readonly actions: ClientActions;
  readonly args: readonly string[];
  /** The session acted on: set for every command whose target kind is not 'none' (commandProblem checks it). */
  readonly target: SessionInfo | undefined;
}

export interface Command {
  readonly name: string;
  /** One line, for the help screen, the palette and `grove --help`. */
  readonly description: string;
  readonly target: TargetKind;
  /** The arguments after the session, by name for usage lines (`INDEX`); none when absent. */
  readonly args?: readonly string[];
  /**
   * The `grove` command that does the same without a UI, to a session named on the command line (which
   * also answers to this command's name: `grove kill-session api`). Absent, the command line runs this
   * command in the attached UI.
   */
  readonly commandLine?: string;
  /** Why the command can't run now, beyond a missing target (commandProblem), in a few words; undefined when it can. */
  readonly canRun?: (view: ClientView, target: SessionInfo | undefined, args: readonly string[]) => string | undefined;
  run(context: CommandContext): void;
}

/** Why `command` cannot run on `target` with `args` now, for the status line; undefined when it can. */
export function commandProblem(command: Command, view: ClientView, target: SessionInfo | undefined, args: readonly string[]): string | undefined {
  if (command.target !== 'none') {
    if (!target) return 'no session';
    if (command.target === 'worktree' && !target.worktree) return `${printable(target.name)} works in the checkout, not a worktree`;
  }
  const missing = command.args?.slice(args.length);
  if (missing?.length) return `needs ${missing.map((arg) => arg.toLowerCase()).join(' ')}`;
  return command.canRun?.(view, target, args);
}

export function focusedSession(view: ClientView): SessionInfo | undefined {
  return view.sessions.find((s) => s.id === view.focusedId);
}
