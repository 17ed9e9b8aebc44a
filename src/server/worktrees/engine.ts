/**
 * The worktree engine as one object: what the server, CLI and TUI call for `grove new --worktree`,
 * `grove diff`, `grove merge`, `grove rm` and `grove prune`.
 *
 * It only binds the ports and configuration to the operations, each of which lives in its own file and
 * can be called directly with a WorktreeContext. Every refusal is a WorktreeRefusal with a code and a
 * one-line message.
 */
import type { LossReport } from '../../core/git/loss.js';
import { commitTurn, ownCommitMessages, type CommitTurnOptions } from './commit.js';
import { createWorktree, type CreatedWorktree, type CreateWorktreeRequest } from './create.js';
import { diffSession, type DiffTarget, type SessionDiff } from './diff.js';
import { compareFile } from './compare-file.js';
import { handOffPlan } from './handoff.js';
import { pushBranch } from './push.js';
import type { ConflictChoice, PushOptions, PushOutcome, SyncMode, SyncOutcome, SyncPreview } from '../../core/git/review.js';
import { conflictState, previewSync, syncBranch } from './sync.js';
import { lockWorktree, unlockWorktree } from './lock.js';
import { assessRemoval } from './loss.js';
import { mergeSession } from './merge.js';
import type { MergeOptions, MergeOutcome } from './merge-outcome.js';
import { previewMerge, type MergePreview } from './merge-preview.js';
import type { GitPort, WorktreeFiles } from './ports.js';
import { applyPrune, type PruneChoices, type PruneItemResult } from './prune-apply.js';
import { scanForOrphans, type PruneScan } from './prune.js';
import { createdByGrove } from './repository.js';
import { removeWorktree, type RemoveOptions, type RemoveOutcome } from './remove.js';
import type { WorktreeConfig, WorktreeContext, WorktreeRecord } from './types.js';

export class WorktreeEngine {
  private readonly ctx: WorktreeContext;

  constructor(ports: { readonly git: GitPort; readonly files: WorktreeFiles }, config: WorktreeConfig = {}) {
    this.ctx = { git: ports.git, files: ports.files, config };
  }

  create(request: CreateWorktreeRequest): Promise<CreatedWorktree> {
    return createWorktree(this.ctx, request);
  }

  /** One file as two worktrees have it now, diffed (compare-file.ts). */
  compareFile(a: WorktreeRecord, b: WorktreeRecord, path: string): Promise<string> {
    return compareFile(this.ctx, a, b, path);
  }

  /** What syncing with the base would bring in (sync.ts). */
  previewSync(record: WorktreeRecord): Promise<SyncPreview> {
    return previewSync(this.ctx, record);
  }

  /** The branch brought up to date with its base, in its worktree (sync.ts). */
  sync(record: WorktreeRecord, mode: SyncMode, onConflict: ConflictChoice): Promise<SyncOutcome> {
    return syncBranch(this.ctx, record, mode, onConflict);
  }

  /** Whether a merge is still under way in the worktree, and its conflicted files (sync.ts). */
  conflictState(record: WorktreeRecord): Promise<{ inProgress: boolean; files: string[] }> {
    return conflictState(this.ctx, record);
  }

  /** Pushes the branch for review, upstream set (push.ts). */
  push(record: WorktreeRecord, options: PushOptions): Promise<PushOutcome> {
    return pushBranch(this.ctx, record, options);
  }

  /** Writes a plan into the worktree for its agent, ignored by git (handoff.ts). */
  handOffPlan(record: WorktreeRecord, plan: string): Promise<void> {
    return handOffPlan(this.ctx, record, plan);
  }

  diff(target: DiffTarget): Promise<SessionDiff> {
    return diffSession(this.ctx, target);
  }

  previewMerge(record: WorktreeRecord): Promise<MergePreview> {
    return previewMerge(this.ctx, record);
  }

  merge(record: WorktreeRecord, options: MergeOptions): Promise<MergeOutcome> {
    return mergeSession(this.ctx, record, options);
  }

  assessRemoval(record: WorktreeRecord): Promise<LossReport> {
    return assessRemoval(this.ctx, record);
  }

  /** Whether grove created the record's branch (only such a branch is ever deleted). */
  createdBranch(record: WorktreeRecord): Promise<boolean> {
    return createdByGrove(this.ctx, record.repoPath, record.branch);
  }

  remove(record: WorktreeRecord, options?: RemoveOptions): Promise<RemoveOutcome> {
    return removeWorktree(this.ctx, record, options);
  }

  scanForOrphans(repoPath: string, owned: readonly WorktreeRecord[]): Promise<PruneScan> {
    return scanForOrphans(this.ctx, repoPath, owned);
  }

  prune(repoPath: string, owned: readonly WorktreeRecord[], choices: PruneChoices): Promise<PruneItemResult[]> {
    return applyPrune(this.ctx, repoPath, owned, choices);
  }

  commitTurn(record: WorktreeRecord, message: string, options?: CommitTurnOptions): Promise<string | undefined> {
    return commitTurn(this.ctx, record, message, options);
  }

  /** The messages of the branch's own commits since its base, newest first (where its turn numbers are). */
  ownCommitMessages(record: WorktreeRecord): Promise<string[]> {
    return ownCommitMessages(this.ctx, record);
  }

  lock(record: WorktreeRecord, reason: string): Promise<void> {
    return lockWorktree(this.ctx, record, reason);
  }

  /** Returns the reason it was locked with, if it was. */
  unlock(record: WorktreeRecord): Promise<string | undefined> {
    return unlockWorktree(this.ctx, record);
  }
}
