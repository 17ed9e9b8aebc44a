/**
 * The settings the review loop runs with, taken from the configuration of the repository at hand.
 *
 * The configuration's defaults are shared with the rest of grove, but a few of the review loop's must be
 * its own, as the worktree issue specifies them: worktrees live outside the main checkout (the engine's
 * sibling "<repo>.worktrees" folder), `.env` files are copied into new ones, and worktree sessions commit
 * at the end of every turn. So a setting the user did not write (per the config's origins) takes the
 * review loop's default rather than the configuration's.
 */
import type { GroveConfig } from '../config/config.js';
import type { WorktreeConfig } from '../git/review.js';

export interface ReviewSettings {
  /** Where worktrees go, how their branches are named, which ignored files they get. */
  readonly worktrees: WorktreeConfig;
  /** Commit a worktree session's changes at the end of each turn (never in workspace sessions). */
  readonly commitPerTurn: boolean;
  /** The turn commit's message, with {session} {agent} {branch} {turn} {prompt} filled in. */
  readonly commitMessage: string;
  /** Remove the worktree and its branch as soon as a merge succeeds. */
  readonly cleanupAfterMerge: boolean;
}

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = {
  worktrees: {},
  commitPerTurn: true,
  commitMessage: 'grove: {session} turn {turn}',
  cleanupAfterMerge: false,
};

export function reviewSettingsFrom(config: GroveConfig, home: string | undefined): ReviewSettings {
  const set = (path: string) => config.origins.has(path);
  const { worktree, commits } = config;
  const root = set('worktree.root') ? expandHome(worktree.root, home) : undefined;
  return {
    worktrees: {
      ...(root !== undefined ? { root } : {}),
      ...(set('worktree.branchPrefix') ? { branchPrefix: worktree.branchPrefix } : {}),
      ...(set('worktree.copy') ? { copyIgnored: worktree.copy } : {}),
    },
    commitPerTurn: set('commits.perTurn') ? commits.perTurn : DEFAULT_REVIEW_SETTINGS.commitPerTurn,
    commitMessage: set('commits.message') ? commits.message : DEFAULT_REVIEW_SETTINGS.commitMessage,
    cleanupAfterMerge: worktree.cleanupAfterMerge,
  };
}

function expandHome(path: string, home: string | undefined): string {
  if (home && (path === '~' || path.startsWith('~/'))) return home + path.slice(1);
  return path;
}

export interface TurnFields {
  readonly session: string;
  readonly agent: string;
  readonly branch: string;
  readonly turn: number;
  readonly prompt?: string;
}

/** The template with its placeholders filled; the config schema has already refused unknown ones. */
export function turnMessage(template: string, fields: TurnFields): string {
  const values: Record<string, string> = {
    session: fields.session,
    agent: fields.agent,
    branch: fields.branch,
    turn: String(fields.turn),
    prompt: fields.prompt ?? '',
  };
  return template.replace(/\{([^{}]*)\}/gu, (whole, name: string) => values[name] ?? whole).trim();
}
