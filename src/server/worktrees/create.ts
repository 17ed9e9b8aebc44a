/**
 * Creating a session's worktree: a new folder under grove's root, on its own branch, locked while the
 * session lives.
 *
 * The branch is new (`grove/<slug>` from the base, marked in its git config as grove's, so that only such a
 * branch is ever deleted by grove) or an existing branch no worktree has checked out, reused as is. The base defaults to the branch checked out in the main checkout. Every reason this cannot
 * work is refused before git touches anything, each with its own message, so the caller can offer
 * workspace isolation instead — grove never falls back silently. The base is also remembered in the
 * branch's git config, so a worktree whose session record is lost can still be judged against it.
 */
import { join } from 'node:path';
import { cleanLockReason, refArgumentProblem, slugify } from '../../core/git/names.js';
import { groveLockReason } from '../../core/git/lock-holder.js';
import { isStrictlyInside } from '../../core/git/paths.js';
import { WorktreeRefusal } from '../../core/git/refusal.js';
import { shortBranch } from '../../core/git/worktree-list.js';
import { copyIgnoredFiles } from './copy-ignored.js';
import { layoutFor, realRoot } from './layout.js';
import {
  assertBranchName,
  branchExists,
  openRepository,
  resolveCommit,
  worktreeOfBranch,
  type Repository,
} from './repository.js';
import { BASE_COMMIT_CONFIG_KEY, BASE_CONFIG_KEY, CREATED_CONFIG_KEY, type WorktreeContext, type WorktreeRecord } from './types.js';

export interface CreateWorktreeRequest {
  /** Any folder of the repository: its main checkout, a subfolder, or one of its worktrees. */
  readonly repoPath: string;
  /** The session's name; its slug names the folder and, after the prefix, the branch. */
  readonly name: string;
  /** What to branch from: any ref. Default: the branch checked out in the main checkout. */
  readonly base?: string;
  /** Use this branch: an existing one no worktree has checked out is reused as is; otherwise it is created. */
  readonly branch?: string;
  /** Stored by `git worktree lock`. Default: grove's, naming the session and this process (lock-holder.ts). */
  readonly lockReason?: string;
}

export interface CreatedWorktree {
  readonly record: WorktreeRecord;
  /** True when an existing branch was checked out rather than a new one created. */
  readonly reusedBranch: boolean;
  /** Ignored files copied from the main checkout (relative paths). */
  readonly copied: readonly string[];
}

