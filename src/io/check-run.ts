/**
 * Running a repository's check command (`"check": "npm test"`) in a worktree: by `sh -c`, since it is the
 * user's own shell text from their (trusted) config, in a process group of its own so a timeout ends all of
 * it, with its output kept only as the last KEPT_BYTES (a test run can print megabytes).
 */
import { spawn } from 'node:child_process';

const KEPT_BYTES = 64 * 1024;

export interface CheckRun {
  readonly exitCode: number;
  /** The last KEPT_BYTES of what it printed, standard output and error together. */
  readonly output: string;
}

export function runCheck(cwd: string, command: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<CheckRun> {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', command], { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-KEPT_BYTES));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const timer = setTimeout(() => {
      output += `\ncheck stopped after ${timeoutMs / 1000} s`;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      resolve({ exitCode: 127, output: err.message });
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ exitCode: code ?? (signal ? 128 : 1), output });
    });
  });
}
