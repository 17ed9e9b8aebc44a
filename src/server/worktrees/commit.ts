/**
 * Commit per turn: at the end of each agent turn, everything in the session's worktree is committed, so
 * the branch reads as a history of what the agent did and when.
 *
 * Only ever in a worktree on the session's own branch — never the main checkout, where the user's
 * unfinished work would be swept into the commit.
 */
import { WorktreeRefusal } from '../../core/git/refusal.js';
import { assertNoOperationInProgress, findWorktree, listWorktrees } from './repository.js';
import type { WorktreeContext, WorktreeRecord } from './types.js';

export interface CommitTurnOptions {
  /** Skip the repository's pre-commit and commit-msg hooks (default: run them). */
  readonly noVerify?: boolean;
}

/** Stages everything in the worktree and commits it; the new commit's sha, or undefined if nothing changed. */
export async function commitTurn(
  ctx: WorktreeContext,
  record: WorktreeRecord,
  message: string,
  options: CommitTurnOptions = {},
): Promise<string | undefined> {
  const cwd = record.worktreePath;
  const real = await ctx.files.realpath(cwd);
  if (!real) throw new WorktreeRefusal('not-a-worktree', `the worktree folder ${cwd} is gone`);
  const entry = await findWorktree(ctx, await listWorktrees(ctx, record.repoPath), real);
  if (!entry) throw new WorktreeRefusal('not-a-worktree', `${real} is not a worktree of ${record.repoPath}`);
  if (entry.isMain)
    throw new WorktreeRefusal('main-checkout', `${real} is the main checkout; grove commits only in session worktrees`);
  if (entry.branch !== `refs/heads/${record.branch}`) {
    throw new WorktreeRefusal(
      'wrong-branch',
      `${real} is not on ${record.branch}; a commit there would not land on the session's branch`,
    );
  }
  await assertNoOperationInProgress(ctx, real, `the worktree (${real})`);

  await ctx.git.run(real, ['add', '-A', '--', '.']);
  const staged = await ctx.git.exec(real, ['diff', '--cached', '--quiet', '--no-ext-diff'], { okExitCodes: [0, 1] });
  if (staged.exitCode === 0) return undefined;
  const text = message.trim() || 'grove: end of turn';
  await ctx.git.run(real, ['commit', '--quiet', ...(options.noVerify ? ['--no-verify'] : []), `--message=${text}`]);
  return (await ctx.git.run(real, ['rev-parse', 'HEAD'])).trim();
}
