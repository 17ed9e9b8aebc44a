/**
 * What a worktree session has changed, as the sidebar shows it, and where sessions overlap.
 *
 * A summary is computed from git (src/server/review/change-summary.ts) whenever the worktree or a branch
 * moves; the overlap between sessions — the files more than one of them has touched — is pure set work
 * over those summaries, done here so it is tested without a repository.
 */

export interface ChangeSummary {
  /** Files that differ from the base: committed, uncommitted and untracked. */
  readonly files: number;
  readonly added: number;
  readonly removed: number;
  /** Commits on the branch that the base does not have, and the other way round. */
  readonly ahead: number;
  readonly behind: number;
  /** Files with changes not yet committed (tracked or untracked). */
  readonly uncommitted: number;
  /** The paths counted in `files`, relative to the repository. */
  readonly touched: readonly string[];
}

export const NO_CHANGES: ChangeSummary = { files: 0, added: 0, removed: 0, ahead: 0, behind: 0, uncommitted: 0, touched: [] };

export interface Overlap {
  /** The other sessions that touched at least one of the same files. */
  readonly sessions: readonly string[];
  /** The files shared with any of them. */
  readonly files: readonly string[];
}

/**
 * For each session, the others that touched the same files. Only sessions of the same repository can
 * overlap, so callers group by repository first; a session with no overlap is absent from the result.
 */
export function findOverlaps(touched: ReadonlyMap<string, readonly string[]>): Map<string, Overlap> {
  const byFile = new Map<string, string[]>();
  for (const [session, files] of touched) {
    for (const file of new Set(files)) {
      const owners = byFile.get(file);
      if (owners) owners.push(session);
      else byFile.set(file, [session]);
    }
  }
  const result = new Map<string, { sessions: Set<string>; files: Set<string> }>();
  for (const [file, owners] of byFile) {
    if (owners.length < 2) continue;
    for (const session of owners) {
      const entry = result.get(session) ?? { sessions: new Set<string>(), files: new Set<string>() };
      owners.filter((other) => other !== session).forEach((other) => entry.sessions.add(other));
      entry.files.add(file);
      result.set(session, entry);
    }
  }
  return new Map([...result].map(([session, { sessions, files }]) => [session, { sessions: [...sessions].sort(), files: [...files].sort() }]));
}

export function sameSummary(a: ChangeSummary | undefined, b: ChangeSummary | undefined): boolean {
  if (!a || !b) return a === b;
  return a.files === b.files && a.added === b.added && a.removed === b.removed && a.ahead === b.ahead &&
    a.behind === b.behind && a.uncommitted === b.uncommitted && a.touched.join('\0') === b.touched.join('\0');
}
