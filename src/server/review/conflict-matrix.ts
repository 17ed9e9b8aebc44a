/**
 * The conflict matrix: for each pair of worktree sessions of a repository, and for each against its
 * base, whether merging would conflict and in which files — computed with `git merge-tree --write-tree`,
 * which merges in the object store and touches no checkout — and a merge order that avoids conflicts
 * where one exists (core/review/merge-order.ts), simulated with throwaway commits that no ref points to.
 */
import { parseMergeTree } from '../../core/git/merge-tree.js';
import { suggestMergeOrder, type MergeOrder } from '../../core/review/merge-order.js';
import type { GitPort, WorktreeRecord } from '../worktrees/index.js';

export interface Collision {
  /** Session ids, or 'base' for the session's base branch. */
  readonly a: string;
  readonly b: string;
  readonly conflicts: readonly string[];
}

export interface ConflictMatrix {
  /** Every pair, clean ones included (empty conflicts). */
  readonly pairs: readonly Collision[];
  readonly order: MergeOrder;
}

export interface MatrixEntry {
  readonly id: string;
  readonly record: WorktreeRecord;
}

async function mergeTree(git: GitPort, cwd: string, ours: string, theirs: string): Promise<{ clean: boolean; tree: string; conflicts: readonly string[] }> {
  const result = await git.exec(cwd, ['merge-tree', '--write-tree', '--name-only', '-z', ours, theirs], { okExitCodes: [0, 1] });
  return parseMergeTree(result.stdout, result.exitCode);
}

/**
 * The matrix for the worktree sessions of ONE repository: each against its own base branch, and each pair.
 * The merge order is simulated on the first session's base branch (sessions usually share one).
 */
export async function conflictMatrix(git: GitPort, entries: readonly MatrixEntry[]): Promise<ConflictMatrix> {
  if (entries.length === 0) return { pairs: [], order: { order: [], complete: true, stuck: [] } };
  const repo = entries[0]!.record.repoPath;
  const base = entries[0]!.record.baseBranch;
  const pairs: Collision[] = [];
  for (const entry of entries) {
    const result = await mergeTree(git, repo, entry.record.baseBranch, entry.record.branch);
    pairs.push({ a: entry.id, b: 'base', conflicts: result.conflicts });
  }
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      const result = await mergeTree(git, repo, entries[i]!.record.branch, entries[j]!.record.branch);
      pairs.push({ a: entries[i]!.id, b: entries[j]!.id, conflicts: result.conflicts });
    }
  }
  const branchOf = new Map(entries.map((e) => [e.id, e.record.branch]));
  const baseTip = (await git.run(repo, ['rev-parse', '--verify', `${base}^{commit}`])).trim();
  const order = await suggestMergeOrder(entries.map((e) => e.id), baseTip, async (tip, id) => {
    const branch = branchOf.get(id)!;
    const result = await mergeTree(git, repo, tip, branch);
    if (!result.clean) return { clean: false };
    const message = `grove: simulated merge of ${branch}`;
    const commit = (await git.run(repo, ['commit-tree', result.tree, '-p', tip, '-p', branch, '-m', message])).trim();
    return { clean: true, tip: commit };
  });
  return { pairs, order };
}
