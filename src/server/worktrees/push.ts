/**
 * Pushing a worktree session's branch for review (`grove push`): to the remote its base branch tracks,
 * else the repository's only remote, else `origin`; with the upstream set, so the next push and a pull
 * request know where it went. `--force` only when the user typed it, after grove said what it would replace
 * (a lease would refuse exactly that: the commits it was told about are ones this side never fetched).
 */
import { WorktreeRefusal } from '../../core/git/refusal.js';
import type { PushOptions, PushOutcome } from '../../core/git/review.js';
import type { WorktreeContext, WorktreeRecord } from './types.js';

export async function pushBranch(ctx: WorktreeContext, record: WorktreeRecord, options: PushOptions): Promise<PushOutcome> {
  const remote = await remoteFor(ctx, record, options.remote);
  const { branch } = record;
  const args = ['push', '--porcelain', '--set-upstream', ...(options.force ? ['--force'] : []), '--', remote, `refs/heads/${branch}:refs/heads/${branch}`];
  const pushed = await ctx.git.exec(record.repoPath, args, { okExitCodes: [0, 1] });
  if (pushed.exitCode !== 0) {
    const rejected = /\[rejected\]|non-fast-forward|fetch first/u.test(pushed.stdout + pushed.stderr);
    const why = rejected ? `${remote} has commits on ${branch} that this branch lacks; grove push --force replaces them`
      : (pushed.stderr.split('\n').map((line) => line.trim()).find((line) => /^(fatal|error):/u.test(line)) ?? 'git push failed');
    throw new WorktreeRefusal('git-failed', why);
  }
  const url = (await ctx.git.exec(record.repoPath, ['remote', 'get-url', '--', remote])).stdout.trim();
  return { remote, branch, url };
}

async function remoteFor(ctx: WorktreeContext, record: WorktreeRecord, asked: string | undefined): Promise<string> {
  const remotes = (await ctx.git.run(record.repoPath, ['remote'])).split('\n').map((name) => name.trim()).filter(Boolean);
  if (!remotes.length) throw new WorktreeRefusal('git-failed', `${record.repoPath} has no remote to push to (git remote add origin URL)`);
  if (asked !== undefined) {
    if (!remotes.includes(asked)) throw new WorktreeRefusal('git-failed', `no remote named ${asked} (there are: ${remotes.join(', ')})`);
    return asked;
  }
  const tracked = (await ctx.git.exec(record.repoPath, ['config', '--get', `branch.${record.baseBranch}.remote`], { okExitCodes: [0, 1] })).stdout.trim();
  if (remotes.includes(tracked)) return tracked;
  if (remotes.length === 1) return remotes[0]!;
  if (remotes.includes('origin')) return 'origin';
  throw new WorktreeRefusal('git-failed', `which remote? name one with --remote (there are: ${remotes.join(', ')})`);
}
