/**
 * The review loop as a client reaches it: what a session changed, merging it back, removing its worktree,
 * clearing leftovers, committing a turn by hand. The server implements it over the worktree engine
 * (src/server/review/review-service.ts); clients speak it over the socket (src/client/review/remote-review.ts).
 *
 * Sessions are named as every request names them (id, name or index). Each method rejects with one
 * line a person can read: a refusal from the engine says what stopped it and what to do instead.
 */
import type { FileStat } from '../git/diff-output.js';
import type { CommentChange, ReviewComment } from './feedback.js';
import type { LossReport, MergedBy } from '../git/loss.js';
import type { CheckResult } from '../session/session.js';
import type { PruneChoices, PruneItemResult, PruneScan } from '../git/prune-report.js';
import type { MergeOptions, MergeOutcome, MergePreview, PushOptions, PushOutcome, RemoveOptions, RemoveOutcome, SessionDiff, SyncOptions, SyncOutcome, SyncPreview } from '../git/review.js';

/** What `merge` would do, for the user to confirm. */
export interface MergeReview {
  readonly session: string;
  readonly branch: string;
  readonly baseBranch: string;
  readonly preview: MergePreview;
  /** What the session changed, file by file (committed, uncommitted and untracked). */
  readonly files: readonly FileStat[];
  /** Files in the worktree that are not committed on the branch yet (uncommitted or untracked). */
  readonly uncommitted: readonly string[];
  /** Whether merging commits them first, as the end of a turn (commit per turn is on); else they stay out. */
  readonly commitsFirst: boolean;
}

/** What a cleanup the configuration asked for (`cleanupAfterMerge`) did, or why it could not. */
export type Cleanup = { readonly removed: RemoveOutcome } | { readonly error: string };

export interface MergeResult {
  readonly outcome: MergeOutcome;
  /** The turn commit made of the worktree's pending changes just before merging, if there were any. */
  readonly committed?: string;
  /** Set when configuration asks for cleanup after a merge. */
  readonly cleanup?: Cleanup;
}

/**
 * A sync, and whether the session's work turned out to be in its base already (its pull request merged
 * upstream, say): then it is done, and removed when configuration asks for cleanup after a merge.
 */
export type SyncResult = SyncOutcome & {
  readonly done?: MergedBy;
  readonly cleanup?: Cleanup;
};

/** Another session whose folder is the worktree or inside it: removing the worktree ends it too. */
export interface Occupant {
  readonly id: string;
  readonly name: string;
}

/** What removing a worktree session would lose, and which other sessions it would end. */
export interface RemovalReport extends LossReport {
  readonly alsoEnds: readonly Occupant[];
  /** Whether grove created the session's branch: a branch it did not create is never deleted. */
  readonly branchCreated: boolean;
}

export interface SessionRemoveOptions extends RemoveOptions {
  /**
   * The ids of the occupants the person was shown (RemovalReport.alsoEnds). The removal ends those and
   * refuses if any other session works in the worktree, since nobody was told it would end.
   */
  readonly alsoEnd?: readonly string[];
}

export interface TurnCommit {
  /** The new commit; absent when there was nothing to commit. */
  readonly commit?: string;
  /** The turn the commit is numbered as (absent when nothing was committed). */
  readonly turn?: number;
}

export interface ReviewPort {
  /** Everything the session changed against its base; a workspace session: its checkout's uncommitted changes. */
  diff(session: string): Promise<SessionDiff>;
  /** What merging would bring and whether it would conflict, touching no checkout. */
  previewMerge(session: string): Promise<MergeReview>;
  merge(session: string, options: MergeOptions): Promise<MergeResult>;
  /** What removing the session's worktree (and branch) would lose, and which other sessions it would end. */
  removalReport(session: string): Promise<RemovalReport>;
  /**
   * Ends the session and the other sessions working in its worktree, then removes the worktree and, when
   * nothing is lost or it was asked to, its branch.
   */
  remove(session: string, options: SessionRemoveOptions): Promise<RemoveOutcome>;
  /** The leftovers in the repository holding `folder`: worktrees, gone worktrees and branches no session owns. */
  pruneScan(folder: string): Promise<PruneScan>;
  prune(folder: string, choices: PruneChoices): Promise<PruneItemResult[]>;
  /** Commits the worktree's changes now, as the end of a turn. */
  commitTurn(session: string): Promise<TurnCommit>;
  /** One file as two worktree sessions have it now, as a unified diff from `a`'s to `b`'s ('' when alike). */
  compareFile(a: string, b: string, path: string): Promise<string>;
  /** Runs the repository's check command (`npm test`) in the worktree session's worktree; its result is kept on the session. */
  check(session: string): Promise<CheckResult>;
  /** Pushes the worktree session's branch for review (its pending work committed first when commits per turn are on). */
  push(session: string, options: PushOptions): Promise<PushOutcome>;
  /** What bringing the session's branch up to date with its base would bring in, and whether it would conflict. */
  previewSync(session: string): Promise<SyncPreview>;
  sync(session: string, options: SyncOptions): Promise<SyncResult>;
  /** Adds a review comment to the session, or drops some; answers its comments as they now are. */
  comment(session: string, change: CommentChange): Promise<ReviewComment[]>;
  /** Types the session's unsent comments to its agent as one prompt (feedback.ts), and marks them sent. */
  sendFeedback(session: string): Promise<{ sent: number }>;
}

/** How every refusal to make a worktree starts, so a client can offer workspace isolation instead. */
export const CANNOT_CREATE_WORKTREE = 'cannot create a worktree';
