/**
 * A real OpenSSH server on 127.0.0.1, for measuring and testing grove's remote hosts: Debian's `sshd` at a
 * free port, with a host key, a user key, its authorized_keys and an `ssh_config` all made in `folder`, so
 * the machine's own ssh setup is never read or changed. `ssh` is a wrapper that runs ssh with that file
 * (what GROVE_SSH names). Hosts in the ssh_config: `box` (this sshd), `dead` (a port nothing listens on).
 * Used by the benchmark (bench/figures/remote.js) and by the tests (test/e2e/sshd.ts).
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';

export const SSHD = '/usr/sbin/sshd';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function answers(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** @returns {Promise<{ ssh: string, port: number, stop(): Promise<void> }>} */
export async function startSshd(folder) {
  if (!existsSync(SSHD)) throw new Error(`${SSHD} is missing: install Debian's openssh-server (.ci/run does)`);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  for (const key of ['host_key', 'user_key']) execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(folder, key)]);
  copyFileSync(join(folder, 'user_key.pub'), join(folder, 'authorized_keys'));
  chmodSync(join(folder, 'authorized_keys'), 0o600);
  // sshd run by root wants its privilege separation folder.
  if (process.getuid?.() === 0) mkdirSync('/run/sshd', { recursive: true });
  const [port, deadPort] = [await freePort(), await freePort()];
  const user = execFileSync('id', ['-un'], { encoding: 'utf8' }).trim();
  writeFileSync(join(folder, 'sshd_config'), [
    `Port ${port}`, 'ListenAddress 127.0.0.1', `HostKey ${join(folder, 'host_key')}`,
    `AuthorizedKeysFile ${join(folder, 'authorized_keys')}`, `PidFile ${join(folder, 'sshd.pid')}`,
    'UsePAM no', 'StrictModes no', 'PermitRootLogin prohibit-password', 'PasswordAuthentication no',
    'KbdInteractiveAuthentication no', 'LogLevel ERROR', `AllowUsers ${user}`,
  ].join('\n') + '\n');
  const common = ['  HostName 127.0.0.1', `  User ${user}`, `  IdentityFile ${join(folder, 'user_key')}`, '  IdentitiesOnly yes',
    '  StrictHostKeyChecking no', '  UserKnownHostsFile /dev/null', '  LogLevel ERROR', '  BatchMode yes'];
  writeFileSync(join(folder, 'ssh_config'), ['Host box', `  Port ${port}`, ...common, 'Host dead', `  Port ${deadPort}`, ...common].join('\n') + '\n');
  const ssh = join(folder, 'ssh');
  writeFileSync(ssh, `#!/bin/sh\nexec ssh -F ${join(folder, 'ssh_config')} "$@"\n`);
  chmodSync(ssh, 0o755);

  const daemon = spawn(SSHD, ['-D', '-e', '-f', join(folder, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  daemon.stderr.on('data', (chunk) => (errors += chunk.toString()));
  const deadline = Date.now() + 10_000;
  while (!(await answers(port))) {
    if (Date.now() > deadline || daemon.exitCode !== null) {
      daemon.kill();
      throw new Error(`sshd did not listen on ${port}: ${errors}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    ssh,
    port,
    stop: async () => {
      if (daemon.exitCode !== null) return;
      const exited = new Promise((resolve) => daemon.once('exit', resolve));
      daemon.kill('SIGTERM');
      await exited;
    },
  };
}
