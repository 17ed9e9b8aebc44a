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
import { plural } from '../../core/git/refusal.js';
import { untrackedPaths, uncommittedPaths } from '../../core/git/status.js';
import { join } from 'node:path';
import { baseTip, mergeBase } from './base.js';
import { ignoredEntries, readStatus, resolveCommit } from './repository.js';
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
  let ignored: string[] = [];
  let submodules: string[] = [];
  let detachedCommits: CommitSummary[] = [];
  if (subject.worktreePath && (await ctx.files.isDirectory(subject.worktreePath))) {
    const status = await readStatus(ctx, subject.worktreePath);
    uncommitted = uncommittedPaths(status);
    untracked = untrackedPaths(status);
    ignored = await ignoredNotInCheckout(ctx, subject.worktreePath, subject.repoPath);
    submodules = await submodulesIn(ctx, subject.worktreePath);
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
  return { base: subject.baseBranch, uncommitted, untracked, ignored, submodules, detachedCommits, ...branch };
}

/**
 * The worktree's ignored files that are not the same as the main checkout's file at that path: those
 * grove copied in and nobody changed are not lost; everything else ignored is (a folder ignored whole
 * counts as one entry, "node_modules/"). Contents are compared by git's hash of each, which writes nothing.
 */
async function ignoredNotInCheckout(ctx: WorktreeContext, worktree: string, checkout: string): Promise<string[]> {
  const entries = await ignoredEntries(ctx, worktree);
  const files = entries.filter((e) => !e.endsWith('/'));
  const inCheckout: string[] = [];
  for (const path of files) if (await ctx.files.exists(join(checkout, path))) inCheckout.push(path);
  const same = new Set<string>();
  for (let at = 0; at < inCheckout.length; at += HASH_BATCH) {
    const batch = inCheckout.slice(at, at + HASH_BATCH);
    // A file git cannot hash (a dangling link) counts as different: kept in the report, never lost silently.
    const hash = async (root: string) =>
      (await ctx.git.exec(worktree, ['hash-object', '--no-filters', '--', ...batch.map((p) => join(root, p))], { okExitCodes: [0, 128] })).stdout.split('\n');
    const [here, there] = [await hash(worktree), await hash(checkout)];
    batch.forEach((path, i) => {
      if (here[i] && here[i] === there[i]) same.add(path);
    });
  }
  return entries.filter((entry) => !same.has(entry));
}

/**
 * The submodules whose repositories the worktree holds (git keeps them in its git folder, under
 * "modules", which is what makes git refuse a plain removal), each with what it would lose: its own
 * uncommitted and untracked files, and commits none of its remotes has.
 */
async function submodulesIn(ctx: WorktreeContext, worktree: string): Promise<string[]> {
  const modules = (await ctx.git.run(worktree, ['rev-parse', '--path-format=absolute', '--git-path', 'modules'])).trim();
  if (!(await ctx.files.isDirectory(modules))) return [];
  const status = await ctx.git.run(worktree, ['submodule', 'status', '--recursive']);
  // " <sha> path (describe)": "-" marks one not checked out, whose repository (if any) has nothing in the tree.
  const checkedOut = [...status.matchAll(/^[ +U][0-9a-f]+ (.+?)(?: \(.*\))?$/gmu)].map((m) => m[1]!);
  if (checkedOut.length === 0) return ['(repositories of submodules no longer checked out)'];
  const described: string[] = [];
  for (const path of checkedOut) {
    const inside = join(worktree, path);
    const files = await readStatus(ctx, inside);
    const changed = uncommittedPaths(files).length + untrackedPaths(files).length;
    const unpushed = Number((await ctx.git.run(inside, ['rev-list', '--count', 'HEAD', '--not', '--remotes', '--'])).trim());
    const parts = [changed ? plural(changed, 'changed file') : '', unpushed ? `${plural(unpushed, 'commit')} no remote has` : ''].filter(Boolean);
    described.push(parts.length ? `${path} (${parts.join(', ')})` : path);
  }
  return described;
}

/** Paths per `git hash-object` call: a command line's length is bounded. */
const HASH_BATCH = 200;

async function branchFacts(ctx: WorktreeContext, subject: LossSubject, tip: string): Promise<BranchFacts> {
  const cwd = subject.repoPath;
  const base = (await baseTip(ctx, cwd, subject)).commit;
  const ahead = parseCommitLines(await ctx.git.run(cwd, ['log', COMMIT_LINE_FORMAT, `${base}..${tip}`, '--']));
  if (ahead.length === 0) return { ahead };
  const withoutEquivalent = parseCherryUnmatched(await ctx.git.run(cwd, ['cherry', base, tip]));
  if (withoutEquivalent.size === 0) return { ahead, withoutEquivalent };
  // Both remaining questions compare from where the branch left the base; no common history: neither holds.
  const fork = await mergeBase(ctx, cwd, base, tip);
  if (!fork) return { ahead, withoutEquivalent };
  if (await squashMerged(ctx, cwd, { base, tip, fork })) return { ahead, withoutEquivalent, squashMerged: true };
  return { ahead, withoutEquivalent, mergeChangesNothing: await mergeChangesNothing(ctx, cwd, { base, tip, fork }) };
}

/** The base's tip, the branch's tip, and their merge base. */
interface Ends {
  readonly base: string;
  readonly tip: string;
  readonly fork: string;
}

/**
 * Whether one commit of the base made exactly the branch's combined change: the same files, from the
 * same blobs to the same blobs (a squash merge). Compared by git's raw diffs, so nothing is written: a
 * loss report must work on a full disk and leave the repository as it found it.
 */
async function squashMerged(ctx: WorktreeContext, cwd: string, { base, tip, fork }: Ends): Promise<boolean> {
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
async function mergeChangesNothing(ctx: WorktreeContext, cwd: string, { base, tip, fork }: Ends): Promise<boolean> {
  const names = (from: string, to: string) => ctx.git.run(cwd, ['diff', '--no-renames', '--name-only', '-z', from, to, '--']);
  const changed = (await names(fork, tip)).split('\0').filter(Boolean);
  const differing = new Set((await names(base, tip)).split('\0').filter(Boolean));
  return changed.every((path) => !differing.has(path));
}
