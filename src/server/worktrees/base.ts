/**
 * Finding a session's base in the repository as it is now.
 *
 * The record names the base branch and the commit the session started from. The branch moves (others
 * merge into it), so comparisons use its current tip; if it was deleted or never was a branch, the ref as
 * given, and failing that the recorded commit.
 */
import { WorktreeRefusal } from '../../core/git/refusal.js';
import { resolveCommit } from './repository.js';
import type { WorktreeContext, WorktreeRecord } from './types.js';

export interface BaseTip {
  readonly commit: string;
  /** True when baseBranch is a local branch (only then can grove merge into it). */
  readonly isBranch: boolean;
}

export async function baseTip(
  ctx: WorktreeContext,
  cwd: string,
  record: Pick<WorktreeRecord, 'baseBranch' | 'baseCommit'>,
): Promise<BaseTip> {
  const branchTip = await resolveCommit(ctx, cwd, `refs/heads/${record.baseBranch}`);
  if (branchTip) return { commit: branchTip, isBranch: true };
  const commit =
    (await resolveCommit(ctx, cwd, record.baseBranch)) ?? (await resolveCommit(ctx, cwd, record.baseCommit));
  if (!commit) {
    throw new WorktreeRefusal(
      'bad-ref',
      `base ${record.baseBranch} no longer exists and commit ${record.baseCommit} is gone`,
    );
  }
  return { commit, isBranch: false };
}

/** The best common ancestor of two commits, or undefined if they share no history. */
export async function mergeBase(ctx: WorktreeContext, cwd: string, a: string, b: string): Promise<string | undefined> {
  const result = await ctx.git.exec(cwd, ['merge-base', a, b], { okExitCodes: [0, 1] });
  return result.stdout.trim() || undefined;
}
