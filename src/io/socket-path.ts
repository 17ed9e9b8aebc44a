/**
 * Where a grove server listens, and the checks that keep its socket private.
 *
 * As with tmux, the socket lives in a folder only its user can enter: `$XDG_RUNTIME_DIR/grove/` or else
 * `/tmp/grove-<uid>/`, mode 0700. Anyone who can connect can type into every session, so a folder owned by
 * someone else or open to group or others is refused rather than repaired: it may be an attack, and
 * chmod-ing it would hide that. `-L NAME` picks a socket by name in that folder; `GROVE_SOCKET` names a
 * path outright (tests use their own).
 */
import { chmodSync, lstatSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export interface SocketLocation {
  readonly path: string;
  /** The server's name: the socket's file name ("default" unless -L says otherwise). */
  readonly name: string;
}

const NAME_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

export function socketLocation(env: NodeJS.ProcessEnv, uid: number, name?: string): SocketLocation {
  if (name !== undefined && !NAME_PATTERN.test(name)) {
    throw new Error(`bad server name '${name}': use letters, digits, '.', '_' or '-'`);
  }
  if (env.GROVE_SOCKET && name === undefined) {
    const path = env.GROVE_SOCKET;
    return { path, name: path.split('/').pop() || 'default' };
  }
  const base = env.XDG_RUNTIME_DIR ? join(env.XDG_RUNTIME_DIR, 'grove') : `/tmp/grove-${uid}`;
  return { path: join(base, name ?? 'default'), name: name ?? 'default' };
}

/** Creates the socket's folder (0700) if missing; throws a one-line reason if it is not private. */
export function ensurePrivateFolder(socketPath: string, uid: number): void {
  const folder = dirname(socketPath);
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new Error(`cannot create socket folder ${folder}: ${(err as Error).message}`);
  }
  const stat = lstatSync(folder);
  if (!stat.isDirectory()) throw new Error(`socket folder ${folder} is not a folder`);
  if (stat.uid !== uid) throw new Error(`socket folder ${folder} belongs to another user (uid ${stat.uid}); refusing to use it`);
  if ((stat.mode & 0o077) !== 0) {
    const mode = (stat.mode & 0o777).toString(8);
    throw new Error(`socket folder ${folder} is open to other users (mode ${mode}); refusing to use it (chmod 700 it if that is intended)`);
  }
}

/** Restricts a freshly bound socket to its owner. */
export function makeSocketPrivate(socketPath: string): void {
  chmodSync(socketPath, 0o600);
}

/** grove's state folder for a server: records and the server log. */
export function serverStateFolder(env: NodeJS.ProcessEnv, serverName: string): string {
  const base = env.XDG_STATE_HOME ? join(env.XDG_STATE_HOME, 'grove') : join(homedir(), '.local', 'state', 'grove');
  return join(base, serverName);
}
