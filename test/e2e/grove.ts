/**
 * grove-specific helpers for end-to-end tests: a sandbox with a project folder, the UI started in it, the
 * command line run against the same server, and a teardown that stops that server so no test leaves
 * processes behind.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeSandbox, startTerminal, type Sandbox, type StartOptions, type TestTerminal } from './harness.js';

export const GROVE_BIN = resolve(fileURLToPath(import.meta.url), '../../../bin/grove.js');

export interface GroveSandbox extends Sandbox {
  /** A project folder to start grove in. */
  readonly project: string;
  /** The UI in a terminal of the given size, in the project folder (or `cwd`); `env` adds to the sandbox's. */
  open(options?: Omit<StartOptions, 'env' | 'command'> & { readonly env?: Record<string, string> }): Promise<TestTerminal>;
  /** `grove ARGS` on the command line against this sandbox's server; `input` is its standard input. */
  cli(args: readonly string[], options?: CliOptions): Promise<CliResult>;
  /** Ends every terminal opened, stops the server, removes the folder. */
  dispose(): Promise<void>;
}

export interface CliOptions {
  readonly cwd?: string;
  readonly env?: Record<string, string>;
  readonly input?: string;
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function groveSandbox(): GroveSandbox {
  const sandbox = makeSandbox();
  const project = join(sandbox.dir, 'project');
  mkdirSync(project);
  const terminals: TestTerminal[] = [];
  const cli = (args: readonly string[], options: CliOptions = {}) =>
    new Promise<CliResult>((done) => {
      const child = execFile(process.execPath, [GROVE_BIN, ...args], { cwd: options.cwd ?? project, env: options.env ?? sandbox.env, timeout: 20_000 },
        (error, stdout, stderr) => done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }));
      // Standard input is a pipe: given text, it is written and closed; otherwise it stays open, as before.
      // A command may stop reading early (input too large) and exit: the rest of the write fails, harmlessly.
      if (options.input !== undefined) child.stdin?.on('error', () => undefined).end(options.input);
    });
  return {
    ...sandbox,
    project,
    cli,
    async open(options = {}) {
      const terminal = await startTerminal({ cwd: project, ...options, env: { ...sandbox.env, ...options.env } });
      terminals.push(terminal);
      return terminal;
    },
    async dispose() {
      await Promise.all(terminals.map((t) => t.dispose()));
      await cli(['server', 'stop']);
      sandbox.cleanup();
    },
  };
}

/** Polls `check` until it holds; for state seen through the command line, which has no events to wait on. */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Whether a process of this pid is still there. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The sandbox's server's pid, from the line the newest server logged when it started listening. */
export function serverPid(sandbox: GroveSandbox): number {
  const log = readFileSync(join(sandbox.env.XDG_STATE_HOME!, 'grove', 'default', 'server.log'), 'utf8');
  const pids = [...log.matchAll(/listening on .* \(pid (\d+)\)/g)].map((m) => Number(m[1]));
  return pids[pids.length - 1]!;
}
