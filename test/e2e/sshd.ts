/**
 * A real OpenSSH server for the remote-host tests: Debian's `sshd` on 127.0.0.1 at a free port, with a
 * host key, a user key, its authorized_keys and an `ssh_config` all made in a temp folder, so the
 * machine's own ssh setup is never read or changed. `GROVE_SSH` points grove at a wrapper that runs ssh
 * with that file. The "remote" grove is this checkout's, run by the remote shell with a sandbox of its
 * own (HOME, XDG folders, socket): another machine, as far as either grove can tell.
 *
 * Hosts in the ssh_config: `box` (this sshd), `dead` (a port nothing listens on).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { shellQuote } from '../../src/core/hosts/remote.js';
import { GROVE_BIN } from './grove.js';
import { makeSandbox, type Sandbox } from './harness.js';

const SSHD = '/usr/sbin/sshd';

export interface SshServer {
  /** The wrapper to set as GROVE_SSH. */
  readonly ssh: string;
  readonly port: number;
  /** The other machine's sandbox: its HOME, XDG folders and server socket. */
  readonly remote: Sandbox;
  /** The command that runs the other machine's grove, as its shell reads it (a host's `grove` setting). */
  readonly grove: string;
  /** Ends sshd (and so every connection it serves). */
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startSshd(dir: string): Promise<SshServer> {
  if (!existsSync(SSHD)) throw new Error(`${SSHD} is missing: install Debian's openssh-server (.ci/run does)`);
  const folder = join(dir, 'sshd');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  for (const key of ['host_key', 'user_key']) execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(folder, key)]);
  execFileSync('cp', [join(folder, 'user_key.pub'), join(folder, 'authorized_keys')]);
  chmodSync(join(folder, 'authorized_keys'), 0o600);
  // sshd run by root wants its privilege separation folder.
  if (process.getuid?.() === 0) mkdirSync('/run/sshd', { recursive: true });
  const port = await freePort();
  const user = execFileSync('id', ['-un'], { encoding: 'utf8' }).trim();
  writeFileSync(join(folder, 'sshd_config'), [
    `Port ${port}`, 'ListenAddress 127.0.0.1', `HostKey ${join(folder, 'host_key')}`,
    `AuthorizedKeysFile ${join(folder, 'authorized_keys')}`, `PidFile ${join(folder, 'sshd.pid')}`,
    'UsePAM no', 'StrictModes no', 'PermitRootLogin prohibit-password', 'PasswordAuthentication no',
    'KbdInteractiveAuthentication no', 'LogLevel ERROR', `AllowUsers ${user}`,
  ].join('\n') + '\n');
  const common = ['  HostName 127.0.0.1', `  User ${user}`, `  IdentityFile ${join(folder, 'user_key')}`, '  IdentitiesOnly yes',
    '  StrictHostKeyChecking no', `  UserKnownHostsFile /dev/null`, '  LogLevel ERROR', '  BatchMode yes'];
  const deadPort = await freePort();
  writeFileSync(join(folder, 'ssh_config'), [`Host box`, `  Port ${port}`, ...common, `Host dead`, `  Port ${deadPort}`, ...common].join('\n') + '\n');
  const ssh = join(folder, 'ssh');
  writeFileSync(ssh, `#!/bin/sh\nexec ssh -F ${join(folder, 'ssh_config')} "$@"\n`);
  chmodSync(ssh, 0o755);

  const daemon: ChildProcess = spawn(SSHD, ['-D', '-e', '-f', join(folder, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  daemon.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  await waitForPort(port, () => errors);

  const remote = makeSandbox();
  const env = Object.entries(remote.env).map(([name, value]) => `${name}=${shellQuote(value)}`).join(' ');
  return {
    ssh,
    port,
    remote,
    grove: `env ${env} ${shellQuote(process.execPath)} ${shellQuote(GROVE_BIN)}`,
    stop: async () => {
      if (daemon.exitCode === null) {
        const exited = new Promise((resolve) => daemon.once('exit', resolve));
        daemon.kill('SIGTERM');
        await exited;
      }
      try {
        execFileSync(process.execPath, [GROVE_BIN, 'server', 'stop'], { env: remote.env, stdio: 'ignore', timeout: 10_000 });
      } catch {
        // No server ran there.
      }
      remote.cleanup();
    },
  };
}

async function waitForPort(port: number, errors: () => string): Promise<void> {
  const { connect } = await import('node:net');
  const deadline = Date.now() + 10_000;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => [socket.destroy(), resolve(true)]);
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`sshd did not listen on ${port}: ${errors()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
