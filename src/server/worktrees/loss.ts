/**
 * Gathering the facts for "what would removing this lose" (the judgement itself is core/git/loss.ts).
 *
 * Files come from `git status` in the worktree, plus, on a detached HEAD, the commits no ref reaches.
 * Commits are the branch's commits its base does not reach; for those, git is asked, cheapest first, whether their changes reached the base anyway: `git cherry`
 * (same patch, e.g. rebased or cherry-picked), then the branch's combined diff as one commit (a squash
 * merge: a throwaway commit object is made with `commit-tree` — no ref, index or checkout changes — and
 * `git cherry` looks for its patch in the base), then whether merging would change nothing at all.
 */
import { branchLoss, type BranchFacts, type CommitSummary, type LossReport } from '../../core/git/loss.js';
import { COMMIT_LINE_FORMAT, parseCherryUnmatched, parseCommitLines } from '../../core/git/log.js';
import { parseMergeTree } from '../../core/git/merge-tree.js';
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

async function squashMerged(ctx: WorktreeContext, cwd: string, base: string, tip: string): Promise<boolean> {
  const fork = await mergeBase(ctx, cwd, base, tip);
  if (!fork) return false;
  // The probe is a dangling object, collected by git gc like any other; the identity is only for it.
  const probe = (
    await ctx.git.run(cwd, [
      '-c',
      'user.name=grove',
      '-c',
      'user.email=grove@localhost',
      'commit-tree',
      `${tip}^{tree}`,
      '-p',
      fork,
      '-m',
      'grove: squash probe',
    ])
  ).trim();
  // Exactly one line for the one probe commit: "-" when base has a commit with the same patch.
  return (await ctx.git.run(cwd, ['cherry', base, probe, fork])).startsWith('- ');
}

async function mergeChangesNothing(ctx: WorktreeContext, cwd: string, base: string, tip: string): Promise<boolean> {
  const result = await ctx.git.exec(cwd, ['merge-tree', '--write-tree', '--name-only', '-z', base, tip], {
    okExitCodes: [0, 1],
  });
  const merged = parseMergeTree(result.stdout, result.exitCode);
  if (!merged.clean) return false;
  return merged.tree === (await ctx.git.run(cwd, ['rev-parse', `${base}^{tree}`])).trim();
}
