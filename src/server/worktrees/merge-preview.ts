/**
 * Previewing a merge without touching any checkout: `git merge-tree --write-tree` merges in the object
 * store alone (git >= 2.38), so the preview is safe while the user and other sessions keep working.
 */
import { COMMIT_LINE_FORMAT, parseCommitLines } from '../../core/git/log.js';
import type { CommitSummary } from '../../core/git/loss.js';
import { parseMergeTree } from '../../core/git/merge-tree.js';
import { WorktreeRefusal } from '../../core/git/refusal.js';
import { baseTip } from './base.js';
import { resolveCommit } from './repository.js';
import type { WorktreeContext, WorktreeRecord } from './types.js';

export interface MergePreview {
  /** The base branch's current tip and the session branch's tip, as compared. */
  readonly baseCommit: string;
  readonly branchCommit: string;
  /** Commits the merge would bring in, newest first. */
  readonly commits: readonly CommitSummary[];
  /** True when there is nothing to merge: the base already has every commit. */
  readonly upToDate: boolean;
  readonly clean: boolean;
  readonly conflicts: readonly string[];
  /** git's explanations, one line each ("CONFLICT (content): Merge conflict in f.txt"). */
  readonly messages: readonly string[];
  /** The merged tree (conflict markers included when not clean). */
  readonly tree: string;
}

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
  return {
    baseCommit: base.commit,
    branchCommit: branch,
    commits,
    upToDate: commits.length === 0,
    clean: merged.clean,
    conflicts: merged.conflicts,
    messages: merged.messages,
    tree: merged.tree,
  };
}
