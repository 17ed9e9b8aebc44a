/**
 * The porcelain parsers against literal git output (captured from git 2.39, NULs written as \0).
 */
import { describe, expect, it } from 'vitest';
import { countPatchLines, parseRawNumstat, splitPatches } from '../../src/core/git/diff-output.js';
import { parseCherryUnmatched, parseCommitLines } from '../../src/core/git/log.js';
import { parseMergeTree } from '../../src/core/git/merge-tree.js';
import {
  conflictedPaths,
  dirtyPaths,
  parseStatus,
  stagedPaths,
  uncommittedPaths,
  untrackedPaths,
} from '../../src/core/git/status.js';
import { parseWorktreeList, shortBranch } from '../../src/core/git/worktree-list.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

describe('git worktree list --porcelain -z', () => {
  it('reads main, linked, locked, prunable, detached and bare entries', () => {
    const output = [
      `worktree /src/my repo\0HEAD ${A}\0branch refs/heads/main\0\0`,
      `worktree /src/my repo.worktrees/x\0HEAD ${B}\0branch refs/heads/grove/x\0locked grove session x\0\0`,
      `worktree /src/my repo.worktrees/gone\0HEAD ${B}\0branch refs/heads/grove/gone\0prunable gitdir file points to non-existent location\0\0`,
      `worktree /tmp/detached\0HEAD ${A}\0detached\0locked\0\0`,
    ].join('');
    expect(parseWorktreeList(output)).toEqual([
      {
        path: '/src/my repo',
        head: A,
        branch: 'refs/heads/main',
        detached: false,
        bare: false,
        locked: undefined,
        prunable: undefined,
        isMain: true,
      },
      {
        path: '/src/my repo.worktrees/x',
        head: B,
        branch: 'refs/heads/grove/x',
        detached: false,
        bare: false,
        locked: 'grove session x',
        prunable: undefined,
        isMain: false,
      },
      {
        path: '/src/my repo.worktrees/gone',
        head: B,
        branch: 'refs/heads/grove/gone',
        detached: false,
        bare: false,
        locked: undefined,
        prunable: 'gitdir file points to non-existent location',
        isMain: false,
      },
      {
        path: '/tmp/detached',
        head: A,
        branch: undefined,
        detached: true,
        bare: false,
        locked: '',
        prunable: undefined,
        isMain: false,
      },
    ]);
  });

  it('reads a bare repository', () => {
    expect(parseWorktreeList('worktree /srv/repo.git\0bare\0\0')).toEqual([
      {
        path: '/srv/repo.git',
        head: undefined,
        branch: undefined,
        detached: false,
        bare: true,
        locked: undefined,
        prunable: undefined,
        isMain: true,
      },
    ]);
  });

  it('shortens branch refs', () => {
    expect(shortBranch('refs/heads/grove/x')).toBe('grove/x');
    expect(shortBranch('refs/tags/v1')).toBe('refs/tags/v1');
  });
});

describe('git status --porcelain=v2 -z --branch', () => {
  const sha = 'f2ad6c76f0115a6ba5b00456a849810e7ec0af20';
  const zero = '0'.repeat(40);
  const output =
    `# branch.oid ${A}\0# branch.head main\0# branch.ab +1 -2\0` +
    `1 .M N... 100644 100644 100644 ${sha} ${sha} c.txt\0` +
    `2 R. N... 100644 100644 100644 ${sha} ${sha} R100 renamed b.txt\0b.txt\0` +
    `1 A. N... 000000 100644 100644 ${zero} ${sha} staged.txt\0` +
    `u UU N... 100644 100644 100644 100644 ${sha} ${sha} ${sha} both edited.txt\0` +
    `? new file.txt\0! ignored.log\0`;

  it('reads headers and every entry type, keeping spaces in paths', () => {
    const status = parseStatus(output);
    expect(status.branch).toEqual({ oid: A, head: 'main' });
    expect(status.entries).toEqual([
      { kind: 'changed', path: 'c.txt', origPath: undefined, index: '.', worktree: 'M' },
      { kind: 'renamed', path: 'renamed b.txt', origPath: 'b.txt', index: 'R', worktree: '.' },
      { kind: 'changed', path: 'staged.txt', origPath: undefined, index: 'A', worktree: '.' },
      { kind: 'unmerged', path: 'both edited.txt', origPath: undefined, index: 'U', worktree: 'U' },
      { kind: 'untracked', path: 'new file.txt', origPath: undefined, index: '.', worktree: '.' },
      { kind: 'ignored', path: 'ignored.log', origPath: undefined, index: '.', worktree: '.' },
    ]);
  });

  it('answers the questions the engine asks', () => {
    const status = parseStatus(output);
    expect(uncommittedPaths(status)).toEqual(['c.txt', 'renamed b.txt', 'staged.txt', 'both edited.txt']);
    expect(untrackedPaths(status)).toEqual(['new file.txt']);
    expect(stagedPaths(status)).toEqual(['renamed b.txt', 'staged.txt', 'both edited.txt']);
    expect(conflictedPaths(status)).toEqual(['both edited.txt']);
    expect(dirtyPaths(status)).toEqual([
      'c.txt',
      'renamed b.txt',
      'b.txt',
      'staged.txt',
      'both edited.txt',
      'new file.txt',
    ]);
  });

  it('reads an unborn branch and a detached HEAD as absent', () => {
    expect(parseStatus('# branch.oid (initial)\0# branch.head main\0').branch).toEqual({
      oid: undefined,
      head: 'main',
    });
    expect(parseStatus(`# branch.oid ${A}\0# branch.head (detached)\0`).branch).toEqual({ oid: A, head: undefined });
  });
});

