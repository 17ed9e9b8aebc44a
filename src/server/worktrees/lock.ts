/**
 * Worktree locks: while a session lives, its worktree is locked (`git worktree lock --reason`), so neither
 * `git worktree prune` nor a careless `git worktree remove` can take it away under the running program.
 * grove's reasons name the session and the server's pid (core/git/lock-holder.ts, which also says who holds
 * a locked worktree).
 */
import { cleanLockReason } from '../../core/git/names.js';
import { WorktreeRefusal } from '../../core/git/refusal.js';
import { findWorktree, listWorktrees } from './repository.js';
import type { WorktreeContext, WorktreeRecord } from './types.js';

/** Locks the record's worktree (no-op if already locked). */
export async function lockWorktree(ctx: WorktreeContext, record: WorktreeRecord, reason: string): Promise<void> {
  const entry = await registeredEntry(ctx, record);
  if (entry.locked !== undefined) return;
  await ctx.git.run(record.repoPath, ['worktree', 'lock', '--reason', cleanLockReason(reason), '--', entry.path]);
}

/** Unlocks the record's worktree (no-op if not locked). Returns the reason it was locked with, if it was. */
export async function unlockWorktree(ctx: WorktreeContext, record: WorktreeRecord): Promise<string | undefined> {
  const entry = await registeredEntry(ctx, record);
  return unlockPath(ctx, record.repoPath, entry.path, entry.locked);
}

export async function unlockPath(
  ctx: WorktreeContext,
  repoPath: string,
  path: string,
  locked: string | undefined,
): Promise<string | undefined> {
  if (locked === undefined) return undefined;
  await ctx.git.run(repoPath, ['worktree', 'unlock', '--', path]);
  return locked;
}

async function registeredEntry(ctx: WorktreeContext, record: WorktreeRecord) {
  const entry = await findWorktree(ctx, await listWorktrees(ctx, record.repoPath), record.worktreePath);
  if (!entry || entry.isMain) {
    throw new WorktreeRefusal('not-a-worktree', `${record.worktreePath} is not one of this repository's worktrees`);
  }
  return entry;
}
