/**
 * The settings the review loop runs with, taken from the configuration of the repository at hand (whose
 * defaults are the issue's: worktrees outside the checkout, `.env` files copied in, a commit per turn).
 *
 * The turn commit's message is made from a template, and read back with the same template: the numbers
 * in a branch's messages are where a restarted server goes on counting (lastTurnIn).
 */
import type { GroveConfig } from '../config/config.js';
import { COMMIT_MESSAGE_FIELDS } from '../config/schema.js';
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
  /** Steps run in a new worktree before its agent starts (core/review/setup.ts). */
  readonly setup: readonly string[];
  /** What checks a worktree's work (`npm test`), run by sh in it; none when absent. */
  readonly check?: string;
  /** Days an ended workspace session's checkpoints are kept before prune offers them. */
  readonly checkpointDays: number;
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
    setup: worktree.setup,
    checkpointDays: config.checkpoints.keepDays,
    ...(config.check !== undefined ? { check: config.check } : {}),
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

const PLACEHOLDER = /\{([^{}]*)\}/gu;
const FILLED: ReadonlySet<string> = new Set(COMMIT_MESSAGE_FIELDS);

/**
 * The highest turn number among commit messages the template could have made, 0 if there is none (or the
 * template has no {turn}). The other placeholders match anything, so a branch that another session used
 * before goes on from that session's turns too; whitespace matches any whitespace or none, since git tidies
 * blank lines and trailing spaces, and an empty placeholder leaves its spaces behind before the trim.
 */
export function lastTurnIn(template: string, messages: readonly string[]): number {
  const pattern = turnPattern(template);
  if (!pattern) return 0;
  let last = 0;
  for (const message of messages) {
    const found = pattern.exec(message.trim());
    if (found) last = Math.max(last, Number(found[1]));
  }
  return last;
}

function turnPattern(template: string): RegExp | undefined {
  const text = template.trim();
  let source = '';
  let turns = 0;
  let at = 0;
  for (const placeholder of text.matchAll(PLACEHOLDER)) {
    source += literal(text.slice(at, placeholder.index));
    const name = placeholder[1]!;
    if (name === 'turn') source += turns++ === 0 ? '(\\d+)' : '\\d+';
    else source += FILLED.has(name) ? '[\\s\\S]*?' : literal(placeholder[0]);
    at = placeholder.index + placeholder[0].length;
  }
  source += literal(text.slice(at));
  return turns ? new RegExp(`^${source}$`) : undefined;
}

function literal(text: string): string {
  return text.split(/\s+/u).map((part) => part.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')).join('\\s*');
}
