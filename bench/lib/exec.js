/**
 * Running a command line tool to completion, with a deadline, for its standard output.
 */
import { execFile } from 'node:child_process';

export function exec(file, args, { env, timeoutMs = 20_000 } = {}) {
  return new Promise((resolve, reject) => {
    execFile(file, args, { env, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${[file, ...args].join(' ')}: ${err.message.split('\n')[0]} ${stderr.trim()}`));
      else resolve(stdout);
    });
  });
}
