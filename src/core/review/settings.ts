/**
 * The settings the review loop runs with, taken from the configuration of the repository at hand (whose
 * defaults are the issue's: worktrees outside the checkout, `.env` files copied in, a commit per turn).
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

export function reviewSettingsFrom(config: GroveConfig, home: string | undefined): ReviewSettings {
  const { worktree, commits } = config;
  return {
    worktrees: {
      ...(worktree.root !== undefined ? { root: expandHome(worktree.root, home) } : {}),
      branchPrefix: worktree.branchPrefix,
      copyIgnored: worktree.copy,
    },
    commitPerTurn: commits.perTurn,
    commitMessage: commits.message,
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
