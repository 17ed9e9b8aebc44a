/**
 * Moving a session between the shared checkout and a worktree of its own (`grove move`).
 *
 * To a worktree, a session takes the files it changed — those of its turns still in effect (its
 * checkpoints, not undone) — as they are now, and the checkout gets each of those files back as it was
 * before the session's first turn that touched it; a file another hand changed since the session's last
 * turn goes only when confirmed. To the workspace, the worktree's changes against its branch's base are
 * written into the checkout, refused where the checkout's copy is not the base's (edited there, or the base
 * moved on). Either way the moved files are recorded as a checkpoint of kind `move` first, so a failure
 * half-way loses nothing: the message names that checkpoint.
 */
import type { Checkpoint } from '../checkpoints/checkpoint.js';
import { undoneTurns } from '../checkpoints/checkpoint.js';
import { printable } from '../text/terminal-text.js';

export type MoveTarget = 'worktree' | 'workspace';

export interface MoveOptions {
  readonly to: MoveTarget;
  /** To a worktree: the branch to make (or reuse); default grove/<session>. */
  readonly branch?: string;
  /** Take along files changed by someone else since the session's last turn, too. */
  readonly confirmed?: boolean;
}

export interface MoveOutcome {
  readonly to: MoveTarget;
  readonly session: string;
  /** Where the session runs now. */
  readonly folder: string;
  readonly branch?: string;
  /** The files that moved. */
  readonly files: readonly string[];
  /** The checkpoint ref that holds them as they were when they moved. */
  readonly kept?: string;
  /** What else happened, one line each: the conversation resumed, the worktree left behind. */
  readonly notes: readonly string[];
}

/** The turns a move takes the files of: the session's turns not undone, oldest first. */
export function turnsInEffect(checkpoints: readonly Checkpoint[]): Checkpoint[] {
  const undone = undoneTurns(checkpoints);
  return checkpoints.filter((c) => c.kind === 'turn' && !undone.has(c.turn));
}

/** Each file the turns changed, with the commit holding it as it was before the first of them that did. */
export function firstTouches(turns: readonly { readonly before: string; readonly files: readonly string[] }[]): Map<string, string> {
  const before = new Map<string, string>();
  for (const turn of turns) for (const file of turn.files) if (!before.has(file)) before.set(file, turn.before);
  return before;
}

/** The files grouped by the commit they go back to. */
export function byCommit(touches: ReadonlyMap<string, string>, files: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const file of files) {
    const commit = touches.get(file);
    if (commit !== undefined) groups.set(commit, [...(groups.get(commit) ?? []), file]);
  }
  return groups;
}

/** What `grove move` prints: where the session is now and what went with it. */
export function moveSummary(outcome: MoveOutcome): string[] {
  const where = outcome.to === 'worktree' ? `a worktree on ${printable(outcome.branch ?? '')}` : 'the checkout';
  const files = outcome.files.length ? `took ${outcome.files.length} file${outcome.files.length === 1 ? '' : 's'} (${outcome.files.slice(0, 5).map(printable).join(', ')}${outcome.files.length > 5 ? ', …' : ''})` : 'no changed files to take';
  const kept = outcome.kept !== undefined ? `; as they were, in ${printable(outcome.kept)}` : '';
  return [`moved ${printable(outcome.session)} to ${where} (${printable(outcome.folder)}): ${files}${kept}`, ...outcome.notes.map(printable)];
}
