/**
 * Which repository a folder belongs to, found the way git finds it: walk up to the nearest `.git`.
 * A `.git` file marks a linked worktree (or a submodule); for a worktree the answer is its main checkout,
 * reached through the `commondir` git keeps in the worktree's admin folder, so a session in a worktree
 * and one in the checkout count as the same repository.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

function kindOf(path: string): 'dir' | 'file' | undefined {
  try {
    const stat = statSync(path);
    return stat.isDirectory() ? 'dir' : stat.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

/** The main checkout of a linked worktree whose `.git` file is at `dotGit`, if it is one. */
function mainCheckoutOf(dotGit: string): string | undefined {
  try {
    const pointer = /^gitdir:\s*(.+)\s*$/m.exec(readFileSync(dotGit, 'utf8'))?.[1];
    if (!pointer) return undefined;
    const adminDir = isAbsolute(pointer) ? pointer : resolve(dirname(dotGit), pointer);
    const common = readFileSync(join(adminDir, 'commondir'), 'utf8').trim();
    const commonDir = isAbsolute(common) ? common : resolve(adminDir, common);
    return dirname(commonDir);
  } catch {
    return undefined;
  }
}

export function repositoryOf(folder: string): string {
  const start = resolve(folder);
  for (let dir = start; ; dir = dirname(dir)) {
    const dotGit = join(dir, '.git');
    const kind = kindOf(dotGit);
    if (kind === 'dir') return dir;
    if (kind === 'file') return mainCheckoutOf(dotGit) ?? dir;
    if (dirname(dir) === dir) return start;
  }
}
