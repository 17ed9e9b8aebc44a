/**
 * What a session changed, for review: its commits, and every file that differs from its base — committed,
 * uncommitted or untracked — with a unified diff each.
 *
 * Nothing here writes: tracked changes come from `git diff <base>` run in the session's folder (which
 * compares the commit with the files on disk, staged or not), untracked files from `git ls-files --others`
 * and `git diff --no-index /dev/null <file>`. The index is never touched. A worktree session is compared
 * with the merge base of its branch and the base branch's current tip — what a merge would bring, as a
 * pull request shows it; a workspace session with its checkout's HEAD.
 */
import { mapLimited } from '../map-limited.js';
import { COMMIT_LINE_FORMAT, parseCommitLines } from '../../core/git/log.js';
import {
  countPatchLines,
  parseRawNumstat,
  splitPatches,
  type FileChange,
  type FileStat,
} from '../../core/git/diff-output.js';
import { WorktreeRefusal } from '../../core/git/refusal.js';
import type { SessionDiff } from '../../core/git/review.js';
import { baseTip, mergeBase } from './base.js';
import { resolveCommit } from './repository.js';
import type { GitPort } from './ports.js';
import type { WorktreeContext, WorktreeRecord } from './types.js';

export type { SessionDiff } from '../../core/git/review.js';

export type DiffTarget =
  | { readonly kind: 'worktree'; readonly record: WorktreeRecord }
  | { readonly kind: 'workspace'; readonly path: string };

const PATCH_ARGS = ['-M', '--no-color', '--no-ext-diff', '--src-prefix=a/', '--dst-prefix=b/'];
const UNTRACKED_DIFF_CONCURRENCY = 4;

export async function diffSession(ctx: WorktreeContext, target: DiffTarget): Promise<SessionDiff> {
  return target.kind === 'worktree' ? diffWorktree(ctx, target.record) : diffWorkspace(ctx, target.path);
}

async function diffWorktree(ctx: WorktreeContext, record: WorktreeRecord): Promise<SessionDiff> {
  const cwd = record.worktreePath;
  if (!(await ctx.files.isDirectory(cwd))) {
    throw new WorktreeRefusal(
      'not-a-worktree',
      `the worktree folder ${cwd} is gone; grove prune can clean up after it`,
    );
  }
  const tip = await baseTip(ctx, cwd, record);
  const head = await resolveCommit(ctx, cwd, 'HEAD');
  const base = (head && (await mergeBase(ctx, cwd, tip.commit, head))) ?? record.baseCommit;
  const commits = head
    ? parseCommitLines(await ctx.git.run(cwd, ['log', COMMIT_LINE_FORMAT, `${tip.commit}..${head}`, '--']))
    : [];
  return { base, commits, files: await changedFiles(ctx, cwd, base) };
}

async function diffWorkspace(ctx: WorktreeContext, path: string): Promise<SessionDiff> {
  const top = await ctx.git.exec(path, ['rev-parse', '--show-toplevel'], { okExitCodes: [0, 128] });
  if (top.exitCode !== 0 || !top.stdout.trim()) {
    throw new WorktreeRefusal('not-a-repository', `${path} is not in a git checkout; there is nothing to diff against`);
  }
  const cwd = top.stdout.trim();
  // Before the first commit everything is new: compare with the empty tree.
  const base =
    (await resolveCommit(ctx, cwd, 'HEAD')) ??
    (await ctx.git.run(cwd, ['hash-object', '-t', 'tree', '/dev/null'])).trim();
  return { base, commits: [], files: await changedFiles(ctx, cwd, base) };
}

/**
 * Files in the folder at `cwd` that differ from `base`, untracked ones included. The untracked files are
 * listed first: a commit at a turn's end (git add -A) may run between the two reads, and it only ever
 * makes an untracked file tracked, so in this order such a file is in the second read if not the first
 * (the other order lost it), and where it is in both the tracked diff says it.
 */
async function changedFiles(ctx: WorktreeContext, cwd: string, base: string): Promise<FileChange[]> {
  const untracked = (await ctx.git.run(cwd, ['ls-files', '-z', '--others', '--exclude-standard']))
    .split('\0')
    .filter(Boolean);
  const files = await diffCommits(ctx.git, cwd, [base]);
  const tracked = new Set(files.map((file) => file.path));
  const stillUntracked = untracked.filter((path) => !tracked.has(path));
  files.push(...(await mapLimited(stillUntracked, UNTRACKED_DIFF_CONCURRENCY, (path) => untrackedChange(ctx, cwd, path))));
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** What differs between `commits` (one: it and the files on disk; two: from the first to the second), file by file. */
export async function diffCommits(git: GitPort, cwd: string, commits: readonly [string] | readonly [string, string]): Promise<FileChange[]> {
  const stats = parseRawNumstat(await git.run(cwd, ['diff', '--raw', '--numstat', '-z', '-M', '--no-ext-diff', ...commits, '--']));
  const patches = splitPatches(await git.run(cwd, ['diff', ...PATCH_ARGS, ...commits, '--']));
  return pairWithPatches(stats, patches);
}

/**
 * Both lists come from the same diff in the same order; a stat whose patch is not next (an unmerged path
 * prints no "diff --git" block) gets an empty patch rather than its neighbour's.
 */
function pairWithPatches(stats: readonly FileStat[], patches: readonly string[]): FileChange[] {
  let next = 0;
  return stats.map((stat) => {
    const header = patches[next]?.slice(0, patches[next]!.indexOf('\n')) ?? '';
    const fits = header.includes(`b/${stat.path}`) || header.includes('"');
    return { ...stat, patch: fits ? patches[next++]! : '' };
  });
}

async function untrackedChange(ctx: WorktreeContext, cwd: string, path: string): Promise<FileChange> {
  // A nested repository is listed as "dir/": there is no file to diff, but it is still work in this folder.
  if (path.endsWith('/')) return { path, status: 'untracked', added: 0, removed: 0, binary: false, patch: '' };
  const result = await ctx.git.exec(cwd, ['diff', '--no-index', ...PATCH_ARGS, '--', '/dev/null', path], {
    okExitCodes: [0, 1],
  });
  return { path, status: 'untracked', ...countPatchLines(result.stdout), patch: result.stdout };
}
