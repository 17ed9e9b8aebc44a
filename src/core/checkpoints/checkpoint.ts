/**
 * Checkpoints: the safety net of a workspace session, which edits the user's own checkout.
 *
 * When a turn starts grove snapshots the checkout's files (tracked and untracked, not ignored) as a commit
 * of its own, and again when the turn ends; the second commit, whose parent is the first, is the turn's
 * checkpoint, under the hidden ref `refs/grove/checkpoints/<session>/<n>` (a namespace `git push` leaves
 * alone). What the turn changed is the difference between the two, so edits made between turns — by the
 * user or by another session sharing the checkout — are never counted as the turn's, and undoing a turn
 * puts back exactly its files as they were when it started. An undo is recorded the same way (its
 * parent: the files just before it), so undoing the undo redoes the turn.
 *
 * Each checkpoint's commit message carries its facts as JSON after a subject line, so the refs alone
 * say everything: a server started again reads them back, and nothing else is stored. Which files a
 * checkpoint changed is always read from git (its commit against its parent), never from the message.
 */
import { age } from '../session/display.js';
import { printable } from '../text/terminal-text.js';

export const CHECKPOINT_REFS = 'refs/grove/checkpoints/';
/** The names a checkpoint keeps for its listing, and how much of each; which files it changed is always read from git. */
export const PREVIEW_FILES = 3;
export const PREVIEW_NAME_CHARS = 4096;
/** How long an owner (ownerOf) may be, as read back from a ref or named in a request. */
export const MAX_OWNER_CHARS = 200;

export type CheckpointKind = 'turn' | 'undo' | 'move';

/** What a checkpoint records: whose it is, which turn, and what that turn (or undo) changed. */
export interface CheckpointMeta {
  /** The session that recorded it (ownerOf). */
  readonly owner: string;
  readonly session: string;
  readonly turn: number;
  /** A turn's files, an undo's, or a move's (`grove move`: what left the checkout, or came into it). */
  readonly kind: CheckpointKind;
  /** For an undo: the checkpoint it undid. */
  readonly undoes?: number;
  /** The first few files it changed, and how many there were. */
  readonly preview: readonly string[];
  readonly count: number;
  readonly started: number;
  readonly ended: number;
}

/** The listing's part of a checkpoint's facts, from the files it changed. */
export function filesPreview(files: readonly string[]): Pick<CheckpointMeta, 'preview' | 'count'> {
  return { preview: files.slice(0, PREVIEW_FILES).map((file) => file.slice(0, PREVIEW_NAME_CHARS)), count: files.length };
}

export interface Checkpoint extends CheckpointMeta {
  /** The files at the end of the turn. */
  readonly commit: string;
  /** The files when it started: the commit's parent. */
  readonly before: string;
}

/** What `grove undo` asks for. */
export interface UndoOptions {
  /** The checkpoint to undo (an undo's number redoes it); default: the latest turn not undone. */
  readonly turn?: number;
  /** Undo the latest undo instead: redo. */
  readonly redo?: boolean;
  /** Put back files that changed again since, too. */
  readonly confirmed?: boolean;
}

export interface UndoOutcome {
  readonly undid: Checkpoint;
  /** The checkpoint recording the undo. */
  readonly turn: number;
  readonly restored: readonly string[];
}

/** The session a checkpoint belongs to: its id and start time, since ids and names outlive nothing. */
export function ownerOf(session: { readonly id: string; readonly createdAt: number }): string {
  return `${session.id}@${session.createdAt}`;
}

/** The ref folder of a session's checkpoints: its name, made safe for a ref. */
export function checkpointFolder(name: string): string {
  return `${CHECKPOINT_REFS}${name.replace(/[^A-Za-z0-9_-]/gu, '_') || '_'}/`;
}

/** The number the next checkpoint takes: after every one under the folder, whoever's. */
export function nextTurn(checkpoints: readonly { readonly turn: number }[]): number {
  return checkpoints.reduce((max, c) => Math.max(max, c.turn), 0) + 1;
}

/** Which checkpoints are undone now: an undo undoes its target, and undoing an undo brings its target back. */
export function undoneTurns(checkpoints: readonly Checkpoint[]): Set<number> {
  const byTurn = new Map(checkpoints.map((c) => [c.turn, c]));
  const undone = new Set<number>();
  const mark = (turn: number, on: boolean) => {
    if (on) undone.add(turn);
    else undone.delete(turn);
    const target = byTurn.get(turn);
    // An undo that is itself undone no longer holds its target undone, and the other way round.
    if (target?.kind === 'undo' && target.undoes !== undefined) mark(target.undoes, !on);
  };
  for (const checkpoint of [...checkpoints].sort((a, b) => a.turn - b.turn)) {
    if (checkpoint.kind === 'undo' && checkpoint.undoes !== undefined) mark(checkpoint.undoes, true);
  }
  return undone;
}

export function noCheckpointsYet(session: string): string {
  return `${session} has no checkpoints yet: one is recorded when a turn that changed files ends`;
}

/** What an undo (or redo) did, for the command line and the checkpoints view: "undid turn 2: put back a.txt". */
export function undoSummary(outcome: UndoOutcome): string {
  const { undid, restored } = outcome;
  const what = undid.kind === 'undo' ? `redid turn ${undid.undoes} (undid undo ${undid.turn})` : `undid turn ${undid.turn}`;
  return `${what}: ${restored.length ? `put back ${restored.map(printable).join(', ')}` : 'nothing to put back'}`;
}

/** The checkpoint `grove undo` takes: the one named, or the latest turn not undone. A string says why none. */
export function undoTarget(checkpoints: readonly Checkpoint[], session: string, turn?: number): Checkpoint | string {
  if (!checkpoints.length) return noCheckpointsYet(session);
  if (turn !== undefined) return checkpoints.find((c) => c.turn === turn) ?? `${session} has no checkpoint ${turn} (grove checkpoints ${session})`;
  const undone = undoneTurns(checkpoints);
  const latest = [...checkpoints].reverse().find((c) => c.kind === 'turn' && !undone.has(c.turn));
  return latest ?? `every turn of ${session} is undone already (grove checkpoints ${session}; undoing an undo redoes it)`;
}

/** The latest undo of a turn still in effect, which `grove redo` undoes (a redo is not redone again). */
export function redoTarget(checkpoints: readonly Checkpoint[], session: string): Checkpoint | string {
  const undone = undoneTurns(checkpoints);
  const kinds = new Map(checkpoints.map((c) => [c.turn, c.kind]));
  const latest = [...checkpoints].reverse().find((c) => c.kind === 'undo' && c.undoes !== undefined && kinds.get(c.undoes) === 'turn' && !undone.has(c.turn) && undone.has(c.undoes));
  return latest ?? `${session} has nothing undone to redo`;
}

/** One line per checkpoint, oldest first, for `grove checkpoints` and the UI's list. */
export function checkpointLines(checkpoints: readonly Checkpoint[], now: number): string[] {
  const undone = undoneTurns(checkpoints);
  return checkpoints.map((c) => {
    const what = c.kind === 'undo' ? `undo of ${c.undoes}` : c.kind;
    const files = c.preview.map(printable).join(', ') + (c.count > c.preview.length ? `, … (${c.count} files)` : '');
    return `${String(c.turn).padStart(3)}  ${what.padEnd(10)} ${`${age(now - c.ended)} ago`.padStart(7)}  ${files}${undone.has(c.turn) ? '  (undone)' : ''}`;
  });
}
