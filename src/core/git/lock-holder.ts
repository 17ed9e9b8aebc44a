/**
 * Who holds a worktree. grove locks a session's worktree while the session lives (`git worktree lock`),
 * with a reason that names the session and the server process running it:
 * "grove session NAME (server pid PID)". A lock means somebody holds the worktree — a grove server on this
 * machine, another tool, a person who put it on a removable disk — and grove never offers to remove a held
 * worktree. The one lock that holds nothing is grove's own whose server process is gone (killed, or the
 * machine restarted): the session died with it, so the worktree is a leftover like any other, still
 * judged by what removing it would lose.
 */
import { cleanLockReason } from './names.js';
import { printable } from '../text/terminal-text.js';

const SERVER_PID = /^grove session (.*) \(server pid (\d+)\)$/u;

/** The lock reason a grove server writes for its session's worktree. */
export function groveLockReason(session: string, serverPid: number): string {
  return cleanLockReason(`grove session ${session} (server pid ${serverPid})`);
}

/**
 * Who holds a worktree locked with `reason` — one phrase to follow "held by" — or undefined when nobody
 * does: grove's own lock from a server process that no longer exists.
 */
export function lockHolder(reason: string, processExists: (pid: number) => boolean): string | undefined {
  const grove = SERVER_PID.exec(reason);
  if (grove) {
    const pid = Number(grove[2]);
    return processExists(pid) ? `session ${printable(grove[1]!)} of the grove server with pid ${pid}` : undefined;
  }
  return `a lock: ${printable(reason) || 'no reason given'} (git worktree unlock releases it)`;
}
