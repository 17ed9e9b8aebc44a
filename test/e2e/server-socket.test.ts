/**
 * The socket is the door to every session, so grove guards it as tmux does: a folder that is not
 * private is refused, a dead server's leftover socket is replaced, and a client and server of different
 * protocol versions say so instead of misreading each other.
 */
import { spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeFrame, FrameDecoder } from '../../src/core/protocol/framing.js';
import { PROTOCOL_VERSION } from '../../src/core/protocol/messages.js';
import { groveSandbox, type GroveSandbox } from './grove.js';

describe('the server socket', () => {
  let sandbox: GroveSandbox;
  let socketDir: string;
  beforeEach(() => {
    sandbox = groveSandbox();
    socketDir = join(sandbox.env.XDG_RUNTIME_DIR!, 'grove');
  });
  afterEach(() => sandbox.dispose());

  it('creates its folder private, and its socket for its owner only', async () => {
    expect((await sandbox.cli(['new', '--', 'sleep', '30'])).code).toBe(0);
    const { statSync } = await import('node:fs');
    expect(statSync(socketDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(socketDir, 'default')).mode & 0o777).toBe(0o600);
  });

  it('refuses a socket folder open to others, with one line, and leaves it as it was', async () => {
    mkdirSync(socketDir, { mode: 0o755 });
    chmodSync(socketDir, 0o755);
    const result = await sandbox.cli(['new', '--', 'sleep', '30']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^grove: socket folder .* is open to other users \(mode 755\); refusing to use it/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect((await import('node:fs')).statSync(socketDir).mode & 0o777).toBe(0o755);
  });

  it.runIf(process.getuid?.() === 0)('refuses a socket folder that belongs to another user', async () => {
    mkdirSync(socketDir, { mode: 0o700 });
    chownSync(socketDir, 65534, 65534);
    const result = await sandbox.cli(['ls']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^grove: socket folder .* belongs to another user \(uid 65534\); refusing to use it$/m);
    chownSync(socketDir, 0, 0);
  });

  it('replaces the stale socket a killed server left behind', async () => {
    mkdirSync(socketDir, { mode: 0o700 });
    const path = join(socketDir, 'default');
    const holder = spawn(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(path)}, () => console.log('up'))`]);
    await new Promise((resolve) => holder.stdout.once('data', resolve));
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    expect(existsSync(path)).toBe(true);
    const result = await sandbox.cli(['new', '--name', 'after-stale', '--', 'sleep', '30']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('after-stale\n');
  });

  it('says so when the server speaks another protocol version', async () => {
    mkdirSync(socketDir, { mode: 0o700 });
    const path = join(socketDir, 'default');
    const impostor = createServer((socket) => {
      socket.once('data', () => socket.end(Buffer.from(encodeFrame({ t: 'welcome', version: PROTOCOL_VERSION + 1, serverPid: 1 }))));
    });
    await new Promise<void>((resolve) => impostor.listen(path, resolve));
    try {
      const result = await sandbox.cli(['ls']);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`^grove: the grove server runs another grove, protocol ${PROTOCOL_VERSION + 1}; this is grove [^,]+, protocol ${PROTOCOL_VERSION}: stop it with \`grove server stop\``, 'u'));
    } finally {
      impostor.close();
    }
  });

  it('refuses a client of another protocol version, telling it what to do', async () => {
    expect((await sandbox.cli(['new', '--', 'sleep', '30'])).code).toBe(0);
    const socket = connect(join(socketDir, 'default'));
    const decoder = new FrameDecoder();
    const reply = new Promise<unknown[]>((resolve) => socket.on('data', (chunk) => resolve(decoder.push(chunk))));
    socket.write(encodeFrame({ t: 'hello', version: PROTOCOL_VERSION + 7, pid: 1, cwd: '/' }));
    const [message] = await reply;
    socket.destroy();
    expect(message).toMatchObject({ t: 'refused', version: PROTOCOL_VERSION, reason: expect.stringMatching(/grove server stop/) });
    expect((await sandbox.cli(['ls'])).code).toBe(0);
  });
});
