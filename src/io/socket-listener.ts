/**
 * The server's listening socket: a unix socket at a private path. A leftover file from a dead server is
 * replaced; a live server answering there is refused. On the way out, the file is removed only if it is
 * still this listener's — a newer server may have taken the path since.
 */
import { existsSync, statSync, unlinkSync } from 'node:fs';
import { createConnection, createServer, type Socket } from 'node:net';
import { makeSocketPrivate } from './socket-path.js';

export interface SocketListener {
  /** Stops accepting connections (open ones are the caller's). */
  close(): void;
  /** Unlinks the socket file if it is still the one this listener made. */
  removeIfOurs(): void;
}

export async function listenOnSocket(path: string, accept: (socket: Socket) => void, log: (line: string) => void): Promise<SocketListener> {
  if (existsSync(path)) {
    if (await answers(path)) throw new Error(`a grove server is already running on ${path}`);
    unlinkSync(path);
    log(`replaced a stale socket at ${path}`);
  }
  const server = createServer(accept);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  makeSocketPrivate(path);
  const inode = statSync(path).ino;
  return {
    close: () => void server.close(),
    removeIfOurs: () => {
      try {
        if (statSync(path).ino === inode) unlinkSync(path);
      } catch {
        /* already gone */
      }
    },
  };
}

/** Whether something accepts connections on this socket (a live server), within a short wait. */
function answers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createConnection(path);
    const done = (alive: boolean) => {
      probe.destroy();
      resolve(alive);
    };
    probe.once('connect', () => done(true));
    probe.once('error', () => done(false));
    setTimeout(() => done(false), 1000).unref();
  });
}
