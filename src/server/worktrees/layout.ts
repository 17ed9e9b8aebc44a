/**
 * Where grove's worktrees live, and the rule that keeps grove inside that place.
 *
 * By default a repository at /src/app gets its worktrees in the sibling folder /src/app.worktrees/<slug>:
 * outside the main checkout, so tools walking the checkout (watchers, test runners, grep) never see them.
 * Every folder grove creates or removes must resolve, after symlinks, strictly inside that root.
 */
import { isAbsolute, join, resolve } from 'node:path';
import { compileGlobs, type Glob } from '../../core/git/glob.js';
import { branchPrefixProblem } from '../../core/git/names.js';
import { isStrictlyInside } from '../../core/git/paths.js';
import { WorktreeRefusal } from '../../core/git/refusal.js';
import { DEFAULT_BRANCH_PREFIX, DEFAULT_COPY_IGNORED, type WorktreeContext } from './types.js';

export interface Layout {
  /** grove's worktree root for this repository (may not exist yet). */
  readonly root: string;
  readonly branchPrefix: string;
  readonly copyIgnored: readonly Glob[];
}

export function layoutFor(ctx: WorktreeContext, mainPath: string): Layout {
  const { root, branchPrefix = DEFAULT_BRANCH_PREFIX, copyIgnored = DEFAULT_COPY_IGNORED } = ctx.config;
  const problem = branchPrefixProblem(branchPrefix);
  if (problem) throw new WorktreeRefusal('bad-name', problem);
  return {
    root: root === undefined ? `${mainPath}.worktrees` : isAbsolute(root) ? resolve(root) : resolve(mainPath, root),
    branchPrefix,
    copyIgnored: compileGlobs(copyIgnored),
  };
}

/** The root's real path, creating the folder when asked to. Undefined if it does not exist. */
export async function realRoot(ctx: WorktreeContext, layout: Layout, create: boolean): Promise<string | undefined> {
  if (create) await ctx.files.ensureDirectory(layout.root);
  return ctx.files.realpath(layout.root);
}

/**
 * The real path of `path`, refused unless it is strictly inside the root. A folder that is gone is
 * judged by its parent's real path, so a stale entry can still be cleaned up, but never one elsewhere.
 */
export async function assertInsideRoot(ctx: WorktreeContext, layout: Layout, path: string): Promise<string> {
  const root = await ctx.files.realpath(layout.root);
  const real = (await ctx.files.realpath(path)) ?? (await realParentJoin(ctx, path));
  if (!root || !real || !isStrictlyInside(root, real)) {
    throw new WorktreeRefusal(
      'outside-root',
      `${path} is not inside grove's worktree folder ${layout.root}; grove leaves it alone`,
    );
  }
  return real;
}

async function realParentJoin(ctx: WorktreeContext, path: string): Promise<string | undefined> {
  const absolute = resolve(path);
  const cut = absolute.lastIndexOf('/');
  const parent = await ctx.files.realpath(absolute.slice(0, cut) || '/');
  return parent ? join(parent, absolute.slice(cut + 1)) : undefined;
}
