/**
 * Running another program the command line uses (`gh`), from an argument array — never a shell — with its
 * output kept (bounded) and a missing program answered as exit status 127, as a shell would.
 */
import { execFile } from 'node:child_process';

const MAX_OUTPUT = 1024 * 1024;

export function runProgram(file: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ exitCode: number; output: string }> {
  return new Promise((resolve) => {
    execFile(file, [...args], { cwd: options.cwd, env: options.env, maxBuffer: MAX_OUTPUT, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? ((error as NodeJS.ErrnoException).code === 'ENOENT' ? 127 : typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ exitCode: code, output: `${stdout}${stderr}` });
    });
  });
}
