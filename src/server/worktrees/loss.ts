/**
 * Gathering the facts for "what would removing this lose" (the judgement itself is core/git/loss.ts).
 *
 * Files come from `git status` in the worktree, plus, on a detached HEAD, the commits no ref reaches.
 * Commits are the branch's commits its base does not reach; for those, git is asked, cheapest first, whether their changes reached the base anyway: `git cherry`
 * (same patch, e.g. rebased or cherry-picked), then the branch's combined change as one commit of the
 * base (a squash merge), then whether merging would change nothing at all. Every question only reads:
 * nothing is written into the repository, so a report works on a full disk.
 */
import { branchLoss, type BranchFacts, type CommitSummary, type LossReport } from '../../core/git/loss.js';
import { COMMIT_LINE_FORMAT, parseCherryUnmatched, parseCommitLines, parseRawLog, RAW_LOG_FORMAT, rawChanges } from '../../core/git/log.js';
import { untrackedPaths, uncommittedPaths } from '../../core/git/status.js';
import { baseTip, mergeBase } from './base.js';
import { readStatus, resolveCommit } from './repository.js';
import type { WorktreeContext, WorktreeRecord } from './types.js';

export interface LossSubject {
  readonly repoPath: string;
  /** The worktree folder; its files are not assessed if it is gone. */
  readonly worktreePath?: string;
  /** The branch; its commits are not assessed if it does not exist. */
  readonly branch?: string;
  readonly baseBranch: string;
  readonly baseCommit: string;
}

export async function assessRemoval(ctx: WorktreeContext, record: WorktreeRecord): Promise<LossReport> {
  return assessLoss(ctx, record);
}

export async function assessLoss(ctx: WorktreeContext, subject: LossSubject): Promise<LossReport> {
  let uncommitted: string[] = [];
  let untracked: string[] = [];
  let detachedCommits: CommitSummary[] = [];
  if (subject.worktreePath && (await ctx.files.isDirectory(subject.worktreePath))) {
    const status = await readStatus(ctx, subject.worktreePath);
    uncommitted = uncommittedPaths(status);
    untracked = untrackedPaths(status);
    if (status.branch.head === undefined && status.branch.oid) {
      const reachedByNothingElse = [status.branch.oid, '--not', '--branches', '--tags', '--remotes', '--'];
      detachedCommits = parseCommitLines(
        await ctx.git.run(subject.worktreePath, ['log', COMMIT_LINE_FORMAT, ...reachedByNothingElse]),
      );
    }
  }
  const branchTip = subject.branch
    ? await resolveCommit(ctx, subject.repoPath, `refs/heads/${subject.branch}`)
    : undefined;
  const branch = branchTip ? branchLoss(await branchFacts(ctx, subject, branchTip)) : { commits: [] };
  return { base: subject.baseBranch, uncommitted, untracked, detachedCommits, ...branch };
}

async function branchFacts(ctx: WorktreeContext, subject: LossSubject, tip: string): Promise<BranchFacts> {
  const cwd = subject.repoPath;
  const base = (await baseTip(ctx, cwd, subject)).commit;
  const ahead = parseCommitLines(await ctx.git.run(cwd, ['log', COMMIT_LINE_FORMAT, `${base}..${tip}`, '--']));
  if (ahead.length === 0) return { ahead };
  const withoutEquivalent = parseCherryUnmatched(await ctx.git.run(cwd, ['cherry', base, tip]));
  if (withoutEquivalent.size === 0) return { ahead, withoutEquivalent };
  if (await squashMerged(ctx, cwd, base, tip)) return { ahead, withoutEquivalent, squashMerged: true };
  return { ahead, withoutEquivalent, mergeChangesNothing: await mergeChangesNothing(ctx, cwd, base, tip) };
}

/**
 * Whether one commit of the base made exactly the branch's combined change: the same files, from the
 * same blobs to the same blobs (a squash merge). Compared by git's raw diffs, so nothing is written: a
 * loss report must work on a full disk and leave the repository as it found it.
 */
async function squashMerged(ctx: WorktreeContext, cwd: string, base: string, tip: string): Promise<boolean> {
  const fork = await mergeBase(ctx, cwd, base, tip);
  if (!fork) return false;
  const raw = ['-r', '--no-renames', '--no-abbrev', '--raw'];
  const change = rawChanges(await ctx.git.run(cwd, ['diff-tree', ...raw, fork, tip]));
  if (!change) return false;
  const log = await ctx.git.run(cwd, ['log', '--no-merges', ...raw, RAW_LOG_FORMAT, `${fork}..${base}`, '--']);
  return parseRawLog(log).includes(change);
}

/**
 * Whether merging would change nothing: every file the branch changed is already, to the byte, as the
 * branch has it in the base. Two read-only diffs; no merge is made.
 */
async function mergeChangesNothing(ctx: WorktreeContext, cwd: string, base: string, tip: string): Promise<boolean> {
  const fork = await mergeBase(ctx, cwd, base, tip);
  if (!fork) return false;
  const names = (from: string, to: string) => ctx.git.run(cwd, ['diff', '--no-renames', '--name-only', '-z', from, to, '--']);
  const changed = (await names(fork, tip)).split('\0').filter(Boolean);
  const differing = new Set((await names(base, tip)).split('\0').filter(Boolean));
  return changed.every((path) => !differing.has(path));
}
