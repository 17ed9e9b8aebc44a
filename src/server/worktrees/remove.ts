/**
 * Removing a session's worktree — and, when grove created it and nothing would be lost, its branch.
 *
 * First the loss report (loss.ts). With nothing to lose: unlock, `git worktree remove` (no force) and
 * `git branch -d`. With something to lose the caller must pass `confirmedLoss` after showing the report;
 * even then the branch stays unless `deleteBranch` asks for it. grove never deletes a folder itself: git
 * removes worktrees and refuses when work would be lost. Force is used in exactly two places, each only
 * at the caller's explicit request: `worktree remove --force` below (confirmedLoss), and `branch -D` in
 * branch-delete.ts (deleteBranch).
 */
import { describeLoss, losesCommits, losesWorktreeWork } from '../../core/git/loss.js';
import { gitReason, WorktreeRefusal } from '../../core/git/refusal.js';
import type { BranchFate, RemoveOptions, RemoveOutcome } from '../../core/git/review.js';
import { assertBranchDeletionAllowed, deleteBranch, keptForCommits, NOT_GROVES } from './branch-delete.js';
import { assertInsideRoot, layoutFor } from './layout.js';
import { unlockPath } from './lock.js';
import { assessLoss } from './loss.js';
import { createdByGrove, findWorktree, openRepository } from './repository.js';
import type { WorktreeContext } from './types.js';

export type { RemoveOptions, RemoveOutcome } from '../../core/git/review.js';

export interface RemovalTarget {
  readonly repoPath: string;
  readonly worktreePath: string;
  readonly branch?: string;
  readonly baseBranch: string;
  readonly baseCommit: string;
}

export async function removeWorktree(
  ctx: WorktreeContext,
  target: RemovalTarget,
  options: RemoveOptions = {},
): Promise<RemoveOutcome> {
  const repo = await openRepository(ctx, target.repoPath);
  const real = await assertInsideRoot(ctx, layoutFor(ctx, repo.mainPath), target.worktreePath);
  if (real === repo.mainPath)
    throw new WorktreeRefusal('main-checkout', `${real} is the main checkout; grove never removes it`);
  const entry = await findWorktree(ctx, repo.worktrees, real);
  const folderExists = await ctx.files.exists(real);
  if (!entry && folderExists) {
    throw new WorktreeRefusal(
      'not-a-worktree',
      `${real} is not a git worktree of ${repo.mainPath}; grove does not delete folders itself`,
    );
  }
  if (entry?.isMain) throw new WorktreeRefusal('main-checkout', `${real} is the main checkout; grove never removes it`);

  const loss = await assessLoss(ctx, { ...target, worktreePath: folderExists ? real : undefined });
  if (losesWorktreeWork(loss) && !options.confirmedLoss) {
    throw new WorktreeRefusal(
      'would-lose-work',
      `removing ${real} would lose ${describeLoss(loss)}; confirm to remove it anyway`,
    );
  }
  const deletion = { requested: options.deleteBranch, confirmedLoss: options.confirmedLoss };
  const ownBranch = target.branch !== undefined && (await createdByGrove(ctx, repo.mainPath, target.branch));
  if (ownBranch) assertBranchDeletionAllowed(target.branch!, loss, deletion);

  if (entry) await removeRegistered(ctx, repo.mainPath, entry.path, entry.locked, options.confirmedLoss === true);
  const branch: BranchFate = !target.branch
    ? { deleted: false, reason: 'detached: no branch' }
    : !ownBranch
      ? { deleted: false, reason: NOT_GROVES }
      : options.deleteBranch === false
        ? losesCommits(loss) ? keptForCommits(loss) : { deleted: false, reason: 'kept as asked' }
        : await deleteBranch(ctx, repo.mainPath, target.branch, loss, deletion);
  return { loss, removedFolder: folderExists, branch };
}

/** git's reasons for refusing a plain `worktree remove` that force would override: work would be lost. */
const NEEDS_FORCE = /modified or untracked files|containing submodules/;

async function removeRegistered(
  ctx: WorktreeContext,
  repoPath: string,
  path: string,
  locked: string | undefined,
  confirmed: boolean,
) {
  const lockReason = await unlockPath(ctx, repoPath, path, locked);
  let result = await ctx.git.exec(repoPath, ['worktree', 'remove', '--', path], { okExitCodes: [0, 128] });
  const needsForce = NEEDS_FORCE.test(result.stderr);
  if (needsForce && confirmed) {
    // `git worktree remove --force` deletes uncommitted and untracked files and checked-out submodules.
    // It runs only here, only when the caller passed confirmedLoss after showing the loss report.
    result = await ctx.git.exec(repoPath, ['worktree', 'remove', '--force', '--', path], { okExitCodes: [0, 128] });
  }
  if (result.exitCode === 0) return;
  // Put the lock back: a refused removal leaves the worktree as it was.
  if (lockReason !== undefined) {
    await ctx.git.exec(repoPath, ['worktree', 'lock', '--reason', lockReason, '--', path], { okExitCodes: [0, 128] });
  }
  const why = `git would not remove ${path}: ${gitReason(result.stderr) ?? 'it failed'}`;
  if (needsForce && !confirmed) throw new WorktreeRefusal('would-lose-work', `${why}; confirm to remove it anyway`);
  throw new WorktreeRefusal('git-failed', why);
}