export async function createWorktree(ctx: WorktreeContext, request: CreateWorktreeRequest): Promise<CreatedWorktree> {
  const repo = await openRepository(ctx, request.repoPath).catch((error: unknown) => {
    if (error instanceof WorktreeRefusal && error.code === 'not-a-repository') {
      throw new WorktreeRefusal(error.code, `${error.message}; use workspace isolation`);
    }
    throw error;
  });
  const layout = layoutFor(ctx, repo.mainPath);
  const slug = slugify(request.name);
  if (!slug) {
    throw new WorktreeRefusal(
      'bad-name',
      `session name ${JSON.stringify(request.name)} has no letters or digits to name a branch after`,
    );
  }

  const base = await resolveBase(ctx, repo, request.base);
  // "refs/heads/x" names branch x, as it does to git checkout; it must not become refs/heads/refs/heads/x.
  const branch = request.branch !== undefined ? shortBranch(request.branch) : `${layout.branchPrefix}${slug}`;
  await assertBranchName(ctx, repo.mainPath, branch);
  const reusedBranch = await branchExists(ctx, repo.mainPath, branch);
  const holder = worktreeOfBranch(repo.worktrees, branch);
  if (holder) {
    throw new WorktreeRefusal('branch-checked-out', `branch ${branch} is already checked out in ${holder.path}`);
  }
  if (reusedBranch && request.branch === undefined) {
    throw new WorktreeRefusal(
      'branch-exists',
      `branch ${branch} already exists; name it explicitly to reuse it, or choose another session name`,
    );
  }

  const root = await realRoot(ctx, layout, true);
  const target = join(root ?? layout.root, slug);
  if (!root || !isStrictlyInside(root, target)) {
    throw new WorktreeRefusal(
      'outside-root',
      `cannot place a worktree for ${JSON.stringify(request.name)} inside ${layout.root}`,
    );
  }
  if (await ctx.files.exists(target)) {
    throw new WorktreeRefusal('target-exists', `${target} already exists; remove it or choose another session name`);
  }
  if (repo.worktrees.some((w) => w.path === target)) {
    throw new WorktreeRefusal(
      'target-exists',
      `a worktree whose folder is gone is still registered at ${target}; prune it first`,
    );
  }

  const reason = cleanLockReason(request.lockReason ?? groveLockReason(request.name, process.pid));
  const add = ['worktree', 'add', '--lock', '--reason', reason];
  if (reusedBranch) add.push('--', target, branch);
  else add.push('--no-track', '-b', branch, '--', target, base.commit);
  await ctx.git.run(repo.mainPath, add);

  // Anything failing from here on leaves a half-made worktree; say so rather than guess at cleaning up.
  try {
    const real = await ctx.files.realpath(target);
    if (!real || !isStrictlyInside(root, real)) {
      throw new WorktreeRefusal('outside-root', `${target} resolved outside ${root}`);
    }
    const baseCommit = reusedBranch ? await forkPoint(ctx, repo.mainPath, base.commit, branch) : base.commit;
    await ctx.git.run(repo.mainPath, ['config', '--local', `branch.${branch}.${BASE_CONFIG_KEY}`, base.name]);
    await ctx.git.run(repo.mainPath, ['config', '--local', `branch.${branch}.${BASE_COMMIT_CONFIG_KEY}`, baseCommit]);
    if (!reusedBranch) await ctx.git.run(repo.mainPath, ['config', '--local', `branch.${branch}.${CREATED_CONFIG_KEY}`, 'true']);
    const copied = await copyIgnoredFiles(ctx, repo.mainPath, real, layout.copyIgnored);
    const record: WorktreeRecord = {
      repoPath: repo.mainPath,
      worktreePath: real,
      branch,
      baseBranch: base.name,
      baseCommit,
    };
    return { record, reusedBranch, copied };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new WorktreeRefusal(
      'git-failed',
      `worktree ${target} was created but not finished (${why}); grove prune will offer to remove it`,
    );
  }
}

interface Base {
  /** Short branch name when the base is a local branch; otherwise the ref as given. */
  readonly name: string;
  readonly commit: string;
}

async function resolveBase(ctx: WorktreeContext, repo: Repository, ref: string | undefined): Promise<Base> {
  if (ref === undefined) {
    if (!repo.headCommit) {
      throw new WorktreeRefusal(
        'no-commits',
        `${repo.mainPath} has no commits yet; commit something before starting a worktree session`,
      );
    }
    if (!repo.headBranch) {
      throw new WorktreeRefusal(
        'detached-head',
        `${repo.mainPath} is on a detached HEAD; name the base branch for the worktree`,
      );
    }
    return { name: repo.headBranch, commit: repo.headCommit };
  }
  const problem = refArgumentProblem(ref);
  if (problem) throw new WorktreeRefusal('bad-ref', problem);
  const commit = await resolveCommit(ctx, repo.mainPath, ref);
  if (!commit) {
    const reason = repo.headCommit
      ? 'is not a commit in this repository'
      : 'does not exist (the repository has no commits yet)';
    throw new WorktreeRefusal(repo.headCommit ? 'bad-ref' : 'no-commits', `base ${JSON.stringify(ref)} ${reason}`);
  }
  const full = await ctx.git.exec(repo.mainPath, ['rev-parse', '--symbolic-full-name', '--end-of-options', ref], {
    okExitCodes: [0, 128],
  });
  const symbolic = full.stdout.trim();
  return { name: symbolic.startsWith('refs/heads/') ? symbolic.slice('refs/heads/'.length) : ref, commit };
}

/** Where a reused branch left its base: their merge base, or the base itself if they share no history. */
async function forkPoint(ctx: WorktreeContext, cwd: string, base: string, branch: string): Promise<string> {
  const result = await ctx.git.exec(cwd, ['merge-base', base, `refs/heads/${branch}`], { okExitCodes: [0, 1] });
  return result.stdout.trim() || base;
}
