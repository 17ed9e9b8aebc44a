/**
 * Handing a plan to a worktree session's agent: the text is written into the new worktree as PLAN_FILE,
 * and the pattern `/PLAN_FILE` goes into the repository's own `info/exclude` (shared by its worktrees,
 * never committed or pushed), so the plan is not part of what the agent changed, and a commit of the
 * turn never takes it along.
 */
import { isAbsolute, join } from 'node:path';
import { PLAN_FILE } from '../../core/review/fanout.js';
import type { WorktreeContext, WorktreeRecord } from './types.js';

export async function handOffPlan(ctx: WorktreeContext, record: WorktreeRecord, plan: string): Promise<void> {
  const common = (await ctx.git.exec(record.worktreePath, ['rev-parse', '--git-common-dir'])).stdout.trim();
  const gitDir = isAbsolute(common) ? common : join(record.worktreePath, common);
  await ctx.files.appendLineOnce(join(gitDir, 'info', 'exclude'), `/${PLAN_FILE}`);
  if ((await ctx.files.writeNewFile(record.worktreePath, PLAN_FILE, plan)) === 'exists') {
    throw new Error(`${PLAN_FILE} is already in the branch's files: the plan would overwrite it`);
  }
}
