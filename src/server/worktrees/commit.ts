/**
 * Commit per turn: at the end of each agent turn, everything in the session's worktree is committed, so
 * the branch reads as a history of what the agent did and when.
 *
 * Only ever in a worktree on the session's own branch — never the main checkout, where the user's
 * unfinished work would be swept into the commit.
 *
 * Turns are numbered in their messages, and the branch keeps the count: a server that starts again reads
 * the messages of the branch's own commits (ownCommitMessages) and goes on from the highest number, rather
 * than keeping a counter of its own that a lost state file, or a branch reused by a new session, would reset.
 */
import { WorktreeRefusal } from '../../core/git/refusal.js';
import { baseTip } from './base.js';
import { assertNoOperationInProgress, findWorktree, listWorktrees, resolveCommit } from './repository.js';
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

/**
 * The messages of the commits the session's branch made since its base commit, newest first; [] when the
 * branch is gone. First parents only: a base merged into the branch brings other work's messages, not its own.
 */
export async function ownCommitMessages(ctx: WorktreeContext, record: WorktreeRecord): Promise<string[]> {
  const cwd = record.repoPath;
  const tip = await resolveCommit(ctx, cwd, `refs/heads/${record.branch}`);
  if (!tip) return [];
  const since = (await resolveCommit(ctx, cwd, record.baseCommit)) ?? (await baseTip(ctx, cwd, record)).commit;
  const log = await ctx.git.run(cwd, ['log', '-z', '--first-parent', '--format=%B', `${since}..${tip}`, '--']);
  return log.split('\0').filter((message) => message.trim() !== '');
}
