/**
 * Seeding a new worktree with the ignored files the work needs (.env, local config).
 *
 * A fresh worktree holds only what git tracks; a project that reads `.env` would not start. grove asks git
 * which files it ignores in the main checkout (`ls-files --others --ignored --directory`, so a wholly ignored
 * folder like node_modules/ comes back as one entry) and copies those matching the configured globs. Only
 * ignored files are candidates — tracked files are already there and untracked ones are the user's work in
 * progress. Existing files in the worktree are never overwritten, and symlinks are not followed, in the source or in
 * the worktree (a tracked symlink there could otherwise send a copy out of it).
 */
import { join } from 'node:path';
import type { Glob } from '../../core/git/glob.js';
import type { WorktreeContext } from './types.js';

/** Copies matching ignored files from `mainPath` into `worktreePath`; returns the relative paths copied. */
export async function copyIgnoredFiles(
  ctx: WorktreeContext,
  mainPath: string,
  worktreePath: string,
  globs: readonly Glob[],
): Promise<string[]> {
  if (globs.length === 0) return [];
  const listing = await ctx.git.run(mainPath, [
    'ls-files',
    '-z',
    '--others',
    '--ignored',
    '--exclude-standard',
    '--directory',
  ]);
  const candidates: string[] = [];
  for (const entry of listing.split('\0')) {
    if (entry === '') continue;
    if (!entry.endsWith('/')) {
      candidates.push(entry);
      continue;
    }
    const folder = entry.slice(0, -1);
    if (!globs.some((g) => g.couldMatchBelow(folder))) continue;
    for (const file of await ctx.files.listFilesBelow(join(mainPath, folder))) candidates.push(`${folder}/${file}`);
  }
  const copied: string[] = [];
  for (const path of candidates) {
    if (!globs.some((g) => g.matches(path))) continue;
    // A path whose folder in the worktree is a symlink is left uncopied: the user's file stays where it was.
    if ((await ctx.files.copyFile(join(mainPath, path), worktreePath, path)) === 'copied') copied.push(path);
  }
  return copied;
}
