/**
 * Clearing the leftovers the user picked from a prune scan, one by one, under the rules of `grove rm`.
 *
 * The repository is scanned again first: only what is still a leftover is touched, so a session that
 * started in the meantime, or a worktree someone else locked, is safe. Each item succeeds or fails on its
 * own, with its reason; one refusal does not stop the rest.
 */
import { WorktreeRefusal } from '../../core/git/refusal.js';
import type { PruneChoices, PruneItemResult } from '../../core/git/prune-report.js';
import type { BranchFate } from '../../core/git/review.js';
import { assertBranchDeletionAllowed, deleteBranch } from './branch-delete.js';
import { assertNotHeld, scanForOrphans } from './prune.js';
import { removeWorktree } from './remove.js';
import type { WorktreeContext, WorktreeRecord } from './types.js';

export type { PruneChoices, PruneItemResult } from '../../core/git/prune-report.js';

export async function applyPrune(
  ctx: WorktreeContext,
  repoPath: string,
  owned: readonly WorktreeRecord[],
  choices: PruneChoices,
): Promise<PruneItemResult[]> {
  const scan = await scanForOrphans(ctx, repoPath, owned);
  const results: PruneItemResult[] = [];
  const attempt = async (target: string, act: () => Promise<string>) => {
    try {
      results.push({ target, done: true, detail: await act() });
    } catch (error) {
      if (!(error instanceof WorktreeRefusal)) throw error;
      results.push({ target, done: false, reason: error.message });
    }
  };

  for (const choice of choices.worktrees ?? []) {
    await attempt(choice.path, async () => {
      assertNotHeld(scan, choice.path);
      const found = scan.worktrees.find((w) => w.path === choice.path);
      if (!found) throw new WorktreeRefusal('not-a-worktree', `${choice.path} is no longer an orphan worktree`);
      const target = { repoPath: scan.repoPath, worktreePath: found.path, branch: found.branch, ...found.base };
      const outcome = await removeWorktree(ctx, target, choice);
      return `removed${branchNote(found.branch, outcome.branch)}`;
    });
  }
  for (const choice of choices.missing ?? []) {
    await attempt(choice.path, async () => {
      assertNotHeld(scan, choice.path);
      const found = scan.missing.find((m) => m.path === choice.path);
      if (!found) throw new WorktreeRefusal('not-a-worktree', `${choice.path} is not a gone worktree`);
      const target = { repoPath: scan.repoPath, worktreePath: found.path, branch: found.branch, ...found.base };
      const outcome = await removeWorktree(ctx, target, choice);
      return `forgotten${branchNote(found.branch, outcome.branch)}`;
    });
  }
  for (const choice of choices.branches ?? []) {
    await attempt(choice.branch, async () => {
      const found = scan.branches.find((b) => b.branch === choice.branch);
      if (!found) throw new WorktreeRefusal('bad-ref', `${choice.branch} is no longer an orphan grove branch`);
      const deletion = { requested: true, confirmedLoss: choice.confirmedLoss };
      assertBranchDeletionAllowed(found.branch, found.loss, deletion);
      await deleteBranch(ctx, scan.repoPath, found.branch, found.loss, deletion);
      return 'deleted';
    });
  }
  return results;
}

/** " with branch grove/x", or "; branch grove/x kept: …". */
function branchNote(branch: string | undefined, fate: BranchFate): string {
  if (!branch) return '';
  return fate.deleted ? ` with branch ${branch}` : `; branch ${branch} ${fate.reason}`;
}
