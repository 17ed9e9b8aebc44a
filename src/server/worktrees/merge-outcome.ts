/**
 * The vocabulary of a merge: modes, the caller's conflict choice, and what happened.
 */
import type { WorktreeContext, WorktreeRecord } from './types.js';

export type MergeMode = 'merge' | 'squash' | 'rebase';
export type ConflictChoice = 'leave' | 'abort';

export interface MergeOptions {
  readonly mode: MergeMode;
  /** What to do if the merge conflicts. */
  readonly onConflict: ConflictChoice;
  /** Commit message for merge and squash; a default names the branch. */
  readonly message?: string;
}

export type MergeOutcome =
  /** The base branch now has the work. `record` is updated for rebase (its new base commit). */
  | { readonly kind: 'merged'; readonly mode: MergeMode; readonly commit: string; readonly record: WorktreeRecord }
  /** Nothing to merge: the base already has the branch's changes. */
  | { readonly kind: 'up-to-date' }
  /** Conflict left in place in `where` (the main checkout, or the worktree for rebase). */
  | { readonly kind: 'conflict-left'; readonly where: string; readonly files: readonly string[] }
  /** Conflict found; everything is as it was before. */
  | { readonly kind: 'conflict-aborted'; readonly files: readonly string[] };

/** The outcome after a successful merge: the main checkout's new HEAD. */
export async function mergedOutcome(
  ctx: WorktreeContext,
  record: WorktreeRecord,
  mode: MergeMode,
  updated = record,
): Promise<MergeOutcome> {
  const commit = (await ctx.git.run(record.repoPath, ['rev-parse', 'HEAD'])).trim();
  return { kind: 'merged', mode, commit, record: updated };
}
