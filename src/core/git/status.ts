/**
 * `git status --porcelain=v2 -z --branch --untracked-files=all`, parsed.
 *
 * Version 2 is the stable machine format: headers start with "# ", then one entry per path — "1" ordinary
 * change, "2" rename or copy (followed by a NUL and the original path), "u" unmerged, "?" untracked,
 * "!" ignored. The XY pair is index then worktree state, "." meaning unchanged. Paths may contain spaces,
 * so only the fixed number of leading fields is split off.
 */

export type StatusEntryKind = 'changed' | 'renamed' | 'unmerged' | 'untracked' | 'ignored';

export interface StatusEntry {
  readonly kind: StatusEntryKind;
  readonly path: string;
  /** Rename/copy source. */
  readonly origPath?: string;
  /** Index state ("." unchanged), for changed/renamed/unmerged entries. */
  readonly index: string;
  /** Worktree state ("." unchanged). */
  readonly worktree: string;
}

export interface StatusBranch {
  /** Commit checked out; undefined before the first commit. */
  readonly oid?: string;
  /** Branch checked out; undefined when detached. */
  readonly head?: string;
}

export interface Status {
  readonly branch: StatusBranch;
  readonly entries: readonly StatusEntry[];
}

/** Fields before the path, per entry type. */
const LEADING_FIELDS: Record<string, number> = { '1': 8, '2': 9, u: 10, '?': 1, '!': 1 };

export function parseStatus(output: string): Status {
  const tokens = output.split('\0');
  const entries: StatusEntry[] = [];
  let oid: string | undefined;
  let head: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === '') continue;
    if (token.startsWith('# ')) {
      const [key, value = ''] = splitFields(token.slice(2), 1);
      if (key === 'branch.oid' && value !== '(initial)') oid = value;
      if (key === 'branch.head' && value !== '(detached)') head = value;
      continue;
    }
    const type = token[0]!;
    const count = LEADING_FIELDS[type];
    if (count === undefined) continue;
    const fields = splitFields(token, count);
    const path = fields[count]!;
    const xy = type === '?' || type === '!' ? '..' : fields[1]!;
    const kind: StatusEntryKind =
      type === '1'
        ? 'changed'
        : type === '2'
          ? 'renamed'
          : type === 'u'
            ? 'unmerged'
            : type === '?'
              ? 'untracked'
              : 'ignored';
    const origPath = type === '2' ? tokens[++i] : undefined;
    entries.push({ kind, path, origPath, index: xy[0]!, worktree: xy[1]! });
  }
  return { branch: { oid, head }, entries };
}

/** Splits off `count` space-separated fields; the rest (which may hold spaces) is the last element. */
function splitFields(text: string, count: number): string[] {
  const fields: string[] = [];
  let rest = text;
  for (let n = 0; n < count; n++) {
    const space = rest.indexOf(' ');
    if (space < 0) break;
    fields.push(rest.slice(0, space));
    rest = rest.slice(space + 1);
  }
  fields.push(rest);
  return fields;
}

/** Tracked paths with changes not committed (staged or not), including conflicted ones. */
export function uncommittedPaths(status: Status): string[] {
  return status.entries
    .filter((e) => e.kind === 'changed' || e.kind === 'renamed' || e.kind === 'unmerged')
    .map((e) => e.path);
}

export function untrackedPaths(status: Status): string[] {
  return status.entries.filter((e) => e.kind === 'untracked').map((e) => e.path);
}

/** Paths whose index differs from HEAD: what a commit (or a merge) would pick up without asking. */
export function stagedPaths(status: Status): string[] {
  return status.entries
    .filter((e) => e.kind !== 'untracked' && e.kind !== 'ignored' && e.index !== '.')
    .map((e) => e.path);
}

export function conflictedPaths(status: Status): string[] {
  return status.entries.filter((e) => e.kind === 'unmerged').map((e) => e.path);
}

/** Every path that is not as HEAD has it in the folder: modified, renamed (both ends), unmerged, untracked. */
export function dirtyPaths(status: Status): string[] {
  const paths: string[] = [];
  for (const entry of status.entries) {
    if (entry.kind === 'ignored') continue;
    paths.push(entry.path);
    if (entry.origPath !== undefined) paths.push(entry.origPath);
  }
  return paths;
}
