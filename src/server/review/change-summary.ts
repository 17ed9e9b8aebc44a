/**
 * Computes a worktree session's ChangeSummary from git, reading only: the files that differ from where
 * the branch forked from its base (committed or not), untracked files (their lines count as added, as the
 * diff view counts them), what is uncommitted, and how far the branch and its base have each moved since.
 */
import { parseRawNumstat } from '../../core/git/diff-output.js';
import { dirtyPaths, parseStatus } from '../../core/git/status.js';
import type { ChangeSummary } from '../../core/review/changes.js';
import { mapLimited } from '../map-limited.js';
import type { GitPort, WorktreeRecord } from '../worktrees/index.js';

export async function changeSummary(git: GitPort, record: WorktreeRecord): Promise<ChangeSummary> {
  const cwd = record.worktreePath;
  const mergeBase = await git.exec(cwd, ['merge-base', 'HEAD', record.baseBranch], { okExitCodes: [0, 1, 128] });
  // Exit 1: the histories are unrelated; 128: the base branch is gone (renamed or deleted). Either way
  // the commit the session started from is the best base left, for the diff and for ahead/behind.
  const forkPoint = (mergeBase.exitCode === 0 && mergeBase.stdout.trim()) || record.baseCommit;
  const base = mergeBase.exitCode === 128 ? record.baseCommit : record.baseBranch;
  const [numstat, untracked, status, counts] = await Promise.all([
    git.run(cwd, ['diff', '--raw', '--numstat', '-z', '-M', '--no-ext-diff', forkPoint, '--']),
    git.run(cwd, ['ls-files', '--others', '--exclude-standard', '-z', '--']),
    git.run(cwd, ['status', '--porcelain=v2', '-z', '--untracked-files=all']),
    git.exec(cwd, ['rev-list', '--left-right', '--count', `${base}...HEAD`], { okExitCodes: [0, 128] }),
  ]);
  const stats = parseRawNumstat(numstat);
  const untrackedPaths = untracked.split('\0').filter(Boolean);
  const [behind, ahead] = counts.exitCode === 0 ? counts.stdout.trim().split(/\s+/).map(Number) : [0, 0];
  const touched = [...new Set([...stats.map((s) => s.path), ...untrackedPaths])].sort();
  return {
    files: touched.length,
    added: stats.reduce((sum, s) => sum + s.added, 0) + (await untrackedLines(git, cwd, untrackedPaths)),
    removed: stats.reduce((sum, s) => sum + s.removed, 0),
    ahead: ahead ?? 0,
    behind: behind ?? 0,
    uncommitted: dirtyPaths(parseStatus(status)).length,
    touched,
  };
}

/** Untracked files whose lines are counted, at most: past that, a change of files must not cost a process each. */
const COUNTED_UNTRACKED = 200;
const COUNT_CONCURRENCY = 8;

/** The lines of the untracked files: each one's `git diff --no-index --numstat` against nothing. */
async function untrackedLines(git: GitPort, cwd: string, paths: readonly string[]): Promise<number> {
  const files = paths.filter((path) => !path.endsWith('/')).slice(0, COUNTED_UNTRACKED);
  const counts = await mapLimited(files, COUNT_CONCURRENCY, async (path) => {
    const result = await git.exec(cwd, ['diff', '--no-index', '--numstat', '--', '/dev/null', path], { okExitCodes: [0, 1] });
    return Number(/^(\d+)\t/.exec(result.stdout)?.[1] ?? 0);
  });
  return counts.reduce((sum, n) => sum + n, 0);
}
