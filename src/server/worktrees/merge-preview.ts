/**
 * Previewing a merge without touching any checkout: `git merge-tree --write-tree` merges in the object
 * store alone (git >= 2.38), so the preview is safe while the user and other sessions keep working. It
 * also names the main checkout's ignored files the merge would replace (git overwrites those silently).
 */
import { COMMIT_LINE_FORMAT, parseCommitLines } from '../../core/git/log.js';
import { parseMergeTree } from '../../core/git/merge-tree.js';
import { pathsUnder } from '../../core/git/paths.js';
import { WorktreeRefusal } from '../../core/git/refusal.js';
import type { MergePreview } from '../../core/git/review.js';
import { baseTip } from './base.js';
import { filesTouched } from './merge-checks.js';
import { ignoredEntries, resolveCommit } from './repository.js';
import type { WorktreeContext, WorktreeRecord } from './types.js';

export type { MergePreview } from '../../core/git/review.js';

export async function previewMerge(ctx: WorktreeContext, record: WorktreeRecord): Promise<MergePreview> {
  const cwd = record.repoPath;
  const base = await baseTip(ctx, cwd, record);
  const branch = await resolveCommit(ctx, cwd, `refs/heads/${record.branch}`);
  if (!branch) throw new WorktreeRefusal('bad-ref', `branch ${record.branch} no longer exists`);
  const commits = parseCommitLines(
    await ctx.git.run(cwd, ['log', COMMIT_LINE_FORMAT, `${base.commit}..${branch}`, '--']),
  );
  const result = await ctx.git.exec(
    cwd,
    ['merge-tree', '--write-tree', '--name-only', '-z', '--messages', base.commit, branch],
    {
      okExitCodes: [0, 1],
    },
  );
  const merged = parseMergeTree(result.stdout, result.exitCode);
  const touched = await filesTouched(ctx, cwd, base.commit, merged.tree);
  return {
    baseCommit: base.commit,
    branchCommit: branch,
    commits,
    upToDate: commits.length === 0,
    clean: merged.clean,
    conflicts: merged.conflicts,
    messages: merged.messages,
    tree: merged.tree,
    replacesIgnored: pathsUnder(touched, await ignoredEntries(ctx, cwd)),
  };
}
