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

/** The last segment of a path. */
export function lastSegment(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}
