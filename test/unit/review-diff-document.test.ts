import { describe, expect, it } from 'vitest';
import type { FileChange } from '../../src/core/git/diff-output.js';
import type { SessionDiff } from '../../src/core/git/review.js';
import { diffDocument, statEntry, statSection, totalsLine } from '../../src/core/review/diff-document.js';
import { DiffPager } from '../../src/core/review/diff-pager.js';

function file(path: string, lines: number, extra: Partial<FileChange> = {}): FileChange {
  const body = Array.from({ length: lines }, (_, i) => `+line ${i}`).join('\n');
  return {
    path, status: 'added', added: lines, removed: 0, binary: false,
    patch: `diff --git a/${path} b/${path}\nnew file mode 100644\n--- /dev/null\n+++ b/${path}\n@@ -0,0 +1,${lines} @@\n${body}\n`,
    ...extra,
  };
}

const diff = (files: FileChange[], commits = [{ sha: 'a'.repeat(40), subject: 'turn 1' }]): SessionDiff => ({ base: 'b'.repeat(40), commits, files });

describe('the diff document', () => {
  it('reads commits, then the diffstat, then each patch, with a kind on every line', () => {
    const doc = diffDocument(diff([
      file('new.txt', 1),
      { path: 'old.txt', status: 'modified', added: 1, removed: 1, binary: false, patch: 'diff --git a/old.txt b/old.txt\nindex 1..2 100644\n--- a/old.txt\n+++ b/old.txt\n@@ -1,2 +1,2 @@\n keep\n-before\n+after\n\\ No newline at end of file\n' },
    ]));
    expect(doc.lines.map((l) => `${l.kind}: ${l.text}`)).toEqual([
      'heading: 1 commit, newest first:',
      'commit:   aaaaaaaa turn 1',
      'blank: ',
      'heading: 2 files changed, +2 −1',
      'stat:  A new.txt  +1 −0',
      'stat:  M old.txt  +1 −1',
      'blank: ',
      'file: diff --git a/new.txt b/new.txt',
      'meta: new file mode 100644',
      'meta: --- /dev/null',
      'meta: +++ b/new.txt',
      'hunk: @@ -0,0 +1,1 @@',
      'added: +line 0',
      'blank: ',
      'file: diff --git a/old.txt b/old.txt',
      'meta: index 1..2 100644',
      'meta: --- a/old.txt',
      'meta: +++ b/old.txt',
      'hunk: @@ -1,2 +1,2 @@',
      'context:  keep',
      'removed: -before',
      'added: +after',
      'meta: \\ No newline at end of file',
    ]);
    expect(doc.files.map((f) => [f.stat.path, f.line])).toEqual([['new.txt', 7], ['old.txt', 14]]);
  });

  it('makes every line printable: tabs expanded, control characters dropped', () => {
    const evil = file('x.txt', 0, { patch: 'diff --git a/x.txt b/x.txt\n@@ -0,0 +1 @@\n+\tindented\x1b]0;owned\x07 \x1b[31mred\r\n' });
    const lines = diffDocument(diff([evil], [])).lines.map((l) => l.text);
    expect(lines).toContain('+    indented]0;owned [31mred');
    expect(lines.join('')).not.toMatch(/[\x00-\x1f\x7f]/);
  });

  it('names renames, untracked files and binary files in the stat, and explains a file with no patch', () => {
    const stats = statSection(diff([
      { path: 'b.txt', oldPath: 'a.txt', status: 'renamed', added: 0, removed: 0, binary: false, patch: '' },
      { path: 'img.png', status: 'modified', added: 0, removed: 0, binary: true, patch: 'diff --git a/img.png b/img.png\nBinary files differ\n' },
      { path: 'nested/', status: 'untracked', added: 0, removed: 0, binary: false, patch: '' },
    ], [])).map((l) => l.text);
    expect(stats).toEqual(['3 files changed, +0 −0', ' R a.txt → b.txt  +0 −0', ' M img.png        binary', ' ? nested/        +0 −0  (untracked)']);
    expect(diffDocument(diff([{ path: 'nested/', status: 'untracked', added: 0, removed: 0, binary: false, patch: '' }], [])).lines.at(-1)?.text)
      .toBe('  an untracked folder (a repository of its own)');
    expect(totalsLine([])).toBe('no changes');
  });
});

describe('the diff pager', () => {
  const doc = diffDocument(diff([file('a.txt', 30), file('b.txt', 30), file('c.txt', 2)]));

  it('jumps from file to file, and back to the start of the current one first', () => {
    const pager = new DiffPager(doc);
    pager.setHeight(10);
    expect(pager.currentFile()).toBe(-1);
    pager.nextFile();
    expect([pager.top, pager.currentFile()]).toEqual([doc.files[0]!.line, 0]);
    pager.nextFile();
    pager.scroll(3);
    expect(pager.currentFile()).toBe(1);
    pager.previousFile();
    expect(pager.top).toBe(doc.files[1]!.line);
    pager.previousFile();
    expect(pager.top).toBe(doc.files[0]!.line);
    pager.previousFile();
    expect(pager.top).toBe(0);
  });

  it('scrolls within the document, and far enough to put the last file, however short, at the top', () => {
    const pager = new DiffPager(doc);
    pager.setHeight(10);
    pager.scroll(-5);
    expect(pager.top).toBe(0);
    pager.end();
    expect(pager.top).toBe(doc.files[2]!.line);
    expect(pager.currentFile()).toBe(2);
    pager.scroll(100);
    expect(pager.top).toBe(doc.files[2]!.line);
    pager.home();
    pager.page(1);
    expect(pager.top).toBe(9);
  });
});

describe('the file list entry', () => {
  const file = { path: 'src/client/views/very/deep/diff-view.ts', status: 'modified' as const, added: 12, removed: 3, binary: false };
  it('keeps the counts and shortens the path from its start when the line is too long', () => {
    expect(statEntry(file, 24, (s) => s.length)).toBe(' M …/diff-view.ts +12 −3');
    expect(statEntry(file, 24, (s) => s.length)).toHaveLength(24);
    expect(statEntry({ ...file, path: 'a.ts' }, 20, (s) => s.length)).toBe(' M a.ts       +12 −3');
  });
});
