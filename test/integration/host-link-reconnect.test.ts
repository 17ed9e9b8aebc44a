/**
 * A link to another machine's server, reconnecting over a real socket to a scripted server that, like a
 * loaded one, sends its session list a moment after its welcome. Until that list arrives the link keeps
 * the sessions it had: an empty list in between would take them out of the sidebar, move the focus to
 * another session, and send the user's next keys there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, createConnection, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HostLink } from '../../src/client/hosts/host-link.js';
import { RemoteHost } from '../../src/client/remote-host.js';
import { encodeFrame, FrameDecoder } from '../../src/core/protocol/framing.js';
import { PROTOCOL_VERSION } from '../../src/core/protocol/messages.js';
import type { SessionInfo } from '../../src/core/session/session.js';

const far: SessionInfo = {
  id: 's1', name: 'far', command: 'bash', args: [], cwd: '/home/u', repo: '/home/u', isolation: 'workspace', agent: 'shell',
  status: 'idle', statusSince: 0, title: '', createdAt: 0,
};

let folder: string | undefined;
let server: Server | undefined;
let link: HostLink | undefined;
afterEach(async () => {
  link?.dispose();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** A server that welcomes each client and sends its list `listAfterMs` later; `clients` are the sockets open. */
function scriptedServer(path: string, listAfterMs: number, clients: Socket[]): Promise<Server> {
  const made = createServer((socket) => {
    clients.push(socket);
    const decoder = new FrameDecoder();
    socket.on('error', () => undefined);
    socket.on('data', (chunk) => {
      for (const message of decoder.push(chunk) as { t: string }[]) {
        if (message.t !== 'hello') continue;
        socket.write(encodeFrame({ t: 'welcome', version: PROTOCOL_VERSION, serverPid: process.pid, home: '/home/u' }));
        setTimeout(() => socket.writable && socket.write(encodeFrame({ t: 'sessions', sessions: [far] })), listAfterMs);
      }
    });
  });
  return new Promise((resolve) => made.listen(path, () => resolve(made)));
}

describe('a link to another machine', () => {
  it('keeps its sessions listed while it reconnects, until the server lists them again', async () => {
    folder = mkdtempSync(join(tmpdir(), 'grove-link-'));
    const path = join(folder, 'sock');
    const clients: Socket[] = [];
    server = await scriptedServer(path, 150, clients);
    link = new HostLink('box', async () => {
      const socket = createConnection(path);
      const host = await RemoteHost.handshake(socket, { cwd: '/home/u', grove: '0.0.0', where: 'box' });
      return { host, close: () => socket.destroy(), lastError: () => undefined };
    });
    const lists: string[][] = [];
    link.sessions$.subscribe((list) => lists.push(list.map((s) => s.name)));
    link.start();
    await until(() => lists.some((list) => list.length === 1));
    clients[0]!.destroy();
    await until(() => clients.length === 2 && lists.filter((list) => list.length === 1).length >= 2, 5000);
    // The empty list before the first answer is the link's own start, never one after it.
    const firstListed = lists.findIndex((list) => list.length === 1);
    expect(lists.slice(firstListed)).toEqual(lists.slice(firstListed).map(() => ['far']));
  });
});

async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
