/**
 * node:fs behind the WorktreeFiles port of the worktree engine.
 *
 * Deliberately small: the engine reads, measures and copies, and the only folders it creates are grove's
 * worktree root. It never deletes anything — removing a worktree is `git worktree remove`'s job, which
 * refuses when work would be lost.
 */
import { constants, readFileSync } from 'node:fs';
import { appendFile, chmod, copyFile, lstat, mkdir, readdir, readFile, realpath, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { WorktreeFiles } from '../server/worktrees/ports.js';

export const nodeWorktreeFiles: WorktreeFiles = {
  async realpath(path) {
    try {
      return await realpath(path);
    } catch {
      return undefined;
    }
  },

  async exists(path) {
    try {
      await lstat(path);
      return true;
    } catch {
      return false;
    }
  },

  async isDirectory(path) {
    try {
      return (await stat(path)).isDirectory();
    } catch {
      return false;
    }
  },

  async ensureDirectory(path) {
    await mkdir(path, { recursive: true });
  },

  async listDirectory(path) {
    try {
      return await readdir(path);
    } catch {
      return [];
    }
  },

  async listFilesBelow(dir) {
    const found: string[] = [];
    const walk = async (relative: string): Promise<void> => {
      const entries = await readdir(join(dir, relative), { withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        const path = relative ? `${relative}/${entry.name}` : entry.name;
        if (entry.isDirectory()) await walk(path);
        else if (entry.isFile()) found.push(path);
      }
    };
    await walk('');
    return found;
  },

  async copyFile(from, into, path) {
    const source = await lstat(from).catch(() => undefined);
    if (!source?.isFile()) return 'not-a-file';
    // Folder by folder from `into`, never through a symlink (mkdir -p would follow one out of the worktree).
    const parts = path.split('/');
    let folder = into;
    for (const part of parts.slice(0, -1)) {
      if (part === '' || part === '.' || part === '..') return 'through-symlink';
      folder = join(folder, part);
      const info = await lstat(folder).catch(() => undefined);
      if (info?.isSymbolicLink() || (info && !info.isDirectory())) return 'through-symlink';
      if (!info) await mkdir(folder);
    }
    const to = join(into, path);
    try {
      // COPYFILE_EXCL creates with O_EXCL: a symlink at the destination itself fails as EEXIST.
      await copyFile(from, to, constants.COPYFILE_EXCL);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
      throw error;
    }
    await chmod(to, source.mode & 0o7777);
    return 'copied';
  },

  async writeNewFile(into, name, text) {
    try {
      // 'wx' is O_CREAT|O_EXCL: an existing file or a symlink in its place refuses.
      await writeFile(join(into, basename(name)), text, { flag: 'wx', mode: 0o644 });
      return 'written';
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
      throw error;
    }
  },

  async appendLineOnce(file, line) {
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text?.split('\n').includes(line)) return;
    await mkdir(dirname(file), { recursive: true });
    await appendFile(file, `${text && !text.endsWith('\n') ? '\n' : ''}${line}\n`);
  },

  async diskUsage(path) {
    let total = 0;
    const measure = async (at: string): Promise<void> => {
      const info = await lstat(at).catch(() => undefined);
      if (!info) return;
      total += info.blocks * 512;
      if (!info.isDirectory()) return;
      for (const name of await readdir(at).catch(() => [] as string[])) await measure(join(at, name));
    };
    await measure(path);
    return total;
  },

  processExists(pid) {
    try {
      process.kill(pid, 0);
    } catch (error) {
      // EPERM: it exists, under another user.
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
    // A process killed a moment ago lingers as a zombie until it is reaped: it holds nothing any more.
    try {
      return !/^\d+ \(.*\) Z /su.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
      return true;
    }
  },
};
