/**
 * The review loop in words: what a merge would do and did, what a removal would lose and did. The TUI's
 * dialogs and the command line print the same sentences, so the two never tell a user different things.
 */
import { losesCommits, losesWorktreeWork, mergedWords, type LossReport } from '../git/loss.js';
import { listForMessage, plural } from '../git/refusal.js';
import type { MergeOutcome, RemoveOutcome, WorktreeRecord } from '../git/review.js';
import { printable } from '../text/terminal-text.js';
import { totalsLine } from './diff-document.js';
import type { Cleanup, MergeResult, MergeReview, RemovalReport } from './review-port.js';

const MODE_WORDS = { merge: 'merged', squash: 'squash-merged', rebase: 'rebased and fast-forwarded' } as const;

/** The preview: what comes in, whether it is clean, and what happens to uncommitted work. */
export function mergeReviewLines(review: MergeReview): string[] {
  const { preview } = review;
  const lines = [`${review.branch} → ${review.baseBranch}: ${preview.upToDate ? 'no commits to merge' : plural(preview.commits.length, 'commit')}`];
  for (const commit of preview.commits.slice(0, 5)) lines.push(`  ${commit.sha.slice(0, 8)} ${printable(commit.subject)}`);
  if (preview.commits.length > 5) lines.push(`  … and ${preview.commits.length - 5} more`);
  lines.push(totalsLine(review.files));
  if (review.uncommitted.length) {
    const one = review.uncommitted.length === 1;
    const files = plural(review.uncommitted.length, 'uncommitted file');
    lines.push(review.commitsFirst
      ? `${files} will be committed first (${listForMessage(review.uncommitted)})`
      : `${files} ${one ? 'stays' : 'stay'} out of the merge: commit ${one ? 'it' : 'them'} first (${listForMessage(review.uncommitted)})`);
  }
  if (preview.replacesIgnored.length) {
    lines.push(`✗ would replace ignored files in the checkout: ${listForMessage(preview.replacesIgnored.map(printable))}; move them aside first`);
  }
  if (!preview.upToDate) {
    lines.push(preview.clean
      ? `✓ merges cleanly into ${review.baseBranch}`
      : `✗ would conflict in ${listForMessage(preview.conflicts)}`);
  }
  return lines;
}

/** Whether the merge would do anything at all. */
export function hasSomethingToMerge(review: MergeReview): boolean {
  return !review.preview.upToDate || (review.commitsFirst && review.uncommitted.length > 0);
}

/** One line: what the merge did. */
export function mergeOutcomeLine(outcome: MergeOutcome, record: Pick<WorktreeRecord, 'branch' | 'baseBranch'>): string {
  switch (outcome.kind) {
    case 'merged':
      return `${MODE_WORDS[outcome.mode]} ${record.branch} into ${record.baseBranch} (${outcome.commit.slice(0, 8)})`;
    case 'up-to-date':
      return `${record.baseBranch} already has everything on ${record.branch}; nothing merged`;
    case 'conflict-left':
      return `conflicts left to resolve in ${outcome.where}: ${listForMessage(outcome.files)}`;
    case 'conflict-aborted':
      return `the merge conflicted in ${listForMessage(outcome.files)}; aborted, everything is as it was`;
  }
}

/** The merge, the commit before it and the cleanup after it, one line each. */
export function mergeResultLines(result: MergeResult, record: Pick<WorktreeRecord, 'branch' | 'baseBranch'>): string[] {
  const lines: string[] = [];
  if (result.committed) lines.push(`committed the worktree's pending changes first (${result.committed.slice(0, 8)})`);
  lines.push(mergeOutcomeLine(result.outcome, record));
  if (result.cleanup) lines.push(cleanupLine(result.cleanup, record));
  return lines;
}

/** What the configuration's cleanup after a merge did. */
export function cleanupLine(cleanup: Cleanup, record: Pick<WorktreeRecord, 'branch'>): string {
  return 'removed' in cleanup ? removeOutcomeLine(cleanup.removed, record) : `not cleaned up: ${cleanup.error}`;
}

/** Line by line, what removing would lose: files, then commits. Empty when nothing would be lost. */
export function lossLines(report: LossReport, shown = 5): string[] {
  const lines: string[] = [];
  const files = (label: string, paths: readonly string[]) => {
    if (paths.length) lines.push(`${label}: ${listForMessage(paths.map(printable), shown)}`);
  };
  files('uncommitted', report.uncommitted);
  files('untracked', report.untracked);
  files('ignored', report.ignored);
  files('submodules', report.submodules);
  const commits = (label: string, list: LossReport['commits']) => {
    if (!list.length) return;
    lines.push(`${label}:`);
    for (const commit of list.slice(0, shown)) lines.push(`  ${commit.sha.slice(0, 8)} ${printable(commit.subject)}`);
    if (list.length > shown) lines.push(`  … and ${list.length - shown} more`);
  };
  commits('commits only on a detached HEAD', report.detachedCommits);
  commits(`commits not in ${report.base}`, report.commits);
  return lines;
}

/** "also ends: api-shell, open in the worktree", or undefined when no other session works there. */
export function alsoEndsLine(report: Pick<RemovalReport, 'alsoEnds'>): string | undefined {
  if (!report.alsoEnds.length) return undefined;
  return `also ends: ${listForMessage(report.alsoEnds.map((s) => printable(s.name)), 5)}, open in the worktree`;
}

export function losesAnything(report: LossReport): boolean {
  return losesWorktreeWork(report) || losesCommits(report);
}

/** Whether a removal deletes the branch unless the user says otherwise: grove made it, and nothing on it is lost. */
export function deletesBranchByDefault(report: RemovalReport): boolean {
  return report.branchCreated && !losesCommits(report);
}

/** The loss report for what will really go: the branch's commits count only when the branch is deleted. */
export function removalLoss(report: LossReport, deletesBranch: boolean): LossReport {
  if (deletesBranch) return report;
  const { mergedBy: _mergedBy, ...kept } = report;
  return { ...kept, commits: [] };
}

/** "branch grove/x: deleted (all its commits are in main)", "branch fix: kept (grove did not create it)". */
export function branchFateLine(report: RemovalReport, branch: string, deletes: boolean): string {
  const name = `branch ${printable(branch)}`;
  if (!report.branchCreated) return `${name}: kept (grove did not create it)`;
  const commits = `${plural(report.commits.length, 'commit')} not in ${printable(report.base)}`;
  if (deletes) return losesCommits(report) ? `${name}: deleted, with its ${commits}` : `${name}: deleted (${report.mergedBy ? mergedWords(report.mergedBy, printable(report.base)) : 'nothing on it is lost'})`;
  return losesCommits(report) ? `${name}: kept, with its ${commits}` : `${name}: kept`;
}

/** One line: what the removal did with the folder, the branch and the other sessions in the worktree. */
export function removeOutcomeLine(outcome: RemoveOutcome, record: Pick<WorktreeRecord, 'branch'>): string {
  const folder = outcome.removedFolder ? 'removed the worktree' : 'cleared the record of a worktree already gone';
  const branch = outcome.branch.deleted
    ? `deleted branch ${record.branch}`
    : `kept branch ${record.branch} (${outcome.branch.reason.replace(/^kept:?\s*/u, '')})`;
  const ended = outcome.ended?.length ? `; also ended ${listForMessage(outcome.ended.map(printable), 5)}` : '';
  return `${folder}; ${branch}${ended}`;
}
