/**
 * Rebase mode: replay the session's commits onto the base's tip in the session's own worktree, then
 * fast-forward the base branch in the main checkout. The user's checkout only ever moves forward.
 *
 * The rebase happens where the branch is checked out — the worktree — so it must be clean and not already
 * mid-operation. A conflict there is left for the session to resolve (`git rebase --continue`), or aborted
 * with `git rebase --abort`, which restores the branch and the worktree exactly.
 *
 * Afterwards the branch starts from the base's old tip, no longer from the commit it was made from: that
 * is the record's new base commit, also written to the branch's git config (where prune finds the base of
 * a branch no session owns). Left stale, every comparison that falls back to it would count the base's
 * commits the rebase took in as the session's own. A merge or squash leaves the branch as it was, and its
 * base commit with it.
 */
import { mergeBase } from './base.js';
import { assertMainCheckoutReady, filesTouched } from './merge-checks.js';
import { mergedOutcome, type ConflictChoice, type MergeOutcome } from './merge-outcome.js';
import { mergeOrRebase, readyWorktree } from './replay.js';
import { BASE_COMMIT_CONFIG_KEY, type WorktreeContext, type WorktreeRecord } from './types.js';

export async function rebaseAndFastForward(
  ctx: WorktreeContext,
  record: WorktreeRecord,
  base: string,
  onConflict: ConflictChoice,
): Promise<MergeOutcome> {
  const worktree = record.worktreePath;
  const status = await readyWorktree(ctx, record, 'rebase', 'rebasing');
  if ((await mergeBase(ctx, worktree, base, status.branch.oid!)) !== base) {
    const conflict = await mergeOrRebase(ctx, worktree, 'rebase', ['--no-autostash', base], onConflict);
    if (conflict) return conflict;
  }

  const rebased = (await ctx.git.run(worktree, ['rev-parse', 'HEAD'])).trim();
  if (rebased === base) return { kind: 'up-to-date' };
  // The rebased commits may touch a slightly different set of files; check the checkout again.
  await assertMainCheckoutReady(ctx, record, await filesTouched(ctx, record.repoPath, base, rebased));
  await ctx.git.run(record.repoPath, ['merge', '--ff-only', rebased]);
  // Only prune's hint, and the merge has happened: failing to write it must not report the merge as failed.
  await ctx.git
    .run(record.repoPath, ['config', '--local', `branch.${record.branch}.${BASE_COMMIT_CONFIG_KEY}`, base])
    .catch(() => undefined);
  return mergedOutcome(ctx, record, 'rebase', { ...record, baseCommit: base });
}
