/**
 * One file as two variants have it (`grove compare A B --file PATH`): their worktrees' copies, as they
 * are now (committed or not), diffed against each other with `git diff --no-index`, named by each
 * worktree's folder so the header says whose side is whose. A file one of them does not have shows as
 * added or deleted. The path must stay inside the worktrees.
 */
import { dirname, join, relative } from 'node:path';
import { WorktreeRefusal } from '../../core/git/refusal.js';
import type { WorktreeContext, WorktreeRecord } from './types.js';

/** Why `path` cannot name a file inside a worktree, or undefined when it can. */
function pathProblem(path: string): string | undefined {
  if (path === '' || path.startsWith('/') || path.split('/').some((part) => part === '..' || part === '.git')) {
    return `${JSON.stringify(path)} is not a path inside the worktree`;
  }
  return undefined;
}

export async function compareFile(ctx: WorktreeContext, a: WorktreeRecord, b: WorktreeRecord, path: string): Promise<string> {
  const problem = pathProblem(path);
  if (problem) throw new WorktreeRefusal('bad-path', problem);
  // From the folder both worktrees live in, the header reads `a/auth-1/src/x.ts b/auth-2/src/x.ts`.
  const from = dirname(a.worktreePath) === dirname(b.worktreePath) ? dirname(a.worktreePath) : '/';
  const side = async (record: WorktreeRecord) => {
    const file = join(record.worktreePath, path);
    return (await ctx.files.exists(file)) ? relative(from, file) || file : '/dev/null';
  };
  const [left, right] = [await side(a), await side(b)];
  if (left === '/dev/null' && right === '/dev/null') throw new WorktreeRefusal('bad-path', `neither variant has ${path}`);
  const result = await ctx.git.exec(from, ['diff', '--no-index', '--no-color', '--', left, right], { okExitCodes: [0, 1] });
  return result.stdout;
}
