/**
 * How command-line arguments name sessions: by index (as `grove ls` numbers them), by name, or by id.
 */
import type { RemoteHost } from '../client/remote-host.js';
import type { SessionInfo } from '../core/session/session.js';

export async function listSessions(host: RemoteHost): Promise<SessionInfo[]> {
  return (await host.request('list', {})) as SessionInfo[];
}

export async function resolveTarget(host: RemoteHost, target: string): Promise<SessionInfo> {
  const sessions = await listSessions(host);
  const found = sessions.find((s) => s.id === target) ?? sessions.find((s) => s.name === target)
    ?? (/^\d+$/.test(target) ? sessions[Number(target)] : undefined);
  if (!found) throw new Error(`no session ${target} (grove ls lists them)`);
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
