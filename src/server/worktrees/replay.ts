/**
 * What rebase mode and sync share: an operation that rewrites the session's branch where it is checked
 * out — its worktree — which must be there, on that branch, clean and not already mid-operation; and a
 * `git merge` or `git rebase` there whose conflict is left for the session to resolve, or aborted with
 * `--abort`, which restores the branch and the worktree exactly.
 */
import { gitReason, listForMessage, WorktreeRefusal } from '../../core/git/refusal.js';
import type { ConflictChoice, ConflictOutcome } from '../../core/git/review.js';
import { conflictedPaths, uncommittedPaths, type Status } from '../../core/git/status.js';
import { assertNoOperationInProgress, operationInProgress, readStatus } from './repository.js';
import type { WorktreeContext, WorktreeRecord } from './types.js';

/** The worktree's status once it is known ready for `action` ("rebase", "sync"); a refusal says why it is not. */
export async function readyWorktree(ctx: WorktreeContext, record: WorktreeRecord, action: string, doing: string): Promise<Status> {
  const worktree = record.worktreePath;
  if (!(await ctx.files.isDirectory(worktree))) {
    throw new WorktreeRefusal('not-a-worktree', `the worktree folder ${worktree} is gone; ${action} needs it`);
  }
  const where = `the worktree (${worktree})`;
  await assertNoOperationInProgress(ctx, worktree, where);
  const status = await readStatus(ctx, worktree);
  if (status.branch.head !== record.branch) {
    throw new WorktreeRefusal('wrong-branch', `${where} is not on ${record.branch}; check it out there to ${action}`);
  }
  const dirty = uncommittedPaths(status);
  if (dirty.length) {
    throw new WorktreeRefusal('dirty-files', `${where} has uncommitted changes in ${listForMessage(dirty)}; commit them before ${doing}`);
  }
  return status;
}

/** Runs `git merge|rebase ARGS…` in the worktree: undefined when it went through, else how its conflict ended. */
export async function mergeOrRebase(
  ctx: WorktreeContext,
  worktree: string,
  operation: 'merge' | 'rebase',
  args: readonly string[],
  onConflict: ConflictChoice,
): Promise<ConflictOutcome | undefined> {
  const result = await ctx.git.exec(worktree, [operation, ...args], { okExitCodes: [0, 1, 2] });
  if (result.exitCode === 0) return undefined;
  if (!(await operationInProgress(ctx, worktree))) {
    throw new WorktreeRefusal('git-failed', `git ${operation}: ${gitReason(result.stderr || result.stdout) ?? 'failed'}`);
  }
  const files = conflictedPaths(await readStatus(ctx, worktree));
  if (onConflict === 'leave') return { kind: 'conflict-left', where: worktree, files };
  await ctx.git.run(worktree, [operation, '--abort']);
  return { kind: 'conflict-aborted', files };
}
