/**
 * The client's side of finding the server's socket, and starting the server when there is none.
 *
 * A client connects to the socket; if nothing answers and it may start one, it launches
 * `grove server run` detached (its own session, no terminal, output to the log in grove's state folder)
 * and waits for the socket to answer. The server, not the client, cleans up a stale socket file. This
 * module is the client's side only: the UI must not pay for loading the server's code (node-pty, the
 * emulator, git) to connect to a server that is already running.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { connect as netConnect, type Socket } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverArguments } from './server-launch.js';
import { ensurePrivateFolder, serverStateFolder, type SocketLocation } from './socket-path.js';

const START_TIMEOUT_MS = 8000;
const GROVE_BIN = fileURLToPath(new URL('../../bin/grove.js', import.meta.url));

/** The command line that runs this grove (`node bin/grove.js`), for agents' hooks to call. */
export function groveCommand(): string[] {
  return [process.execPath, GROVE_BIN];
}

/** This process's user id (0 where there is none). */
export function uid(): number {
  return process.getuid?.() ?? 0;
}

/** A connected socket to the server at `location`, started first when `start` allows and none answers. */
export async function connectSocket(location: SocketLocation, start: boolean): Promise<Socket> {
  ensurePrivateFolder(location.path, uid());
  try {
    return await tryConnect(location.path);
  } catch (err) {
    if (!nobodyThere(err)) throw new Error(`cannot reach the grove server at ${location.path}: ${(err as Error).message}`);
    if (!start) throw new Error(`no grove server is running (socket ${location.path})`);
    return startServer(location);
  }
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

async function startServer(location: SocketLocation): Promise<Socket> {
  const folder = serverStateFolder(process.env, location.name);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const logFd = openSync(join(folder, 'server.log'), 'a', 0o600);
  const child = spawn(process.execPath, serverArguments(GROVE_BIN), {
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
