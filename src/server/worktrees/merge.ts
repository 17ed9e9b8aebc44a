/**
 * Merging a session's branch into its base branch, in the main checkout: as a merge commit, as one
 * squashed commit, or by rebasing the branch in its worktree and fast-forwarding the base (rebase.ts).
 *
 * Preconditions are merge-checks.ts. On a real conflict the caller has already chosen: "leave" stops with
 * the conflict in place and reports the files; "abort" puts everything back exactly as it was.
 *   merge:  `git merge --no-ff`; abort is `git merge --abort`, which restores the checkout (it holds no
 *           uncommitted change to any file the merge touches — that was refused up front).
 *   squash: git cannot abort a conflicted `merge --squash` cleanly (there is no MERGE_HEAD), so grove
 *           merges in the object store first (`merge-tree`). Clean: `commit-tree` makes the squash commit
 *           and the checkout fast-forwards to it. Conflicted: "abort" never touched anything; "leave" runs
 *           `git merge --squash` so the conflict is there to resolve. (Commit hooks do not run for a
 *           commit made with commit-tree.)
 */
import { gitReason, WorktreeRefusal } from '../../core/git/refusal.js';
import { conflictedPaths } from '../../core/git/status.js';
import { baseTip, mergeBase } from './base.js';
import { assertMainCheckoutReady, filesTouched } from './merge-checks.js';
import { previewMerge } from './merge-preview.js';
import { mergedOutcome, type MergeOptions, type MergeOutcome } from './merge-outcome.js';
import { rebaseAndFastForward } from './rebase.js';
import { readStatus, resolveCommit } from './repository.js';
import type { WorktreeContext, WorktreeRecord } from './types.js';

export async function mergeSession(
  ctx: WorktreeContext,
  record: WorktreeRecord,
  options: MergeOptions,
): Promise<MergeOutcome> {
  const cwd = record.repoPath;
  const base = await baseTip(ctx, cwd, record);
  if (!base.isBranch) {
    throw new WorktreeRefusal(
      'base-not-a-branch',
      `base ${record.baseBranch} is not a local branch; there is nothing to merge into`,
    );
  }
  const branch = await resolveCommit(ctx, cwd, `refs/heads/${record.branch}`);
  if (!branch) throw new WorktreeRefusal('bad-ref', `branch ${record.branch} no longer exists`);
  const fork = await mergeBase(ctx, cwd, base.commit, branch);
  if (fork === branch) return { kind: 'up-to-date' };
  await assertMainCheckoutReady(ctx, record, await filesTouched(ctx, cwd, fork ?? base.commit, branch));

  if (options.mode === 'rebase') return rebaseAndFastForward(ctx, record, base.commit, options.onConflict);
  if (options.mode === 'squash') return squash(ctx, record, branch, options);
  return mergeCommit(ctx, record, branch, options);
}

async function mergeCommit(
  ctx: WorktreeContext,
  record: WorktreeRecord,
  branch: string,
  options: MergeOptions,
): Promise<MergeOutcome> {
  const cwd = record.repoPath;
  const message = options.message ?? `Merge branch '${record.branch}'`;
  const result = await ctx.git.exec(cwd, ['merge', '--no-ff', '--no-edit', `--message=${message}`, branch], {
    okExitCodes: [0, 1, 2],
  });
  if (result.exitCode === 0) return mergedOutcome(ctx, record, 'merge');
  const files = conflictedPaths(await readStatus(ctx, cwd));
  if (files.length === 0)
    throw new WorktreeRefusal('git-failed', `git merge: ${gitReason(result.stderr || result.stdout) ?? 'failed'}`);
  if (options.onConflict === 'leave') return { kind: 'conflict-left', where: cwd, files };
  await ctx.git.run(cwd, ['merge', '--abort']);
  return { kind: 'conflict-aborted', files };
}

async function squash(
  ctx: WorktreeContext,
  record: WorktreeRecord,
  branch: string,
  options: MergeOptions,
): Promise<MergeOutcome> {
  const cwd = record.repoPath;
  const preview = await previewMerge(ctx, record);
  if (!preview.clean) {
    if (options.onConflict === 'abort') return { kind: 'conflict-aborted', files: preview.conflicts };
    await ctx.git.exec(cwd, ['merge', '--squash', branch], { okExitCodes: [0, 1, 2] });
    const files = conflictedPaths(await readStatus(ctx, cwd));
    return { kind: 'conflict-left', where: cwd, files: files.length ? files : preview.conflicts };
  }
  const baseTree = (await ctx.git.run(cwd, ['rev-parse', `${preview.baseCommit}^{tree}`])).trim();
  if (preview.tree === baseTree) return { kind: 'up-to-date' };
  const message =
    options.message ??
    squashMessage(
      record.branch,
      preview.commits.map((c) => c.subject),
    );
  const commit = (
    await ctx.git.run(cwd, ['commit-tree', preview.tree, '-p', preview.baseCommit, '-m', message])
  ).trim();
  await ctx.git.run(cwd, ['merge', '--ff-only', commit]);
  return mergedOutcome(ctx, record, 'squash');
}

/** One commit keeps its subject; several get a title naming the branch and their subjects, oldest first. */
function squashMessage(branch: string, subjects: readonly string[]): string {
  if (subjects.length === 1) return subjects[0]!;
  const oldestFirst = [...subjects].reverse();
  return `Squashed ${branch} (${subjects.length} commits)\n\n${oldestFirst.map((s) => `* ${s}`).join('\n')}`;
}
