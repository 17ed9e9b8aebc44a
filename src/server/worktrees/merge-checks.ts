/**
 * May grove merge into the main checkout right now?
 *
 * A merge writes into the user's own checkout, so it is refused, with the reason, unless: the checkout is
 * on the base branch; it is not in the middle of a merge, rebase, cherry-pick or revert; nothing is staged
 * (the merge would commit it); and no file the merge touches has uncommitted changes or sits there
 * untracked or ignored (git would overwrite an ignored file without a word). Unrelated uncommitted work is fine — the merge leaves it alone, and so does an abort.
 */
import { pathsUnder } from '../../core/git/paths.js';
import { listForMessage, WorktreeRefusal } from '../../core/git/refusal.js';
import { conflictedPaths, dirtyPaths, stagedPaths } from '../../core/git/status.js';
import { assertNoOperationInProgress, ignoredEntries, readStatus } from './repository.js';
import type { WorktreeContext, WorktreeRecord } from './types.js';

export async function assertMainCheckoutReady(
  ctx: WorktreeContext,
  record: WorktreeRecord,
  touched: readonly string[],
): Promise<void> {
  const where = `the main checkout (${record.repoPath})`;
  // First: mid-rebase the checkout is detached, and "finish the rebase" is the useful thing to say.
  await assertNoOperationInProgress(ctx, record.repoPath, where);
  const status = await readStatus(ctx, record.repoPath);
  if (status.branch.head !== record.baseBranch) {
    const on = status.branch.head ? `on ${status.branch.head}` : 'on a detached HEAD';
    throw new WorktreeRefusal(
      'wrong-branch',
      `${where} is ${on}, not ${record.baseBranch}; switch to ${record.baseBranch} to merge`,
    );
  }
  const conflicted = conflictedPaths(status);
  if (conflicted.length) {
    throw new WorktreeRefusal(
      'operation-in-progress',
      `${where} has unresolved conflicts in ${listForMessage(conflicted)}; resolve or reset them first`,
    );
  }
  const staged = stagedPaths(status);
  if (staged.length) {
    throw new WorktreeRefusal(
      'staged-changes',
      `${where} has staged changes (${listForMessage(staged)}); commit or unstage them first`,
    );
  }
  const touchedSet = new Set(touched);
  const overlap = [...new Set(dirtyPaths(status).filter((p) => touchedSet.has(p)))];
  if (overlap.length) {
    throw new WorktreeRefusal(
      'dirty-files',
      `${where} has uncommitted changes in ${listForMessage(overlap)}, which the merge changes; commit or stash them first`,
    );
  }
  const ignored = pathsUnder(touched, await ignoredEntries(ctx, record.repoPath));
  if (ignored.length) {
    throw new WorktreeRefusal(
      'dirty-files',
      `${where} has ignored files the merge would replace: ${listForMessage(ignored)}; move them aside first`,
    );
  }
}

/** Files that differ between two commits, both ends of renames included. */
export async function filesTouched(ctx: WorktreeContext, cwd: string, from: string, to: string): Promise<string[]> {
  const output = await ctx.git.run(cwd, ['diff', '--name-only', '-z', '--no-renames', '--no-ext-diff', from, to, '--']);
  return output.split('\0').filter(Boolean);
}
