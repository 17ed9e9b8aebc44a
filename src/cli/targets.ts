/**
 * How command-line arguments name sessions: by id, by name, or by index as `grove ls` run in the same
 * folder numbers them — the one resolver of core/session/targets.ts, with this folder's repository.
 */
import type { RemoteHost } from '../client/remote-host.js';
import type { SessionInfo } from '../core/session/session.js';
import { findTarget, listedSessions } from '../core/session/targets.js';
import { repositoryOf } from '../io/repository.js';

export async function listSessions(host: RemoteHost): Promise<SessionInfo[]> {
  return host.request('list', {});
}

/** The session `target` names, with indexes counted as the UI started in `cwd` counts them. */
export async function resolveTarget(host: RemoteHost, target: string, cwd: string): Promise<SessionInfo> {
  const sessions = await listSessions(host);
  const found = findTarget(sessions, listedSessions(sessions, repositoryOf(cwd)), target);
  if (typeof found === 'string') throw new Error(found);
  return found;
}

/** Runs `use` with a connection and always hangs up afterwards. */
export async function withHost<T>(connect: Promise<RemoteHost>, use: (host: RemoteHost) => Promise<T>): Promise<T> {
  const host = await connect;
  try {
    return await use(host);
  } finally {
    await host.dispose();
  }
}
