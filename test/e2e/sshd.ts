/**
 * Another machine for the remote-host tests: a real sshd on 127.0.0.1 (bench/lib/sshd.js: keys and
 * ssh_config in a temp folder, the machine's own ssh setup untouched), and this checkout's grove as that
 * machine's, run by the remote shell with a sandbox of its own (HOME, XDG folders, socket) — another
 * machine, as far as either grove can tell. Set GROVE_SSH to `ssh` to reach it as `box`.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startSshd as startDaemon } from '../../bench/lib/sshd.js';
import { shellQuote } from '../../src/core/hosts/remote.js';
import { GROVE_BIN } from './grove.js';
import { makeSandbox, type Sandbox } from './harness.js';

export interface SshServer {
  /** The wrapper to set as GROVE_SSH. */
  readonly ssh: string;
  /** The other machine's sandbox: its HOME, XDG folders and server socket. */
  readonly remote: Sandbox;
  /** The command that runs the other machine's grove, as its shell reads it (a host's `grove` setting). */
  readonly grove: string;
  /** Stops that machine's grove server and sshd (and so every connection it serves). */
  stop(): Promise<void>;
}

export async function startSshd(dir: string): Promise<SshServer> {
  const daemon = await startDaemon(join(dir, 'sshd'));
  const remote = makeSandbox();
  const env = Object.entries(remote.env).map(([name, value]) => `${name}=${shellQuote(value)}`).join(' ');
  return {
    ssh: daemon.ssh,
    remote,
    grove: `env ${env} ${shellQuote(process.execPath)} ${shellQuote(GROVE_BIN)}`,
    stop: async () => {
      await daemon.stop();
      try {
        execFileSync(process.execPath, [GROVE_BIN, 'server', 'stop'], { env: remote.env, stdio: 'ignore', timeout: 10_000 });
      } catch {
        // No server ran there.
      }
      remote.cleanup();
    },
  };
}
