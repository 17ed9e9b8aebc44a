/**
 * The review loop's data, as it crosses from the worktree engine (src/server/worktrees) to the server's
 * clients: what a worktree session is, what it changed, what a merge would do and did, and what removing
 * it cost. Plain data only, so the same records travel over the socket, into the state file and into the
 * TUI and the command line, none of which may import the engine itself.
 */
import type { FileChange } from './diff-output.js';
import type { CommitSummary, LossReport } from './loss.js';

/**
 * A worktree session's place in its repository. Paths are real paths (symlinks resolved), so comparing
 * them with what `git worktree list` reports is exact.
 */
export interface WorktreeRecord {
  /** The repository's main checkout. */
  readonly repoPath: string;
  /** The worktree's folder, inside grove's worktree root. */
  readonly worktreePath: string;
  /** The session's branch, short form ("grove/fix-login"). */
  readonly branch: string;
  /** What the branch came from and merges back into: a branch name, or the ref as given if it was none. */
  readonly baseBranch: string;
  /** The commit the branch started from. */
  readonly baseCommit: string;
}

/** How grove lays worktrees out in a repository (each field has a default in the engine). */
export interface WorktreeConfig {
  /** Folder for grove's worktrees: absolute, or relative to the main checkout. Default: "<checkout>.worktrees". */
  readonly root?: string;
  /** Prefix of session branches. Default "grove/". */
  readonly branchPrefix?: string;
  /** Globs of git-ignored files copied from the main checkout into each new worktree (see glob.ts). */
  readonly copyIgnored?: readonly string[];
}

export interface SessionDiff {
  /** The commit the files were compared with. */
  readonly base: string;
  /** Commits on the session's branch that its base does not have, newest first ([] for workspace sessions). */
  readonly commits: readonly CommitSummary[];
  /** Sorted by path. */
  readonly files: readonly FileChange[];
}

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
  /** Files in the main checkout that git ignores and the merge would replace: it is refused while they are there. */
  readonly replacesIgnored: readonly string[];
}

export type MergeMode = 'merge' | 'squash' | 'rebase';
export type ConflictChoice = 'leave' | 'abort';

export interface MergeOptions {
  readonly mode: MergeMode;
  /** What to do if the merge conflicts. */
  readonly onConflict: ConflictChoice;
  /** Commit message for merge and squash; a default names the branch. */
  readonly message?: string;
}

export type MergeOutcome =
  /** The base branch now has the work. `record` is updated for rebase (its new base commit). */
  | { readonly kind: 'merged'; readonly mode: MergeMode; readonly commit: string; readonly record: WorktreeRecord }
  /** Nothing to merge: the base already has the branch's changes. */
  | { readonly kind: 'up-to-date' }
  | ConflictOutcome;

/** How a merge or sync that conflicted ended. */
export type ConflictOutcome =
  /** Conflict left in place in `where` (the main checkout, or the worktree for rebase and sync). */
  | { readonly kind: 'conflict-left'; readonly where: string; readonly files: readonly string[] }
  /** Conflict found; everything is as it was before. */
  | { readonly kind: 'conflict-aborted'; readonly files: readonly string[] };

export interface RemoveOptions {
  /**
   * The user saw the loss report and accepted losing what it lists. Without it, grove refuses to remove a
   * worktree with uncommitted or untracked files, or to delete a branch with commits not in the base.
   */
  readonly confirmedLoss?: boolean;
  /** true: delete the branch too (commits not in the base need confirmedLoss). false: keep it.
   *  Default: delete it only if nothing would be lost and `git branch -d` agrees. */
  readonly deleteBranch?: boolean;
}

export type BranchFate = { readonly deleted: true } | { readonly deleted: false; readonly reason: string };

export interface RemoveOutcome {
  readonly loss: LossReport;
  /** False when the folder was already gone and only git's record of it was cleared. */
  readonly removedFolder: boolean;
  readonly branch: BranchFate;
  /** The other sessions that worked in the worktree and were ended with it, by name (the review service sets it). */
  readonly ended?: readonly string[];
}

/** `grove push`: where to, and whether to replace what is there (only as the user typed --force). */
export interface PushOptions {
  readonly remote?: string;
  readonly force?: boolean;
}

/** Where a branch was pushed: the remote, the branch, and the remote's URL (for a pull request's address). */
export interface PushOutcome {
  readonly remote: string;
  readonly branch: string;
  readonly url: string;
}

/** What syncing a worktree session's branch with its base would bring in, and whether it would conflict. */
export interface SyncPreview {
  readonly baseBranch: string;
  /** The base's commits the branch does not have, newest first ([]: up to date). */
  readonly behind: readonly CommitSummary[];
  readonly clean: boolean;
  readonly conflicts: readonly string[];
}

/** How a branch is brought up to date with its base: its base merged in, or its commits replayed on the base. */
export type SyncMode = 'merge' | 'rebase';

export interface SyncOptions {
  readonly mode: SyncMode;
  readonly onConflict: ConflictChoice;
  /** A conflict is left in the worktree and handed to the session's agent to resolve (core/review/hand-back.ts). */
  readonly handBack?: boolean;
}

export type SyncOutcome =
  /** The branch has its base's work; `record` starts from the base's tip now. */
  | { readonly kind: 'synced'; readonly mode: SyncMode; readonly record: WorktreeRecord }
  | { readonly kind: 'up-to-date' }
  | ConflictOutcome;
