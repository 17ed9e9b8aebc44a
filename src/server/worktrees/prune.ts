/**
 * Finding what grove left behind, and clearing what the user confirms.
 *
 * Three kinds of leftovers, found by reconciling the sessions grove knows about with
 * `git worktree list --porcelain -z` (by real path) and the branches under grove's prefix:
 *   - worktrees inside grove's root that no session owns,
 *   - worktrees whose folder has gone (git still lists them, or a session still points at them),
 *   - branches grove created that no worktree has checked out and no session claims.
 * Each comes with what removing it would lose, and worktrees with their size on disk. A worktree someone
 * holds (a live grove server's session, anyone's lock: lock-holder.ts) is listed as held and never offered. Folders in the root
 * that git does not know are listed as strays, never removed — grove deletes no folder itself. Removal
 * (applyPrune) rescans first and goes through the same rules as `grove rm`.
 */
import { join } from 'node:path';
import type { LossReport } from '../../core/git/loss.js';
import { lockHolder } from '../../core/git/lock-holder.js';
import type { HeldWorktree, JudgedAgainst, MissingWorktree, OrphanBranch, OrphanWorktree, PruneScan } from '../../core/git/prune-report.js';
import { isStrictlyInside } from '../../core/git/paths.js';
import { WorktreeRefusal } from '../../core/git/refusal.js';
import { shortBranch } from '../../core/git/worktree-list.js';
import { layoutFor, realRoot } from './layout.js';
import { assessLoss } from './loss.js';
import { branchesCreatedByGrove, openRepository, recordedBase, type Repository } from './repository.js';
import { type WorktreeContext, type WorktreeRecord } from './types.js';

export type {
  HeldWorktree,
  JudgedAgainst,
  MissingWorktree,
  OrphanBranch,
  OrphanWorktree,
  PruneScan,
} from '../../core/git/prune-report.js';

export async function scanForOrphans(
  ctx: WorktreeContext,
  repoPath: string,
  owned: readonly WorktreeRecord[],
): Promise<PruneScan> {
  const repo = await openRepository(ctx, repoPath);
  const layout = layoutFor(ctx, repo.mainPath);
  const scope: Scope = {
    repo,
    root: await realRoot(ctx, layout, false),
    owned: new Map(
      await Promise.all(
        owned.map(async (r) => [(await ctx.files.realpath(r.worktreePath)) ?? r.worktreePath, r] as const),
      ),
    ),
    known: new Set(),
  };
  const { worktrees, missing, held } = await scanWorktrees(ctx, scope);
  return {
    repoPath: repo.mainPath,
    root: layout.root,
    worktrees,
    missing,
    branches: await scanBranches(ctx, scope),
    held,
    strays: await scanStrays(ctx, scope),
    merged: [],
    checkpoints: [],
  };
}

interface Scope {
  readonly repo: Repository;
  /** grove's root, real path; undefined if it does not exist. */
  readonly root: string | undefined;
  /** Session records by the real path of their worktree. */
  readonly owned: ReadonlyMap<string, WorktreeRecord>;
  /** Real paths of every worktree git lists, filled in by scanWorktrees. */
  readonly known: Set<string>;
}

async function scanWorktrees(ctx: WorktreeContext, scope: Scope) {
  const worktrees: OrphanWorktree[] = [];
  const missing: MissingWorktree[] = [];
  const held: HeldWorktree[] = [];
  const insideRoot = (path: string) => scope.root !== undefined && isStrictlyInside(scope.root, path);
  for (const entry of scope.repo.worktrees) {
    if (entry.isMain) continue;
    const path = (await ctx.files.realpath(entry.path)) ?? entry.path;
    scope.known.add(path);
    const branch = entry.branch ? shortBranch(entry.branch) : undefined;
    const owner = scope.owned.get(path);
    const gone = !(await ctx.files.exists(path));
    const holder = entry.locked === undefined ? undefined : lockHolder(entry.locked, (pid) => ctx.files.processExists(pid));
    if (!owner && holder && (gone || insideRoot(path))) {
      held.push({ path, branch, holder });
    } else if (gone && (owner || insideRoot(path))) {
      missing.push({
        path,
        branch,
        registered: true,
        locked: entry.locked,
        owner,
        ...(await lossOf(ctx, scope.repo, branch, owner)),
      });
    } else if (!gone && !owner && insideRoot(path)) {
      const judged = await lossOf(ctx, scope.repo, branch, undefined, path);
      worktrees.push({ path, branch, locked: entry.locked, sizeBytes: await ctx.files.diskUsage(path), ...judged });
    }
  }
  // Sessions pointing at folders git no longer lists and the disk no longer has.
  for (const [path, owner] of scope.owned) {
    if (scope.known.has(path) || (await ctx.files.exists(path))) continue;
    missing.push({
      path,
      branch: owner.branch,
      registered: false,
      owner,
      ...(await lossOf(ctx, scope.repo, owner.branch, owner)),
    });
  }
  return { worktrees, missing, held };
}

async function scanBranches(ctx: WorktreeContext, scope: Scope): Promise<OrphanBranch[]> {
  const checkedOut = new Set(scope.repo.worktrees.flatMap((w) => (w.branch ? [shortBranch(w.branch)] : [])));
  const claimed = new Set([...scope.owned.values()].map((r) => r.branch));
  const output = await ctx.git.run(scope.repo.mainPath, ['for-each-ref', '--format=%(refname)', 'refs/heads/']);
  const created = await branchesCreatedByGrove(ctx, scope.repo.mainPath);
  const branches: OrphanBranch[] = [];
  for (const branch of output.split('\n').filter(Boolean).map(shortBranch)) {
    if (!created.has(branch) || checkedOut.has(branch) || claimed.has(branch)) continue;
    branches.push({ branch, ...(await lossOf(ctx, scope.repo, branch, undefined)) });
  }
  return branches;
}

async function scanStrays(ctx: WorktreeContext, scope: Scope): Promise<string[]> {
  if (!scope.root) return [];
  const strays: string[] = [];
  for (const name of await ctx.files.listDirectory(scope.root)) {
    const path = join(scope.root, name);
    if (!scope.known.has(path) && !scope.owned.has(path) && (await ctx.files.isDirectory(path))) strays.push(path);
  }
  return strays;
}

/** The loss report for a leftover, judged against its recorded base (or the main checkout's branch). */
async function lossOf(
  ctx: WorktreeContext,
  repo: Repository,
  branch: string | undefined,
  owner: WorktreeRecord | undefined,
  worktreePath?: string,
): Promise<{ loss: LossReport; base: JudgedAgainst }> {
  const recorded = owner ?? (branch ? await recordedBase(ctx, repo.mainPath, branch) : {});
  const base = {
    baseBranch: recorded.baseBranch ?? repo.headBranch ?? 'HEAD',
    baseCommit: recorded.baseCommit ?? repo.headCommit ?? 'HEAD',
  };
  return { loss: await assessLoss(ctx, { repoPath: repo.mainPath, worktreePath, branch, ...base }), base };
}

/** A held worktree is never removed; applyPrune refuses it by name, with who holds it. */
export function assertNotHeld(scan: PruneScan, path: string): void {
  const held = scan.held.find((h) => h.path === path);
  if (held) throw new WorktreeRefusal('locked', `${path} is in use, held by ${held.holder}; nothing removed`);
}
