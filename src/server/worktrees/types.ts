/**
 * The worktree engine's data: what a worktree session is, and how grove lays worktrees out.
 *
 * A WorktreeRecord is plain data the session store keeps next to the SessionInfo; every engine operation
 * takes one. Paths in it are real paths (symlinks resolved), so comparing them with what
 * `git worktree list` reports is exact.
 */
import type { GitPort, WorktreeFiles } from './ports.js';

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

export interface WorktreeConfig {
  /** Folder for grove's worktrees: absolute, or relative to the main checkout. Default: "<checkout>.worktrees". */
  readonly root?: string;
  /** Prefix of session branches. Default "grove/". */
  readonly branchPrefix?: string;
  /** Globs of git-ignored files copied from the main checkout into each new worktree (see core/git/glob.ts). */
  readonly copyIgnored?: readonly string[];
}

export const DEFAULT_BRANCH_PREFIX = 'grove/';
export const DEFAULT_COPY_IGNORED: readonly string[] = ['.env', '.env.*'];

/** What every engine operation runs with. */
export interface WorktreeContext {
  readonly git: GitPort;
  readonly files: WorktreeFiles;
  readonly config: WorktreeConfig;
}

/** Prefix of the lock reasons grove writes; a lock with another reason was put there by someone else. */
export const GROVE_LOCK_PREFIX = 'grove';

/** Per-branch git config keys where grove remembers a branch's base, for worktrees no session owns. */
export const BASE_CONFIG_KEY = 'grovebase';
export const BASE_COMMIT_CONFIG_KEY = 'grovebasecommit';
