/**
 * Diff output, parsed: `git diff --raw --numstat -z` for what changed, unified patches for how.
 *
 * With -z, `--raw` entries come first (":<modes> <shas> <status>" then one path, two for renames and
 * copies), then `--numstat` entries ("<added>\t<removed>\t<path>", or an empty path followed by source and
 * destination for renames; "-" counts for binary files). Patches are split per file at their
 * "diff --git " header lines — the only lines in a patch that can start that way, since content lines
 * start with " ", "+", "-", "\" or "@@".
 */

export type FileChangeStatus =
  'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'type-changed' | 'unmerged' | 'untracked';

export interface FileStat {
  readonly path: string;
  /** Source of a rename or copy. */
  readonly oldPath?: string;
  readonly status: FileChangeStatus;
  readonly added: number;
  readonly removed: number;
  readonly binary: boolean;
}

export interface FileChange extends FileStat {
  /** The file's unified diff, starting at its "diff --git" line. */
  readonly patch: string;
}

const STATUS_LETTERS: Record<string, FileChangeStatus> = {
  A: 'added',
  M: 'modified',
  D: 'deleted',
  R: 'renamed',
  C: 'copied',
  T: 'type-changed',
  U: 'unmerged',
};

interface Counts {
  readonly added: number;
  readonly removed: number;
  readonly binary: boolean;
}

export function parseRawNumstat(output: string): FileStat[] {
  const tokens = output.split('\0');
  const raw: { path: string; oldPath?: string; status: FileChangeStatus }[] = [];
  const counts = new Map<string, Counts>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === '') continue;
    if (token.startsWith(':')) {
      const letter = token.slice(token.lastIndexOf(' ') + 1, token.lastIndexOf(' ') + 2);
      const status = STATUS_LETTERS[letter] ?? 'modified';
      if (status === 'renamed' || status === 'copied') {
        raw.push({ oldPath: tokens[i + 1]!, path: tokens[i + 2]!, status });
        i += 2;
      } else {
        raw.push({ path: tokens[i + 1]!, status });
        i += 1;
      }
      continue;
    }
    const [added = '', removed = '', path = ''] = token.split('\t');
    const binary = added === '-' && removed === '-';
    const entry: Counts = { added: binary ? 0 : Number(added), removed: binary ? 0 : Number(removed), binary };
    if (path === '') {
      counts.set(tokens[i + 2]!, entry);
      i += 2;
    } else {
      counts.set(path, entry);
    }
  }
  return raw.map((file) => ({ ...file, ...(counts.get(file.path) ?? { added: 0, removed: 0, binary: false }) }));
}

/** One block per file, each starting with its "diff --git " line. */
export function splitPatches(text: string): string[] {
  const blocks: string[] = [];
  let start = -1;
  let at = 0;
  while (at < text.length) {
    if (text.startsWith('diff --git ', at)) {
      if (start >= 0) blocks.push(text.slice(start, at));
      start = at;
    }
    const newline = text.indexOf('\n', at);
    at = newline < 0 ? text.length : newline + 1;
  }
  if (start >= 0) blocks.push(text.slice(start));
  return blocks;
}

/** Lines added and removed by one file's patch (used for untracked files, diffed against /dev/null). */
export function countPatchLines(patch: string): Counts {
  let added = 0;
  let removed = 0;
  let inHunk = false;
  for (const line of patch.split('\n')) {
    if (!inHunk) {
      if (line.startsWith('Binary files ') || line === 'GIT binary patch')
        return { added: 0, removed: 0, binary: true };
      if (line.startsWith('@@')) inHunk = true;
      continue;
    }
    if (line.startsWith('+')) added++;
    else if (line.startsWith('-')) removed++;
  }
  return { added, removed, binary: false };
}
