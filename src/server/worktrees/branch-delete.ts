/**
 * Deleting a session branch, under grove's two rules for it: never delete a branch grove did not create
 * (the user's own branch, reused by a session, outlives it), and never lose commits nobody agreed to lose.
 *
 * `git branch -d` is always tried first. It only deletes a branch the checkout's HEAD already contains,
 * so it refuses a squash-merged branch even though nothing would be lost. grove escalates to `-D` only
 * when the caller explicitly asked to delete this branch AND either the loss report says its changes are
 * all in the base (by ancestry, patch identity, squash or content) or the caller confirmed losing them.
 */
import { commitsNotInBase, describeLoss, losesCommits, type LossReport } from '../../core/git/loss.js';
import { gitReason, WorktreeRefusal } from '../../core/git/refusal.js';
import type { BranchFate } from '../../core/git/review.js';
import { createdByGrove } from './repository.js';
import type { WorktreeContext } from './types.js';

/** Why a branch grove did not create stays. */
export const NOT_GROVES = 'kept: grove did not create it';

export type { BranchFate } from '../../core/git/review.js';

export interface BranchDeletion {
  /** true: the caller asked for this branch to be deleted. undefined: delete only if `-d` agrees. */
  readonly requested?: boolean;
  readonly confirmedLoss?: boolean;
}

/** Refuses up front a requested deletion that would lose unconfirmed commits (before anything else is touched). */
export function assertBranchDeletionAllowed(branch: string, report: LossReport, deletion: BranchDeletion): void {
  if (deletion.requested && losesCommits(report) && !deletion.confirmedLoss) {
    throw new WorktreeRefusal(
      'would-lose-work',
      `deleting ${branch} would lose ${describeLoss(report)}; confirm to delete it`,
    );
  }
}

/** The branch stays because it has commits the base lacks. */
export function keptForCommits(report: LossReport): BranchFate {
  return { deleted: false, reason: `kept: it has ${commitsNotInBase(report)}` };
}

export async function deleteBranch(
  ctx: WorktreeContext,
  repoPath: string,
  branch: string,
  report: LossReport,
  deletion: BranchDeletion,
): Promise<BranchFate> {
  if (!(await createdByGrove(ctx, repoPath, branch))) return { deleted: false, reason: NOT_GROVES };
  if (losesCommits(report) && !(deletion.requested && deletion.confirmedLoss)) {
    return keptForCommits(report);
  }
  const gentle = await ctx.git.exec(repoPath, ['branch', '-d', '--', branch], { okExitCodes: [0, 1] });
  if (gentle.exitCode === 0) return { deleted: true };
  if (!deletion.requested) {
    return {
      deleted: false,
      reason: `kept: git branch -d refused (${gitReason(gentle.stderr) ?? 'not fully merged'}); ask to delete it explicitly`,
    };
  }
  // `-D`, only here: the caller asked for this branch to be deleted, and either nothing is lost by grove's
  // reckoning (a squash merge git cannot see) or the caller confirmed losing its commits.
  await ctx.git.run(repoPath, ['branch', '-D', '--', branch]);
  return { deleted: true };
}
