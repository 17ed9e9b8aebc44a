/**
 * What `grove prune` finds and does, as data: worktrees and branches grove left behind, and the result of
 * clearing the ones the user picked. The engine's scan (src/server/worktrees/prune.ts) fills these in;
 * the command line and the TUI only read them, one line per leftover.
 */
import { branchOnly, describeLoss, mergedWords, type LossReport, type MergedBy } from './loss.js';
import type { WorktreeRecord } from './review.js';

/** What a leftover is judged against: its session's base, the one recorded at creation, or the main checkout's. */
export interface JudgedAgainst {
  readonly baseBranch: string;
  readonly baseCommit: string;
}

export interface OrphanWorktree {
  readonly path: string;
  readonly branch?: string;
  /** The lock reason, if locked. */
  readonly locked?: string;
  readonly sizeBytes: number;
  readonly loss: LossReport;
  readonly base: JudgedAgainst;
}

export interface MissingWorktree {
  readonly path: string;
  readonly branch?: string;
  /** Whether git still lists it (then pruning clears git's record of it). */
  readonly registered: boolean;
  readonly locked?: string;
  /** The session record pointing at it, if any. */
  readonly owner?: WorktreeRecord;
  /** What the branch holds (the files went with the folder). */
  readonly loss: LossReport;
  readonly base: JudgedAgainst;
}

export interface OrphanBranch {
  readonly branch: string;
  readonly loss: LossReport;
  readonly base: JudgedAgainst;
}

/** A worktree someone holds (lock-holder.ts): never offered for removal, only named. */
export interface HeldWorktree {
  readonly path: string;
  readonly branch?: string;
  /** Who, as a phrase after "held by". */
  readonly holder: string;
}

/**
 * A session of this server whose branch is merged into its base (by any of loss.ts's measures) and whose
 * worktree holds nothing else: its work is done, so prune offers to end it and remove its worktree.
 */
export interface MergedSession {
  readonly id: string;
  readonly name: string;
  readonly path: string;
  readonly branch: string;
  readonly base: string;
  readonly mergedBy: MergedBy;
}

/** The checkpoints of a workspace session that has ended, kept past their age (`checkpoints.keepDays`). */
export interface StaleCheckpoints {
  /** Whose they are (core/checkpoints/checkpoint.ts ownerOf). */
  readonly owner: string;
  readonly session: string;
  readonly count: number;
  /** When the newest of them was recorded. */
  readonly ended: number;
}

export interface PruneScan {
  readonly repoPath: string;
  readonly root: string;
  readonly worktrees: readonly OrphanWorktree[];
  readonly missing: readonly MissingWorktree[];
  readonly branches: readonly OrphanBranch[];
  /** Worktrees in grove's root that another server's session, or someone's lock, holds: reported only. */
  readonly held: readonly HeldWorktree[];
  /** Folders in the root that are not git worktrees: reported only. */
  readonly strays: readonly string[];
  /** Sessions whose work is merged (the review service adds them; the engine's scan has none). */
  readonly merged: readonly MergedSession[];
  /** Checkpoints of ended workspace sessions past their age (the checkpoint service adds them). */
  readonly checkpoints: readonly StaleCheckpoints[];
}

export interface PruneChoices {
  /** Orphan worktrees to remove (by path as scanned). Branch rules as for grove rm. */
  readonly worktrees?: readonly {
    readonly path: string;
    readonly confirmedLoss?: boolean;
    readonly deleteBranch?: boolean;
  }[];
  /** Gone worktrees to forget (git's record, and optionally the branch). */
  readonly missing?: readonly {
    readonly path: string;
    readonly confirmedLoss?: boolean;
    readonly deleteBranch?: boolean;
  }[];
  /** Orphan branches to delete; commits not in the base need confirmedLoss. */
  readonly branches?: readonly { readonly branch: string; readonly confirmedLoss?: boolean }[];
  /** Merged sessions to end, their worktrees removed (and the branches grove created). */
  readonly sessions?: readonly { readonly id: string }[];
  /** Ended sessions whose checkpoints go, by owner. */
  readonly checkpoints?: readonly { readonly owner: string }[];
}

export type PruneItemResult =
  | { readonly target: string; readonly done: true; readonly detail: string }
  | { readonly target: string; readonly done: false; readonly reason: string };

/** One line per leftover, for a confirmation prompt. */
export function describeScan(scan: PruneScan): string[] {
  return [
    ...scan.worktrees.map(
      (w) =>
        `worktree ${w.path} (${w.branch ?? 'detached'}, ${formatBytes(w.sizeBytes)}): would lose ${describeLoss(w.loss)}`,
    ),
    ...scan.missing.map(
      (m) =>
        `gone ${m.path} (${m.branch ?? 'detached'}): branch holds ${describeLoss(branchOnly(m.loss))}`,
    ),
    ...scan.branches.map((b) => `branch ${b.branch}: would lose ${describeLoss(b.loss)}`),
    ...scan.merged.map((m) => `session ${m.name} (${m.branch}): done, ${mergedWords(m.mergedBy, m.base)}; ends it and removes its worktree`),
    ...scan.checkpoints.map((c) => `checkpoints of ${c.session}, ended (${c.count}, the last on ${new Date(c.ended).toISOString().slice(0, 10)}): deletes them`),
    ...leftAlone(scan),
  ];
}

/** What prune will not touch, one line each: worktrees someone holds, and folders git does not know. */
export function leftAlone(scan: PruneScan): string[] {
  return [
    ...scan.held.map((h) => `in use, left alone: ${h.path} (${h.branch ?? 'detached'}), held by ${h.holder}`),
    ...scan.strays.map((s) => `not a worktree, left alone: ${s}`),
  ];
}

/** "512 B", "1.5 KB", "2.0 GB". */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
