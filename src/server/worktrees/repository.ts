/**
 * Looking at a repository: which checkout is the main one, what it has checked out, which worktrees and
 * branches exist, and whether something is half done.
 *
 * Every engine operation starts here, and the refusals for "this is no place for a worktree" (not a
 * repository, a bare one, no commits) are made here, each with its own message.
 */
import { branchNameProblem } from '../../core/git/names.js';
import { gitReason, WorktreeRefusal } from '../../core/git/refusal.js';
import { parseStatus, type Status } from '../../core/git/status.js';
import { parseWorktreeList, shortBranch, type WorktreeEntry } from '../../core/git/worktree-list.js';
import { BASE_COMMIT_CONFIG_KEY, BASE_CONFIG_KEY, CREATED_CONFIG_KEY, type WorktreeContext } from './types.js';

export interface Repository {
  /** The main checkout, real path. */
  readonly mainPath: string;
  /** The branch checked out in the main checkout; undefined when detached. */
  readonly headBranch?: string;
  /** The commit checked out there; undefined before the first commit. */
  readonly headCommit?: string;
  readonly worktrees: readonly WorktreeEntry[];
}

const NO_COMMIT = /^0+$/;

export async function openRepository(ctx: WorktreeContext, path: string): Promise<Repository> {
  if (!(await ctx.files.isDirectory(path))) {
    throw new WorktreeRefusal('not-a-repository', `${path} is not a folder`);
  }
  const probe = await ctx.git.exec(path, ['rev-parse', '--is-bare-repository', '--is-inside-git-dir'], {
    okExitCodes: [0, 128],
  });
  if (probe.exitCode !== 0) {
    if (/not a git repository/.test(probe.stderr)) {
      throw new WorktreeRefusal('not-a-repository', `${path} is not in a git repository`);
    }
    // e.g. "detected dubious ownership": git's own words say best what to do.
    throw new WorktreeRefusal(
      'git-failed',
      `git cannot use the repository at ${path}: ${gitReason(probe.stderr) ?? 'it failed'}`,
    );
  }
  const [bare, insideGitDir] = probe.stdout.split('\n');
  if (bare === 'true') {
    throw new WorktreeRefusal(
      'bare-repository',
      `${path} is a bare repository: there is no checkout to branch from or merge into`,
    );
  }
  if (insideGitDir === 'true') {
    throw new WorktreeRefusal('not-a-repository', `${path} is inside a .git folder, not a checkout`);
  }
  const worktrees = await listWorktrees(ctx, path);
  const main = worktrees[0];
  if (!main || main.bare) {
    throw new WorktreeRefusal(
      'bare-repository',
      `${path} belongs to a bare repository: there is no main checkout to merge into`,
    );
  }
  const mainPath = (await ctx.files.realpath(main.path)) ?? main.path;
  const headCommit = main.head && !NO_COMMIT.test(main.head) ? main.head : undefined;
  const headBranch = main.branch ? shortBranch(main.branch) : undefined;
  return { mainPath, headBranch, headCommit, worktrees };
}

export async function listWorktrees(ctx: WorktreeContext, cwd: string): Promise<WorktreeEntry[]> {
  return parseWorktreeList(await ctx.git.run(cwd, ['worktree', 'list', '--porcelain', '-z']));
}

/** The registered worktree at `path`, compared by real path (or as written, when its folder is gone). */
export async function findWorktree(
  ctx: WorktreeContext,
  worktrees: readonly WorktreeEntry[],
  path: string,
): Promise<WorktreeEntry | undefined> {
  const real = (await ctx.files.realpath(path)) ?? path;
  for (const entry of worktrees) {
    if (entry.path === path || entry.path === real) return entry;
    if ((await ctx.files.realpath(entry.path)) === real) return entry;
  }
  return undefined;
}

/** The worktree that has `branch` checked out, if any. */
export function worktreeOfBranch(worktrees: readonly WorktreeEntry[], branch: string): WorktreeEntry | undefined {
  return worktrees.find((w) => w.branch === `refs/heads/${branch}`);
}

/** The commit `ref` names, or undefined. */
export async function resolveCommit(ctx: WorktreeContext, cwd: string, ref: string): Promise<string | undefined> {
  const result = await ctx.git.exec(cwd, ['rev-parse', '-q', '--verify', '--end-of-options', `${ref}^{commit}`], {
    okExitCodes: [0, 1, 128],
  });
  return result.exitCode === 0 ? result.stdout.trim() : undefined;
}

export async function branchExists(ctx: WorktreeContext, cwd: string, branch: string): Promise<boolean> {
  const result = await ctx.git.exec(cwd, ['show-ref', '--verify', '-q', `refs/heads/${branch}`], {
    okExitCodes: [0, 1],
  });
  return result.exitCode === 0;
}

