/**
 * A session's diff as a document of lines to read top to bottom: its commits, a diffstat (which doubles
 * as the list of files), then each file's patch. Every line has a kind, which the TUI colours and the
 * command line ignores, and each file's patch starts at a known line, so a view can jump between files.
 *
 * Patches come from programs and from users' files, so every line is made printable here: tabs expanded,
 * control characters dropped. Nothing a diff contains can reach the terminal as a command.
 */
import type { FileChange, FileChangeStatus, FileStat } from '../git/diff-output.js';
import type { SessionDiff } from '../git/review.js';
import { plural } from '../git/refusal.js';
import { fit } from '../session/display.js';
import { printable } from '../text/terminal-text.js';

export type DiffLineKind =
  | 'heading' // "2 commits", "3 files changed, …"
  | 'commit'
  | 'stat'
  | 'file' // a file's first line: "diff --git a/x b/x"
  | 'meta' // index, mode, rename and "---"/"+++" lines
  | 'hunk'
  | 'added'
  | 'removed'
  | 'context'
  | 'blank';

export interface DiffLine {
  readonly kind: DiffLineKind;
  readonly text: string;
}

export interface DiffDocument {
  readonly lines: readonly DiffLine[];
  /** The files, in order, with the line where each one's patch starts. */
  readonly files: readonly { readonly stat: FileStat; readonly line: number }[];
}

const STATUS_LETTER: Record<FileChangeStatus, string> = {
  added: 'A',
  modified: 'M',
  deleted: 'D',
  renamed: 'R',
  copied: 'C',
  'type-changed': 'T',
  unmerged: 'U',
  untracked: '?',
};

const TAB_WIDTH = 4;

export function diffDocument(diff: SessionDiff): DiffDocument {
  const lines: DiffLine[] = [...statSection(diff)];
  const files: { stat: FileStat; line: number }[] = [];
  for (const file of diff.files) {
    lines.push({ kind: 'blank', text: '' });
    files.push({ stat: file, line: lines.length });
    lines.push(...patchLines(file));
  }
  return { lines, files };
}

/** The commits and the diffstat: what `grove diff --stat` prints. */
export function statSection(diff: SessionDiff): DiffLine[] {
  const lines: DiffLine[] = [];
  if (diff.commits.length) {
    lines.push({ kind: 'heading', text: `${plural(diff.commits.length, 'commit')}, newest first:` });
    for (const commit of diff.commits) lines.push({ kind: 'commit', text: `  ${commit.sha.slice(0, 8)} ${clean(commit.subject)}` });
    lines.push({ kind: 'blank', text: '' });
  }
  lines.push({ kind: 'heading', text: totalsLine(diff.files) });
  const width = Math.min(50, Math.max(0, ...diff.files.map((f) => displayPath(f).length)));
  for (const file of diff.files) lines.push({ kind: 'stat', text: ` ${statLine(file, width)}` });
  return lines;
}

/** "3 files changed, +10 −2" or "no changes". */
export function totalsLine(files: readonly FileStat[]): string {
  if (files.length === 0) return 'no changes';
  const added = files.reduce((sum, f) => sum + f.added, 0);
  const removed = files.reduce((sum, f) => sum + f.removed, 0);
  return `${plural(files.length, 'file')} changed, +${added} −${removed}`;
}

/** "M src/app.ts   +3 −1", with the path padded to `width`. */
function statLine(file: FileStat, width: number): string {
  const path = displayPath(file);
  const counts = file.binary ? 'binary' : `+${file.added} −${file.removed}`;
  const note = file.status === 'untracked' ? '  (untracked)' : '';
  return `${STATUS_LETTER[file.status]} ${path.padEnd(width)}  ${counts}${note}`;
}

/**
 * " M …/deep/app.ts  +3 −1" in exactly `width` columns, for the diff view's file list: the counts always
 * show, and the path gives way from its start (where folders repeat) when the line is too long.
 */
export function statEntry(file: FileStat, width: number, measure: (text: string) => number): string {
  const counts = file.binary ? 'binary' : `+${file.added} −${file.removed}`;
  const head = ` ${STATUS_LETTER[file.status]} `;
  const room = width - measure(head) - measure(counts) - 1;
  let path = displayPath(file);
  if (room < 2) return fit(`${head}${path} ${counts}`, width, measure);
  if (measure(path) > room) {
    let tail = [...path];
    while (tail.length && measure(tail.join('')) > room - 1) tail = tail.slice(1);
    path = `…${tail.join('')}`;
  }
  return `${head}${path}${' '.repeat(room - measure(path))} ${counts}`;
}

function displayPath(file: FileStat): string {
  return clean(file.oldPath ? `${file.oldPath} → ${file.path}` : file.path);
}

function patchLines(file: FileChange): DiffLine[] {
  if (!file.patch) {
    const why = file.path.endsWith('/') ? 'an untracked folder (a repository of its own)' : 'no textual change';
    return [{ kind: 'file', text: clean(file.path) }, { kind: 'meta', text: `  ${why}` }];
  }
  const lines: DiffLine[] = [];
  let inHunk = false;
  const raw = file.patch.endsWith('\n') ? file.patch.slice(0, -1) : file.patch;
  for (const line of raw.split('\n')) {
    if (lines.length === 0) {
      lines.push({ kind: 'file', text: clean(line) });
      continue;
    }
    if (line.startsWith('@@')) inHunk = true;
    lines.push({ kind: kindOf(line, inHunk), text: clean(line) });
  }
  return lines;
}

function kindOf(line: string, inHunk: boolean): DiffLineKind {
  if (line.startsWith('@@')) return 'hunk';
  if (!inHunk) return 'meta';
  if (line.startsWith('+')) return 'added';
  if (line.startsWith('-')) return 'removed';
  if (line.startsWith('\\')) return 'meta';
  return 'context';
}

function clean(text: string): string {
  return printable(text.replace(/\r$/u, '').replace(/\t/gu, ' '.repeat(TAB_WIDTH)));
}
