/**
 * Containment of absolute POSIX paths, without touching the disk.
 *
 * Callers pass real paths (symlinks already resolved by the io layer), so "inside" is a question about
 * path segments: `/a/bc` is not inside `/a/b`, and `..` never appears.
 */

/** True when `child` is strictly below `parent`. */
export function isStrictlyInside(parent: string, child: string): boolean {
  const base = parent.endsWith('/') ? parent : `${parent}/`;
  return child.startsWith(base) && child.length > base.length && !child.split('/').includes('..');
}

/** True when `path` is `folder` itself or below it. */
export function isWithin(folder: string, path: string): boolean {
  return path.replace(/\/+$/, '') === folder.replace(/\/+$/, '') || isStrictlyInside(folder, path);
}


/**
 * Of the repository-relative `paths`, those that are one of `entries` or lie below one of them, where an
 * entry ending in "/" is a folder (as `git ls-files --directory` lists a folder that is ignored whole).
 */
export function pathsUnder(paths: readonly string[], entries: readonly string[]): string[] {
  const files = new Set(entries.filter((e) => !e.endsWith('/')));
  const folders = entries.filter((e) => e.endsWith('/'));
  return paths.filter((path) => files.has(path) || folders.some((folder) => path.startsWith(folder)));
}
