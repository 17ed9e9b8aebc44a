/**
 * Finding the server, starting it when there is none, and the server process's own entry point.
 *
 * A client connects to the socket; if nothing answers and it may start one, it launches
 * `grove server run` detached (its own session, no terminal, output to the log in grove's state folder)
 * and waits for the socket to answer. The server, not the client, cleans up a stale socket file.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, closeSync, appendFileSync } from 'node:fs';
import { connect as netConnect, type Socket } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RemoteHost } from '../client/remote-host.js';
import { fsLaunchChecks } from '../io/launch-checks.js';
import { nodePtySpawner } from '../io/pty.js';
import { ensurePrivateFolder, stateFolder, type SocketLocation } from '../io/socket-path.js';
import { LocalSessionHost } from '../server/local-host.js';
import { GroveServer } from '../server/server.js';
import { StateStore } from '../server/state-store.js';
import { reviewServiceFor } from './server-review.js';
import { SimpleGitPort } from '../io/git.js';
import { repositoryOf } from '../io/repository.js';
import { watchFolder } from '../io/watch.js';
import { ChangeService } from '../server/review/change-service.js';
import { loadServerSettings } from './server-settings.js';

const START_TIMEOUT_MS = 8000;
const GROVE_BIN = fileURLToPath(new URL('../../bin/grove.js', import.meta.url));

function uid(): number {
  return process.getuid?.() ?? 0;
}

function tryConnect(path: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = netConnect(path);
    socket.once('connect', () => {
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

function nobodyThere(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ECONNREFUSED';
}

export interface ConnectOptions {
  /** Start a server when none is running (the UI and `grove new` do; `grove ls` does not). */
  readonly start: boolean;
  readonly cwd: string;
}

export async function connectToServer(location: SocketLocation, options: ConnectOptions): Promise<RemoteHost> {
  ensurePrivateFolder(location.path, uid());
  let socket: Socket;
  try {
    socket = await tryConnect(location.path);
  } catch (err) {
    if (!nobodyThere(err)) throw new Error(`cannot reach the grove server at ${location.path}: ${(err as Error).message}`);
    if (!options.start) throw new Error(`no grove server is running (socket ${location.path})`);
    socket = await startServer(location);
  }
  return RemoteHost.handshake(socket, options.cwd);
}

async function startServer(location: SocketLocation): Promise<Socket> {
  const folder = stateFolder(process.env, homedir(), location.name);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const logFd = openSync(join(folder, 'server.log'), 'a', 0o600);
  const child = spawn(process.execPath, [GROVE_BIN, 'server', 'run'], {
    detached: true,
    stdio: ['ignore', logFd, logFd],
    // Sessions inherit this, so `grove ls` typed inside a session reaches the server that runs it.
    env: { ...process.env, GROVE_SOCKET: location.path },
  });
  child.unref();
  closeSync(logFd);
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    try {
      return await tryConnect(location.path);
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`the grove server did not start (see ${join(folder, 'server.log')}): ${(err as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** `grove server run`: the server process itself. Resolves when it has stopped. */
export async function runServer(location: SocketLocation): Promise<number> {
  ensurePrivateFolder(location.path, uid());
  const folder = stateFolder(process.env, homedir(), location.name);
  const logPath = join(folder, 'server.log');
  const log = (line: string) => {
    try {
      appendFileSync(logPath, `${new Date().toISOString()} ${line}\n`, { mode: 0o600 });
    } catch {
      /* logging must never take the server down */
    }
  };
  const store = new StateStore(folder);
  const { records, warning } = store.load();
  if (warning) log(warning);
  const settings = await loadServerSettings(process.env, folder, log);
  const host = new LocalSessionHost({ spawner: nodePtySpawner, checks: fsLaunchChecks, env: process.env, ...settings });
  host.restore(records.map(({ lastStatus: _status, branch: _branch, ...session }) => session));
  const review = reviewServiceFor(host, process.env, log);
  const changes = new ChangeService(host, new SimpleGitPort({ env: process.env }), watchFolder, log, repositoryOf);
  const server = new GroveServer({ socketPath: location.path, host, store, log, review, changes });
  await server.listen();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void server.stop());
  process.on('SIGHUP', () => log('ignored SIGHUP'));
  process.on('uncaughtException', (err) => log(`uncaught: ${err.stack ?? err.message}`));
  process.on('unhandledRejection', (err) => log(`unhandled rejection: ${String(err)}`));
  await server.stopped;
  changes.dispose();
  // The sessions' last turns are being committed and their worktrees unlocked: let that finish.
  await review.dispose();
  log('stopped');
  return 0;
}
