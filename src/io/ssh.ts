/**
 * OpenSSH as grove's only way to another machine (core/hosts/remote.ts says which arguments and why).
 *
 * `openSshLink` starts `ssh … DEST COMMAND` with its standard input and output as one duplex stream, the
 * connection's bytes, and keeps the last lines ssh (or the remote command) printed on standard error: when
 * the link ends, they are the reason, in ssh's own words. `GROVE_SSH` names another ssh program, for a
 * wrapper that adds options (the tests' own `-F` file); otherwise `ssh` on PATH.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Duplex } from 'node:stream';

const STDERR_KEPT = 4096;

export interface SshLink {
  /** ssh's standard output and input: the remote command's bytes. */
  readonly stream: Duplex;
  readonly process: ChildProcess;
  /** The last non-empty line ssh or the remote command wrote to standard error, if any. */
  lastError(): string | undefined;
  /** Resolves with ssh's exit status (255: ssh itself failed) once it has ended. */
  readonly exited: Promise<number>;
}

export function sshProgram(env: NodeJS.ProcessEnv): string {
  return env['GROVE_SSH'] || 'ssh';
}

export function openSshLink(args: readonly string[], env: NodeJS.ProcessEnv): SshLink {
  const child = spawn(sshProgram(env), [...args], { stdio: ['pipe', 'pipe', 'pipe'], env });
  let errors = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (text: string) => (errors = (errors + text).slice(-STDERR_KEPT)));
  const exited = new Promise<number>((resolve) => {
    child.once('error', (err) => {
      errors += `\n${err.message}`;
      resolve(255);
    });
    child.once('close', (code, signal) => resolve(code ?? (signal ? 255 : 0)));
  });
  const stream = Duplex.from({ readable: child.stdout!, writable: child.stdin! });
  // A write after ssh has gone is the end of the link, which `exited` reports; not an error to throw.
  child.stdin!.on('error', () => undefined);
  stream.on('error', () => undefined);
  return {
    stream,
    process: child,
    exited,
    lastError: () => errors.split('\n').map((line) => line.trim()).filter(Boolean).pop(),
  };
}

/** Runs ssh with this terminal, for one command there; its exit status. */
export function runSsh(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(sshProgram(env), [...args], { stdio: 'inherit', env });
    child.once('error', (err) => {
      process.stderr.write(`grove: cannot run ${sshProgram(env)}: ${err.message}\n`);
      resolve(255);
    });
    child.once('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}
