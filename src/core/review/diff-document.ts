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
import { MAX_QUOTE_LINES, placeLabel, type CommentPlace, type CommentSide, type ReviewComment } from './feedback.js';

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
  | 'blank'
  | 'comment'; // a review comment, under the line it ends on

export interface DiffLine {
  readonly kind: DiffLineKind;
  readonly text: string;
  /** For a line of a hunk: its file, its number, and the side it is on (removed lines: the old side). */
  readonly at?: LinePlace;
  /** For a comment line: the comment's index in the session's list. */
  readonly comment?: number;
}

export interface LinePlace {
  readonly path: string;
  readonly line: number;
  readonly side: CommentSide;
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

/** The document, with each review comment under the line it ends on (those whose line is gone, at the end). */
export function diffDocument(diff: SessionDiff, comments: readonly ReviewComment[] = []): DiffDocument {
  const lines: DiffLine[] = [...statSection(diff)];
  const files: { stat: FileStat; line: number }[] = [];
  const placed = new Set<number>();
  for (const file of diff.files) {
    lines.push({ kind: 'blank', text: '' });
    files.push({ stat: file, line: lines.length });
    for (const line of patchLines(file)) {
      lines.push(line);
      comments.forEach((comment, index) => {
        if (placed.has(index) || !line.at || !endsAt(comment, line.at)) return;
        placed.add(index);
        lines.push(commentLine(comment, index, false));
      });
    }
  }
  const elsewhere = comments.flatMap((comment, index) => (placed.has(index) ? [] : [commentLine(comment, index, true)]));
  if (elsewhere.length) lines.push({ kind: 'blank', text: '' }, { kind: 'heading', text: 'Comments on lines the diff no longer shows:' }, ...elsewhere);
  return { lines, files };
}

function endsAt(comment: ReviewComment, at: LinePlace): boolean {
  return comment.path === at.path && comment.side === at.side && comment.endLine === at.line;
}

function commentLine(comment: ReviewComment, index: number, withPlace: boolean): DiffLine {
  const where = withPlace ? `${placeLabel(comment)}: ` : comment.endLine > comment.line ? `lines ${comment.line}-${comment.endLine}: ` : '';
  return { kind: 'comment', text: clean(`  » ${where}${comment.text}${comment.sent ? '  (sent)' : ''}`), comment: index };
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
  return rawPatchLines(file).map((line, index) => (index === 0 ? { kind: 'file', text: clean(line.text) } : { ...line, text: clean(line.text) }));
}

/**
 * A patch's lines as git wrote them, each with its kind and, inside hunks, its place: a hunk header
 * `@@ -12,3 +14,4 @@` numbers the old side from 12 and the new side from 14; context lines count on both.
 */
export function rawPatchLines(file: FileChange): DiffLine[] {
  const lines: DiffLine[] = [];
  let inHunk = false;
  let [oldLine, newLine] = [0, 0];
  const raw = file.patch.endsWith('\n') ? file.patch.slice(0, -1) : file.patch;
  for (const text of raw.split('\n')) {
    const kind = lines.length === 0 ? 'file' : kindOf(text, inHunk);
    if (kind === 'hunk') {
      inHunk = true;
      const numbers = /^@@ -(\d+)(?:,\d+)? \+(\d+)/u.exec(text);
      [oldLine, newLine] = numbers ? [Number(numbers[1]), Number(numbers[2])] : [0, 0];
    }
    let at: LinePlace | undefined;
    if (kind === 'removed') at = { path: file.path, line: oldLine++, side: 'old' };
    else if (kind === 'added') at = { path: file.path, line: newLine++, side: 'new' };
    else if (kind === 'context') {
      at = { path: file.path, line: newLine++, side: 'new' };
      oldLine++;
    }
    lines.push({ kind, text, ...(at ? { at } : {}) });
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

/**
 * The lines a place covers as the diff shows them (without the +/- column), for a comment made on the
 * command line; undefined when the file is not in the diff.
 */
export function quoteFromDiff(files: readonly FileChange[], place: CommentPlace): string[] | undefined {
  const file = files.find((f) => f.path === place.path);
  if (!file) return undefined;
  return rawPatchLines(file)
    .filter(({ at }) => at && at.side === place.side && at.line >= place.line && at.line <= place.endLine)
    .slice(0, MAX_QUOTE_LINES)
    .map(({ text }) => text.slice(1));
}
