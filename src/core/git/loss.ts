/**
 * "What would be lost": the reasoning behind every removal grove offers.
 *
 * Removing a worktree loses its uncommitted and untracked files, its git-ignored files that are not
 * copies of the main checkout's (an edited .env, a local build setting, a dependency folder), and any
 * commits made on a detached HEAD there that no branch or tag reaches (git's own removal checks for none
 * of the last two), and the submodules checked out in it, whose repositories live in the worktree's git
 * folder. Deleting its branch
 * loses the commits
 * whose changes are nowhere in the base. A commit counts as kept when the base reaches it (a merge or
 * fast-forward), when the base holds a commit with the same patch (`git cherry`: a rebase or cherry-pick),
 * when the base holds the branch's combined diff as one commit (a squash merge), or when merging the
 * branch into the base would change nothing at all. The engine gathers those facts with git; this module
 * only decides, so the decision is testable without a repository.
 */
import { plural } from './refusal.js';

export interface CommitSummary {
  readonly sha: string;
  readonly subject: string;
}

/** How a branch's commits already reached its base. */
export type MergedBy = 'ancestry' | 'patch-identity' | 'squash' | 'content';

export interface BranchFacts {
  /** Commits on the branch that the base does not reach (`git log base..branch`), newest first. */
  readonly ahead: readonly CommitSummary[];
  /** Of those, the ones `git cherry base branch` marks "+": no commit with the same patch in base. */
  readonly withoutEquivalent?: ReadonlySet<string>;
  /** The branch's combined diff matches a commit in base by patch id. */
  readonly squashMerged?: boolean;
  /** `merge-tree base branch` is clean and yields the base's own tree. */
  readonly mergeChangesNothing?: boolean;
}

export interface BranchLoss {
  /** Commits whose changes exist only on this branch. */
  readonly commits: readonly CommitSummary[];
  /** Set when nothing is lost: how the work reached the base. */
  readonly mergedBy?: MergedBy;
}

export function branchLoss(facts: BranchFacts): BranchLoss {
  if (facts.ahead.length === 0) return { commits: [], mergedBy: 'ancestry' };
  const unmatched = facts.withoutEquivalent;
  if (unmatched && unmatched.size === 0) return { commits: [], mergedBy: 'patch-identity' };
  if (facts.squashMerged) return { commits: [], mergedBy: 'squash' };
  if (facts.mergeChangesNothing) return { commits: [], mergedBy: 'content' };
  const commits = unmatched ? facts.ahead.filter((c) => unmatched.has(c.sha)) : facts.ahead;
  return { commits };
}

export interface LossReport extends BranchLoss {
  /** The base the commits were compared with. */
  readonly base: string;
  /** Tracked files with uncommitted changes in the worktree. */
  readonly uncommitted: readonly string[];
  /** Untracked (not ignored) files in the worktree. */
  readonly untracked: readonly string[];
  /** Ignored files (a folder ignored whole as "dir/") that are not the same as the main checkout's. */
  readonly ignored: readonly string[];
  /**
   * Submodules checked out in the worktree, each with what it holds ("lib: 1 uncommitted file"): their
   * repositories live in the worktree's git folder and go with it, and git removes them only by force.
   */
  readonly submodules: readonly string[];
  /** Commits reachable only from the worktree's detached HEAD. */
  readonly detachedCommits: readonly CommitSummary[];
}

/** Removing the worktree would lose work: files, or commits only its detached HEAD holds. */
export function losesWorktreeWork(report: LossReport): boolean {
  return [report.uncommitted, report.untracked, report.ignored, report.submodules, report.detachedCommits].some((list) => list.length > 0);
}

/** Deleting the branch would lose commits. */
export function losesCommits(report: LossReport): boolean {
  return report.commits.length > 0;
}

/** "3 commits not in main". */
export function commitsNotInBase(report: LossReport): string {
  return `${plural(report.commits.length, 'commit')} not in ${report.base}`;
}

/** What the branch alone would lose: the report without the worktree's own files and commits (its folder is gone). */
export function branchOnly(report: LossReport): LossReport {
  return { ...report, uncommitted: [], untracked: [], ignored: [], submodules: [], detachedCommits: [] };
}

/** "2 uncommitted files, 1 untracked file and 3 commits not in main" or "nothing (squash-merged into main)". */
export function describeLoss(report: LossReport): string {
  const parts: string[] = [];
  if (report.uncommitted.length) parts.push(plural(report.uncommitted.length, 'uncommitted file'));
  if (report.untracked.length) parts.push(plural(report.untracked.length, 'untracked file'));
  if (report.ignored.length) parts.push(plural(report.ignored.length, 'ignored file'));
  if (report.submodules.length) parts.push(plural(report.submodules.length, 'checked-out submodule'));
  if (report.detachedCommits.length)
    parts.push(`${plural(report.detachedCommits.length, 'commit')} only on a detached HEAD`);
  if (report.commits.length) parts.push(commitsNotInBase(report));
  if (parts.length === 0) return report.mergedBy ? `nothing (${mergedWords(report.mergedBy, report.base)})` : 'nothing';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** How a branch's work reached its base, in words: "all its commits are in main". */
export function mergedWords(by: MergedBy, base: string): string {
  return `${MERGED_WORDS[by]} ${base}`;
}

const MERGED_WORDS: Record<MergedBy, string> = {
  ancestry: 'all its commits are in',
  'patch-identity': 'every commit has an equivalent in',
  squash: 'it was squash-merged into',
  content: 'its changes are already in',
};
