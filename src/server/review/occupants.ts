/**
 * The other sessions working in a worktree: a shell opened there with prefix o, or `grove new --cwd` into
 * it. Removing the worktree ends them too, before git removes the folder, or they would go on running
 * (or sit listed as exited) in a folder that no longer exists. They are ended the way the worktree
 * session itself is, through the host, so they leave the session list as it does.
 */
import { isWithin } from '../../core/git/paths.js';
import { listForMessage } from '../../core/git/refusal.js';
import type { SessionInfo } from '../../core/session/session.js';
import type { LocalSessionHost } from '../local-host.js';
import type { WorktreeFiles } from '../worktrees/index.js';

/** How long a session gets to exit once told to end, past which the removal is refused. */
export const DEFAULT_END_WITHIN_MS = 10_000;

/** Every session but `owner` whose folder, symlinks resolved, is `worktreePath` or below it. */
export async function occupantsOf(
  sessions: readonly SessionInfo[],
  owner: SessionInfo,
  worktreePath: string,
  files: Pick<WorktreeFiles, 'realpath'>,
): Promise<SessionInfo[]> {
  const folder = (await files.realpath(worktreePath)) ?? worktreePath;
  const others = sessions.filter((s) => s.id !== owner.id);
  const folders = await Promise.all(others.map(async (s) => (await files.realpath(s.cwd)) ?? s.cwd));
  return others.filter((_, i) => isWithin(folder, folders[i]!));
}

/**
 * Refuses to end a session nobody was told about: one opened in the worktree after the report was shown,
 * or any at all when the removal was not asked for by a person (cleanup after a merge).
 */
export function assertAnnounced(owner: string, occupants: readonly SessionInfo[], announced: readonly string[]): void {
  const unannounced = occupants.filter((s) => !announced.includes(s.id)).map((s) => s.name);
  if (unannounced.length === 0) return;
  const one = unannounced.length === 1;
  throw new Error(
    `${listForMessage(unannounced, 5)} ${one ? 'is' : 'are'} open in the worktree of ${owner} too; ` +
      `removing ${owner} again says so first and ends ${one ? 'it' : 'them'}`,
  );
}

/**
 * Ends a session through the host, as `grove kill` does. The host waits for the program to exit however
 * long that takes; a removal must not hang on a program that cannot be ended, so this gives up after
 * `withinMs` (the host may still end it later).
 */
export async function endSession(host: LocalSessionHost, session: SessionInfo, withinMs: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`it did not exit within ${seconds(withinMs)}`)), withinMs);
  });
  try {
    await Promise.race([host.kill(session.id), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Ends every occupant at once; rejects with one line naming those that would not end. */
export async function endOccupants(host: LocalSessionHost, owner: string, occupants: readonly SessionInfo[], withinMs: number): Promise<void> {
  const results = await Promise.allSettled(occupants.map((s) => endSession(host, s, withinMs)));
  const failed = occupants.filter((_, i) => results[i]!.status === 'rejected');
  if (failed.length === 0) return;
  const reason = (results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason as Error;
  // The others were told to end at the same moment and did: say so, rather than claim nothing changed.
  const ended = occupants.filter((_, i) => results[i]!.status === 'fulfilled').map((s) => s.name);
  const also = ended.length ? `; ended ${listForMessage(ended, 5)}` : '';
  throw new Error(
    `could not end ${listForMessage(failed.map((s) => s.name), 5)} (open in the worktree of ${owner}): ${reason.message}` +
      `${also}; the worktree and its branch are kept`,
  );
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
