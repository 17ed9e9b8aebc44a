/**
 * `git worktree list --porcelain -z`, parsed.
 *
 * Each worktree is a run of NUL-terminated "key value" lines ended by an empty line. The first record is
 * always the main worktree (or the bare repository itself). Paths are absolute, as git stored them; the
 * engine compares them after realpath, never as typed.
 */

export interface WorktreeEntry {
  readonly path: string;
  /** Commit checked out; undefined for a bare repository. */
  readonly head?: string;
  /** Full ref ("refs/heads/grove/x"); undefined when detached or bare. */
  readonly branch?: string;
  readonly detached: boolean;
  readonly bare: boolean;
  /** Set when locked: the reason given, or '' if none. */
  readonly locked?: string;
  /** Set when git considers it prunable (its folder is gone): git's reason. */
  readonly prunable?: string;
  /** True for the first entry: the main checkout (or bare repository). */
  readonly isMain: boolean;
}

export function parseWorktreeList(output: string): WorktreeEntry[] {
  const entries: WorktreeEntry[] = [];
  let current: Record<string, string> | undefined;
  const finish = () => {
    if (current?.worktree !== undefined) entries.push(toEntry(current, entries.length === 0));
    current = undefined;
  };
  for (const line of output.split('\0')) {
    if (line === '') {
      finish();
      continue;
    }
    const space = line.indexOf(' ');
    const key = space < 0 ? line : line.slice(0, space);
    const value = space < 0 ? '' : line.slice(space + 1);
    current ??= {};
    current[key] = value;
  }
  finish();
  return entries;
}

function toEntry(fields: Record<string, string>, isMain: boolean): WorktreeEntry {
  return {
    path: fields.worktree!,
    head: fields.HEAD,
    branch: fields.branch,
    detached: 'detached' in fields,
    bare: 'bare' in fields,
    locked: fields.locked,
    prunable: fields.prunable,
    isMain,
  };
}

/** "refs/heads/grove/x" → "grove/x"; other refs unchanged. */
export function shortBranch(ref: string): string {
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : ref;
}
