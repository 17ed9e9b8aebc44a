/**
 * The vocabulary of a merge — modes, the caller's conflict choice, and what happened — is plain data in
 * src/core/git/review.ts; this is how the engine reports a successful one.
 */
import type { MergeMode, MergeOutcome } from '../../core/git/review.js';
import type { WorktreeContext, WorktreeRecord } from './types.js';

export type { ConflictChoice, MergeMode, MergeOptions, MergeOutcome } from '../../core/git/review.js';

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
