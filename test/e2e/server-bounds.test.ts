/**
 * Nothing a client sends makes the server grow without bound or stop answering (issue 16.3). Before: a
 * resize to 10,000 × 10,000 took the server from 319 MB to 2 GB and `grove ls` to 8.6 s; connections
 * that never said hello were held forever; a program's unterminated 10 MB control strings stayed in memory.
 */
import { readFileSync } from 'node:fs';
import { createConnection, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeFrame } from '../../src/core/protocol/framing.js';
import { HELLO_TIMEOUT_MS, MAX_CONNECTIONS } from '../../src/core/protocol/limits.js';
import { PROTOCOL_VERSION } from '../../src/core/protocol/messages.js';
import { groveSandbox, serverPid, until, type GroveSandbox } from './grove.js';

const MB = 1024 * 1024;

describe('the server’s bounds', () => {
  let sandbox: GroveSandbox;
  const sockets: Socket[] = [];
  const socketPath = () => join(sandbox.env.XDG_RUNTIME_DIR!, 'grove', 'default');
  const logText = () => readFileSync(join(sandbox.env.XDG_STATE_HOME!, 'grove', 'default', 'server.log'), 'utf8');
  const rss = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${serverPid(sandbox)}/status`, 'utf8'))![1]) * 1024;
  const connect = (): Promise<Socket> =>
    new Promise((done, fail) => {
      const socket = createConnection(socketPath());
      sockets.push(socket);
      socket.once('connect', () => done(socket)).once('error', fail);
    });
  const closed = (socket: Socket) => new Promise<void>((done) => (socket.destroyed ? done() : socket.once('close', () => done())));
  /** `grove ls` answers, and how long it took. */
  const ls = async () => {
    const started = Date.now();
    const result = await sandbox.cli(['ls']);
    expect(result.code).toBe(0);
    return Date.now() - started;
  };

  beforeEach(async () => {
    sandbox = groveSandbox();
    expect((await sandbox.cli(['new', '--name', 'shell', '--', 'sleep', '600'])).code).toBe(0);
  });
  afterEach(async () => {
    sockets.splice(0).forEach((socket) => socket.destroy());
    await sandbox.dispose();
  });

  it('drops a client asking for a pane of 10,000 × 10,000, and stays small and quick', async () => {
    const id = (JSON.parse((await sandbox.cli(['ls', '--json'])).stdout) as { id: string }[])[0]!.id;
    const before = rss();
    const socket = await connect();
    socket.on('data', () => undefined);
    socket.write(encodeFrame({ t: 'hello', version: PROTOCOL_VERSION, pid: process.pid, cwd: sandbox.project }));
    socket.write(encodeFrame({ t: 'resize', session: id, cols: 10_000, rows: 10_000 }));
    await closed(socket);
    expect(logText()).toContain('client dropped: malformed message');
    expect(await ls()).toBeLessThan(5_000);
    expect(rss() - before).toBeLessThan(50 * MB);
  });

  it('closes connections that never say hello, and refuses more than it can hold', async () => {
    const silent = await Promise.all(Array.from({ length: MAX_CONNECTIONS + 40 }, () => connect()));
    // The ones past the bound are closed at once; the rest when their time to say hello is up.
    await Promise.all(silent.slice(MAX_CONNECTIONS).map(closed));
    expect(logText()).toContain(`refusing connections: ${MAX_CONNECTIONS} are open already`);
    await Promise.all(silent.map(closed));
    expect(logText()).toContain(`client dropped: said no hello within ${HELLO_TIMEOUT_MS / 1000} s`);
    expect(await ls()).toBeLessThan(5_000);
  }, 30_000);

  it('drops a client whose message is larger than any a client sends', async () => {
    const socket = await connect();
    const head = Buffer.alloc(4);
    head.writeUInt32BE(32 * MB);
    socket.write(head);
    await closed(socket);
    expect(logText()).toMatch(/client dropped: message of 33554432 bytes is over the limit/);
  });

  it('keeps no more than its bound of a program’s unterminated control strings', async () => {
    const before = rss();
    // Three programs each open an OSC, a DCS and an APC and pour 30 MB into each, never ending them: kept,
    // that would be 270 MB. What the server's heaps (its own and its emulator threads') leave as garbage
    // until they collect it stays about the same whatever is poured: ~180 MB.
    const pour = 'for k in "]2;" "P1;" "_G"; do printf "\\033$k"; head -c 30000000 /dev/zero | tr "\\0" x; done; echo; sleep 600';
    for (const name of ['osc1', 'osc2', 'osc3']) expect((await sandbox.cli(['new', '--name', name, '--', 'bash', '-c', pour])).code).toBe(0);
    await until(async () => {
      const list = JSON.parse((await sandbox.cli(['ls', '--json'])).stdout) as { name: string; status: string }[];
      return list.filter((s) => s.name.startsWith('osc')).every((s) => s.status !== 'working');
    }, 'the programs to finish pouring', 60_000);
    expect(await ls()).toBeLessThan(5_000);
    expect(rss() - before).toBeLessThan(250 * MB);
  }, 90_000);
});