describe('git merge-tree --write-tree --name-only -z', () => {
  it('reads a clean merge', () => {
    expect(parseMergeTree(`${A}\0`, 0)).toEqual({ clean: true, tree: A, conflicts: [], messages: [] });
  });

  it('reads conflicted files and git’s messages', () => {
    const output =
      `${A}\0f.txt\0dir/g h.txt\0\0` +
      '1\0f.txt\0Auto-merging\0Auto-merging f.txt\n\0' +
      '1\0f.txt\0CONFLICT (contents)\0CONFLICT (content): Merge conflict in f.txt\n\0' +
      '2\0old.txt\0dir/g h.txt\0CONFLICT (rename/delete)\0CONFLICT (rename/delete): old.txt renamed to dir/g h.txt\n\0';
    expect(parseMergeTree(output, 1)).toEqual({
      clean: false,
      tree: A,
      conflicts: ['f.txt', 'dir/g h.txt'],
      messages: [
        'Auto-merging f.txt',
        'CONFLICT (content): Merge conflict in f.txt',
        'CONFLICT (rename/delete): old.txt renamed to dir/g h.txt',
      ],
    });
  });

  it('reads messages of a clean merge that had work to do', () => {
    expect(parseMergeTree(`${A}\0\0` + '1\0f.txt\0Auto-merging\0Auto-merging f.txt\n\0', 0)).toMatchObject({
      clean: true,
      conflicts: [],
      messages: ['Auto-merging f.txt'],
    });
  });
});

describe('git diff --raw --numstat -z', () => {
  it('pairs status with counts, renames and binary files included', () => {
    const output =
      `:100644 100644 de98044 502fdbb M\0f.txt\0` +
      `:100644 100644 587be6b 587be6b R100\0sp ace.txt\0moved.txt\0` +
      `:000000 100644 0000000 88768ef A\0bin.dat\0` +
      `:100644 000000 3e75765 0000000 D\0gone.txt\0` +
      `1\t1\tf.txt\0` +
      `0\t0\t\0sp ace.txt\0moved.txt\0` +
      `-\t-\tbin.dat\0` +
      `0\t3\tgone.txt\0`;
    expect(parseRawNumstat(output)).toEqual([
      { path: 'f.txt', status: 'modified', added: 1, removed: 1, binary: false },
      { path: 'moved.txt', oldPath: 'sp ace.txt', status: 'renamed', added: 0, removed: 0, binary: false },
      { path: 'bin.dat', status: 'added', added: 0, removed: 0, binary: true },
      { path: 'gone.txt', status: 'deleted', added: 0, removed: 3, binary: false },
    ]);
  });

  it('reads an empty diff', () => {
    expect(parseRawNumstat('')).toEqual([]);
  });
});

describe('unified diffs', () => {
  const first =
    'diff --git a/a.txt b/a.txt\nindex 1..2 100644\n--- a/a.txt\n+++ b/a.txt\n@@ -1,2 +1,2 @@\n-diff --git x\n+++ looks like a header\n kept\n';
  const second =
    'diff --git a/b.bin b/b.bin\nnew file mode 100644\nindex 0000000..88768ef\nBinary files /dev/null and b/b.bin differ\n';

  it('splits per file only at real headers', () => {
    expect(splitPatches(first + second)).toEqual([first, second]);
    expect(splitPatches('')).toEqual([]);
  });

  it('counts a patch’s lines, ignoring the ---/+++ header', () => {
    expect(countPatchLines(first)).toEqual({ added: 1, removed: 1, binary: false });
    expect(countPatchLines(second)).toEqual({ added: 0, removed: 0, binary: true });
  });
});

describe('commit lists', () => {
  it('reads `log --format=%H %s` and `git cherry`', () => {
    expect(parseCommitLines(`${A} Fix: the thing  twice\n${B} \n${B}\n`)).toEqual([
      { sha: A, subject: 'Fix: the thing  twice' },
      { sha: B, subject: '' },
      { sha: B, subject: '' },
    ]);
    expect([...parseCherryUnmatched(`- ${A}\n+ ${B}\n`)]).toEqual([B]);
  });
});
