/**
 * The worktree engine's public surface. Everything else in this folder is an implementation detail.
 */
export { WorktreeEngine } from './engine.js';
export type { GitPort, GitResult, GitRunOptions, WorktreeFiles } from './ports.js';
export type { WorktreeConfig, WorktreeContext, WorktreeRecord } from './types.js';
export type { CreatedWorktree, CreateWorktreeRequest } from './create.js';
export type { DiffTarget, SessionDiff } from './diff.js';
export type { MergePreview } from './merge-preview.js';
export type { ConflictChoice, MergeMode, MergeOptions, MergeOutcome } from './merge-outcome.js';
export type { RemoveOptions, RemoveOutcome } from './remove.js';
export type { BranchFate } from './branch-delete.js';
export type { JudgedAgainst, MissingWorktree, OrphanBranch, OrphanWorktree, PruneScan } from './prune.js';
export { describeScan } from '../../core/git/prune-report.js';
export type { PruneChoices, PruneItemResult } from './prune-apply.js';
export type { CommitTurnOptions } from './commit.js';
export { WorktreeRefusal, type RefusalCode } from '../../core/git/refusal.js';
export type { FileChange, FileChangeStatus } from '../../core/git/diff-output.js';
export {
  describeLoss,
  losesCommits,
  losesWorktreeWork,
  type CommitSummary,
  type LossReport,
  type MergedBy,
} from '../../core/git/loss.js';
