/**
 * A prune scan as a numbered list of things the user can choose to remove, each with a one-line summary,
 * what it holds, and whether removing it loses work (then it needs an explicit confirmation of the loss).
 * Stray folders are not items: grove never deletes a folder git does not know.
 */
import { branchOnly, losesCommits, type LossReport } from '../git/loss.js';
import { describeScan, type PruneChoices, type PruneScan } from '../git/prune-report.js';
import { losesAnything, lossLines } from './summaries.js';

export interface PruneItem {
  readonly kind: 'worktree' | 'missing' | 'branch' | 'session' | 'checkpoints';
  /** The worktree's path, the branch's name, the merged session's id, or the checkpoints' owner. */
  readonly target: string;
  readonly summary: string;
  /** What it holds, line by line. */
  readonly details: readonly string[];
  /** Removing it loses uncommitted files or commits: only with the loss confirmed. */
  readonly losesWork: boolean;
}

export function pruneItems(scan: PruneScan): PruneItem[] {
  const summaries = describeScan(scan);
  const details = (loss: LossReport) => lossLines(loss, 3);
  const items: Omit<PruneItem, 'summary'>[] = [
    ...scan.worktrees.map((w) => ({ kind: 'worktree' as const, target: w.path, details: details(w.loss), losesWork: losesAnything(w.loss) })),
    // The files of a gone worktree went with its folder; only its branch's commits are left to lose.
    ...scan.missing.map((m) => ({ kind: 'missing' as const, target: m.path, details: details(branchOnly(m.loss)), losesWork: losesCommits(m.loss) })),
    ...scan.branches.map((b) => ({ kind: 'branch' as const, target: b.branch, details: details(b.loss), losesWork: losesCommits(b.loss) })),
    // Merged and holding nothing else (the service checks again before it removes): nothing to lose.
    ...scan.merged.map((m) => ({ kind: 'session' as const, target: m.id, details: [m.path], losesWork: false })),
    // A workspace session's safety net, kept past its age after the session ended: its files are in the checkout.
    ...scan.checkpoints.map((c) => ({ kind: 'checkpoints' as const, target: c.owner, details: [], losesWork: false })),
  ];
  return items.map((item, index) => ({ ...item, summary: summaries[index]! }));
}

/**
 * The engine's choices for the items picked. With the loss confirmed an item goes whole, branch and all;
 * without, a branch that still holds commits is kept (and a lossy worktree is refused by the engine).
 */
export function pruneChoices(items: readonly PruneItem[], confirmedLoss: boolean): PruneChoices {
  const folder = (item: PruneItem) => ({ path: item.target, ...(confirmedLoss ? { confirmedLoss: true, deleteBranch: true } : {}) });
  return {
    worktrees: items.filter((i) => i.kind === 'worktree').map(folder),
    missing: items.filter((i) => i.kind === 'missing').map(folder),
    branches: items.filter((i) => i.kind === 'branch').map((i) => ({ branch: i.target, ...(confirmedLoss ? { confirmedLoss: true } : {}) })),
    sessions: items.filter((i) => i.kind === 'session').map((i) => ({ id: i.target })),
    checkpoints: items.filter((i) => i.kind === 'checkpoints').map((i) => ({ owner: i.target })),
  };
}
