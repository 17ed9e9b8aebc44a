/**
 * Sync: a worktree session's branch brought up to date with its base, which moved on (another session
 * was merged), in the session's own worktree — never the user's checkout. The base is merged in, or the
 * branch's commits are replayed on it (rebase). The preview says first what comes in and whether it would
 * conflict (merge-tree, touching nothing); a conflict is aborted back to exactly the state before unless
 * the user asked to leave it in the worktree to resolve. Either way the branch then starts from the base's
 * tip: that is its record's new base commit (and the branch config's, where prune looks).
 */
import { COMMIT_LINE_FORMAT, parseCommitLines } from '../../core/git/log.js';
import { parseMergeTree } from '../../core/git/merge-tree.js';
import { WorktreeRefusal } from '../../core/git/refusal.js';
import type { ConflictChoice, SyncMode, SyncOutcome, SyncPreview } from '../../core/git/review.js';
import { conflictedPaths } from '../../core/git/status.js';
import { baseTip, mergeBase } from './base.js';
import { mergeOrRebase, readyWorktree } from './replay.js';
import { operationInProgress, readStatus, resolveCommit } from './repository.js';
import { BASE_COMMIT_CONFIG_KEY, type WorktreeContext, type WorktreeRecord } from './types.js';

export async function previewSync(ctx: WorktreeContext, record: WorktreeRecord): Promise<SyncPreview> {
  const cwd = record.repoPath;
  const base = await baseTip(ctx, cwd, record);
  const branch = await resolveCommit(ctx, cwd, `refs/heads/${record.branch}`);
  if (!branch) throw new WorktreeRefusal('bad-ref', `branch ${record.branch} no longer exists`);
  const behind = parseCommitLines(await ctx.git.run(cwd, ['log', COMMIT_LINE_FORMAT, `${branch}..${base.commit}`, '--']));
  const tree = await ctx.git.exec(cwd, ['merge-tree', '--write-tree', '--name-only', '-z', '--messages', branch, base.commit], { okExitCodes: [0, 1] });
  const result = parseMergeTree(tree.stdout, tree.exitCode);
  return { baseBranch: record.baseBranch, behind, clean: result.clean, conflicts: result.conflicts };
}

/** Whether a merge or rebase is still under way in the worktree, and which files are conflicted there. */
export async function conflictState(ctx: WorktreeContext, record: WorktreeRecord): Promise<{ inProgress: boolean; files: string[] }> {
  const inProgress = (await operationInProgress(ctx, record.worktreePath)) !== undefined;
  return { inProgress, files: conflictedPaths(await readStatus(ctx, record.worktreePath)) };
}

export async function syncBranch(ctx: WorktreeContext, record: WorktreeRecord, mode: SyncMode, onConflict: ConflictChoice): Promise<SyncOutcome> {
  const worktree = record.worktreePath;
  const status = await readyWorktree(ctx, record, 'sync', 'syncing');
  const base = (await baseTip(ctx, record.repoPath, record)).commit;
  if ((await mergeBase(ctx, worktree, base, status.branch.oid!)) === base) return { kind: 'up-to-date' };
  const args = mode === 'merge' ? ['--no-edit', '--no-ff', base] : ['--no-autostash', base];
  const conflict = await mergeOrRebase(ctx, worktree, mode, args, onConflict);
  if (conflict) return conflict;
  // Only prune's hint: failing to write it must not report the sync as failed.
  await ctx.git.run(record.repoPath, ['config', '--local', `branch.${record.branch}.${BASE_COMMIT_CONFIG_KEY}`, base]).catch(() => undefined);
  return { kind: 'synced', mode, record: { ...record, baseCommit: base } };
}
