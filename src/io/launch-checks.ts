/**
 * Looks a command up on PATH the way execvp would, so grove can say "command not found" itself
 * rather than leave a pane showing node-pty's "execvp(3) failed".
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import type { LaunchChecks } from '../server/ports.js';
import { repositoryOf } from './repository.js';

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export const fsLaunchChecks: LaunchChecks = {
  resolveCommand(command, cwd, path) {
    if (!command) return undefined;
    if (command.includes('/')) {
      const full = isAbsolute(command) ? command : resolve(cwd, command);
      return isExecutableFile(full) ? full : undefined;
    }
    for (const dir of (path ?? '').split(delimiter)) {
      if (!dir) continue;
      const full = join(dir, command);
      if (isExecutableFile(full)) return full;
    }
    return undefined;
  },
  repositoryOf,
  isDirectory(path) {
    try {
      return statSync(path).isDirectory();
    } catch {
      return false;
    }
  },
};
