/**
 * The worktree engine's data: what a worktree session is, and how grove lays worktrees out.
 *
 * A WorktreeRecord (src/core/git/review.ts) is plain data the session store keeps in the SessionInfo;
 * every engine operation takes one. Paths in it are real paths (symlinks resolved), so comparing them with
 * what `git worktree list` reports is exact.
 */
import { DEFAULT_CONFIG } from '../../core/config/config.js';
import type { WorktreeConfig } from '../../core/git/review.js';
import type { GitPort, WorktreeFiles } from './ports.js';

export type { WorktreeConfig, WorktreeRecord } from '../../core/git/review.js';

/** The configuration's defaults, for an engine made without settings (core/config/config.ts owns them). */
export const DEFAULT_BRANCH_PREFIX = DEFAULT_CONFIG.worktree.branchPrefix;
export const DEFAULT_COPY_IGNORED: readonly string[] = DEFAULT_CONFIG.worktree.copy;

/** What every engine operation runs with. */
export interface WorktreeContext {
  readonly git: GitPort;
  readonly files: WorktreeFiles;
  readonly config: WorktreeConfig;
}

/** Per-branch git config keys where grove remembers a branch's base, for worktrees no session owns. */
export const BASE_CONFIG_KEY = 'grovebase';
export const BASE_COMMIT_CONFIG_KEY = 'grovebasecommit';
/** Set on a branch grove created; a branch without it was the user's, and grove never deletes it. */
export const CREATED_CONFIG_KEY = 'grovecreated';