/** Refuses a branch name git would not accept, checked by the core rules and by git itself. */
export async function assertBranchName(ctx: WorktreeContext, cwd: string, name: string): Promise<void> {
  const problem = branchNameProblem(name);
  if (problem) throw new WorktreeRefusal('bad-name', problem);
  const result = await ctx.git.exec(cwd, ['check-ref-format', '--branch', name], { okExitCodes: [0, 1, 128] });
  // --branch expands "@{-1}" and friends; anything but the name itself coming back is a refusal.
  if (result.exitCode !== 0 || result.stdout.trim() !== name) {
    throw new WorktreeRefusal('bad-name', `${JSON.stringify(name)} is not a valid branch name`);
  }
}

export async function readStatus(ctx: WorktreeContext, cwd: string): Promise<Status> {
  return parseStatus(
    await ctx.git.run(cwd, [
      'status',
      '--porcelain=v2',
      '-z',
      '--branch',
      '--untracked-files=all',
      '--ignore-submodules=none',
    ]),
  );
}

/** The checkout's ignored files, a folder ignored whole as one "dir/" entry, relative to its top. */
export async function ignoredEntries(ctx: WorktreeContext, cwd: string): Promise<string[]> {
  const args = ['ls-files', '-z', '--others', '--ignored', '--exclude-standard', '--directory'];
  return (await ctx.git.run(cwd, args)).split('\0').filter(Boolean);
}

const IN_PROGRESS: readonly (readonly [string, string])[] = [
  ['MERGE_HEAD', 'a merge'],
  ['rebase-merge', 'a rebase'],
  ['rebase-apply', 'a rebase'],
  ['CHERRY_PICK_HEAD', 'a cherry-pick'],
  ['REVERT_HEAD', 'a revert'],
];

/** "a merge", "a rebase", … when the checkout at `cwd` is in the middle of one; undefined otherwise. */
export async function operationInProgress(ctx: WorktreeContext, cwd: string): Promise<string | undefined> {
  const args = ['rev-parse', '--path-format=absolute', ...IN_PROGRESS.flatMap(([name]) => ['--git-path', name])];
  const paths = (await ctx.git.run(cwd, args)).split('\n');
  for (let i = 0; i < IN_PROGRESS.length; i++) {
    if (paths[i] && (await ctx.files.exists(paths[i]!))) return IN_PROGRESS[i]![1];
  }
  return undefined;
}

export async function assertNoOperationInProgress(ctx: WorktreeContext, cwd: string, where: string): Promise<void> {
  const operation = await operationInProgress(ctx, cwd);
  if (operation) {
    throw new WorktreeRefusal(
      'operation-in-progress',
      `${where} is in the middle of ${operation}; finish or abort it first`,
    );
  }
}

/** The base recorded for a grove branch at creation (git config branch.<name>.grovebase), if any. */
export async function recordedBase(
  ctx: WorktreeContext,
  cwd: string,
  branch: string,
): Promise<{ baseBranch?: string; baseCommit?: string }> {
  return {
    baseBranch: await branchSetting(ctx, cwd, branch, BASE_CONFIG_KEY),
    baseCommit: await branchSetting(ctx, cwd, branch, BASE_COMMIT_CONFIG_KEY),
  };
}

/**
 * Whether grove created the branch (git config branch.<name>.grovecreated). git drops a branch's config
 * when the branch is deleted, so a branch the user makes later under the same name is theirs again.
 */
export async function createdByGrove(ctx: WorktreeContext, cwd: string, branch: string): Promise<boolean> {
  return (await branchSetting(ctx, cwd, branch, CREATED_CONFIG_KEY)) === 'true';
}

/** Every branch grove created, from one read of the repository's config. */
export async function branchesCreatedByGrove(ctx: WorktreeContext, cwd: string): Promise<Set<string>> {
  const pattern = `^branch\\..*\\.${CREATED_CONFIG_KEY}$`;
  const result = await ctx.git.exec(cwd, ['config', '--local', '-z', '--get-regexp', pattern], { okExitCodes: [0, 1] });
  const names = new Set<string>();
  // -z: "branch.<name>.grovecreated\ntrue\0" per entry; a branch name may itself hold dots.
  for (const entry of result.stdout.split('\0')) {
    const [key, value] = entry.split('\n');
    if (value?.trim() !== 'true' || !key) continue;
    names.add(key.slice('branch.'.length, -`.${CREATED_CONFIG_KEY}`.length));
  }
  return names;
}

async function branchSetting(ctx: WorktreeContext, cwd: string, branch: string, key: string) {
  const result = await ctx.git.exec(cwd, ['config', '--local', '--get', `branch.${branch}.${key}`], {
    okExitCodes: [0, 1],
  });
  return result.exitCode === 0 ? result.stdout.trim() || undefined : undefined;
}
