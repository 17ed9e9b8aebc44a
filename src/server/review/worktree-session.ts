/**
 * Starting a worktree session: the worktree first, then the program inside it.
 *
 * Everything that can be refused without git — the session's name — is checked before the worktree is
 * made, so a bad request leaves nothing behind. A worktree that cannot be made is refused with the
 * engine's reason, prefixed so the caller can offer workspace isolation instead; grove never starts the
 * session in the checkout on its own. If the program then cannot be started, the fresh worktree (which
 * holds nothing yet) is removed again.
 */
import { join } from 'node:path';
import { isStrictlyInside } from '../../core/git/paths.js';
import type { WorktreeRecord } from '../../core/git/review.js';
import { CANNOT_CREATE_WORKTREE } from '../../core/review/review-port.js';
import type { CreateSessionRequest } from '../../core/session/host.js';
import { defaultName, nameProblem } from '../../core/session/naming.js';
import type { SessionInfo } from '../../core/session/session.js';
import type { LocalSessionHost } from '../local-host.js';
import type { CreatedWorktree, WorktreeEngine, WorktreeFiles } from '../worktrees/index.js';

export interface WorktreeSessionDeps {
  readonly host: LocalSessionHost;
  readonly files: WorktreeFiles;
  readonly engine: WorktreeEngine;
  log(line: string): void;
}

export async function createWorktreeSession(deps: WorktreeSessionDeps, request: CreateSessionRequest): Promise<SessionInfo> {
  const { host, engine } = deps;
  const taken = new Set(host.list().map((s) => s.name));
  const name = request.name?.trim() || defaultName(request.command, taken);
  const problem = nameProblem(name);
  if (problem) throw new Error(problem);
  if (taken.has(name)) throw new Error(`a session named '${name}' already exists`);

  let created: CreatedWorktree;
  try {
    created = await engine.create({
      repoPath: request.cwd,
      name,
      ...(request.branch !== undefined ? { branch: request.branch } : {}),
      ...(request.base !== undefined ? { base: request.base } : {}),
    });
  } catch (error) {
    throw new Error(`${CANNOT_CREATE_WORKTREE}: ${(error as Error).message}`);
  }
  const { record, reusedBranch } = created;
  const { branch: _branch, base: _base, plan, ...rest } = request;
  try {
    if (plan !== undefined) await engine.handOffPlan(record, plan);
    const cwd = await sameFolderIn(deps.files, request.cwd, record);
    return await host.create({ ...rest, name, cwd, isolation: 'worktree', worktree: record });
  } catch (error) {
    await engine.remove(record, { deleteBranch: !reusedBranch }).catch((cleanup: Error) => {
      deps.log(`could not remove the worktree of a session that failed to start: ${cleanup.message}`);
    });
    throw error;
  }
}

/** A session asked for in a subfolder of the checkout starts in the same subfolder of its worktree. */
export function sameFolderIn(files: WorktreeFiles, cwd: string, record: WorktreeRecord): Promise<string> {
  return sameFolderUnder(files, cwd, record.repoPath, record.worktreePath);
}

/** `cwd`'s place under `from` (symlinks resolved), taken under `to` where that folder exists; else `to` itself. */
export async function sameFolderUnder(files: WorktreeFiles, cwd: string, from: string, to: string): Promise<string> {
  const real = await files.realpath(cwd);
  if (!real || !isStrictlyInside(from, real)) return to;
  const inside = join(to, real.slice(from.length + 1));
  return (await files.isDirectory(inside)) ? inside : to;
}
