/**
 * The conflict matrix: for each pair of worktree sessions of a repository, and for each against its
 * base, whether merging would conflict and in which files — computed with `git merge-tree --write-tree`,
 * which merges in the object store and touches no checkout — and a merge order that avoids conflicts
 * where one exists (core/review/merge-order.ts), simulated with throwaway commits that no ref points to.
 * A session whose branch has nothing left to merge (its base already holds all it changed) is in no
 * conflict: its branch may still clash with another's, but that clash was resolved when it was merged.
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
  const open: MatrixEntry[] = [];
  // Sessions mostly share one base: its tree is read once.
  const baseTrees = new Map<string, string>();
  const treeOf = async (branch: string): Promise<string> => {
    const known = baseTrees.get(branch);
    if (known !== undefined) return known;
    const tree = (await git.run(repo, ['rev-parse', '--verify', `${branch}^{tree}`])).trim();
    baseTrees.set(branch, tree);
    return tree;
  };
  for (const entry of entries) {
    const result = await mergeTree(git, repo, entry.record.baseBranch, entry.record.branch);
    if (result.clean && result.tree === (await treeOf(entry.record.baseBranch))) continue;
    pairs.push({ a: entry.id, b: 'base', conflicts: result.conflicts });
    open.push(entry);
  }
  for (let i = 0; i < open.length; i++) {
    for (let j = i + 1; j < open.length; j++) {
      const result = await mergeTree(git, repo, open[i]!.record.branch, open[j]!.record.branch);
      pairs.push({ a: open[i]!.id, b: open[j]!.id, conflicts: result.conflicts });
    }
  }
  const branchOf = new Map(entries.map((e) => [e.id, e.record.branch]));
  const baseTip = (await git.run(repo, ['rev-parse', '--verify', `${base}^{commit}`])).trim();
  const order = await suggestMergeOrder(open.map((e) => e.id), baseTip, async (tip, id) => {
    const branch = branchOf.get(id)!;
    const result = await mergeTree(git, repo, tip, branch);
    if (!result.clean) return { clean: false };
    const message = `grove: simulated merge of ${branch}`;
    const commit = (await git.run(repo, ['commit-tree', result.tree, '-p', tip, '-p', branch, '-m', message])).trim();
    return { clean: true, tip: commit };
  });
  return { pairs, order };
}
