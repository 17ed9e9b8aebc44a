import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SimpleGitPort } from '../../src/io/git.js';
import { nodeWorktreeFiles } from '../../src/io/git-files.js';
import { WorktreeEngine } from '../../src/server/worktrees/index.js';
import { GitFixture } from './git-fixture.js';

let fixture: GitFixture;
afterEach(() => fixture?.dispose());

describe('what a session changed', () => {
  it('reports commits, then every file changed since the base — committed, uncommitted and untracked', async () => {
    fixture = GitFixture.create();
    fixture.commit('setup', { 'keep.txt': 'a\nb\nc\n', 'gone.txt': 'bye\n', 'old name.txt': 'same\ncontent\nhere\n' });
    const engine = fixture.engine();
    const { record } = await engine.create({ repoPath: fixture.repo, name: 'review' });
    const wt = record.worktreePath;
    const first = fixture.commit('edit keep', { 'keep.txt': 'a\nB\nc\n' }, wt);
    fixture.git(['mv', 'old name.txt', 'new name.txt'], wt);
    fixture.git(['rm', '-q', 'gone.txt'], wt);
    const second = fixture.commit('rename and delete', {}, wt);
    fixture.write('keep.txt', 'a\nB\nc\nd\n', wt); // uncommitted, unstaged
    fixture.write('staged.txt', 'staged\n', wt);
    fixture.git(['add', 'staged.txt'], wt);
    fixture.write('fresh file.txt', 'one\ntwo\n', wt); // untracked
    fixture.write('blob.bin', Buffer.from([0, 1, 2, 3, 0, 255]), wt); // untracked binary
    fixture.commit('main moves on', { 'elsewhere.txt': 'x\n' }); // not the session's change
    const index = readFileSync(join(fixture.repo, '.git/worktrees/review/index'));

    const diff = await engine.diff({ kind: 'worktree', record });

    expect(diff.base).toBe(record.baseCommit);
    expect(diff.commits).toEqual([
      { sha: second, subject: 'rename and delete' },
      { sha: first, subject: 'edit keep' },
    ]);
    expect(diff.files.map(({ patch: _patch, ...stat }) => stat)).toEqual([
      { path: 'blob.bin', status: 'untracked', added: 0, removed: 0, binary: true },
      { path: 'fresh file.txt', status: 'untracked', added: 2, removed: 0, binary: false },
      { path: 'gone.txt', status: 'deleted', added: 0, removed: 1, binary: false },
      { path: 'keep.txt', status: 'modified', added: 2, removed: 1, binary: false },
      { path: 'new name.txt', oldPath: 'old name.txt', status: 'renamed', added: 0, removed: 0, binary: false },
      { path: 'staged.txt', status: 'added', added: 1, removed: 0, binary: false },
    ]);
    const patch = (path: string) => diff.files.find((f) => f.path === path)!.patch;
    expect(patch('keep.txt')).toMatch(
      /^diff --git a\/keep.txt b\/keep.txt\nindex \w+\.\.\w+ 100644\n--- a\/keep.txt\n\+\+\+ b\/keep.txt\n@@ -1,3 \+1,4 @@\n a\n-b\n\+B\n c\n\+d\n$/,
    );
    // (git ends ---/+++ names containing spaces with a tab.)
    expect(patch('fresh file.txt')).toMatch(
      /^diff --git a\/fresh file.txt b\/fresh file.txt\nnew file mode 100644\n[^]*\+\+\+ b\/fresh file.txt\t\n@@ -0,0 \+1,2 @@\n\+one\n\+two\n$/,
    );
    expect(patch('new name.txt')).toContain('rename from old name.txt\nrename to new name.txt');
    expect(patch('blob.bin')).toContain('Binary files /dev/null and b/blob.bin differ');
    // Read-only: the worktree's index is byte-for-byte what it was.
    expect(readFileSync(join(fixture.repo, '.git/worktrees/review/index'))).toEqual(index);
  });

  it('is empty for a fresh worktree, and follows the base once the branch is merged', async () => {
    fixture = GitFixture.create();
    const engine = fixture.engine();
    const { record } = await engine.create({ repoPath: fixture.repo, name: 'empty' });
    expect(await engine.diff({ kind: 'worktree', record })).toEqual({
      base: record.baseCommit,
      commits: [],
      files: [],
    });
    fixture.commit('work', { 'w.txt': 'w\n' }, record.worktreePath);
    await engine.merge(record, { mode: 'merge', onConflict: 'abort' });
    expect(await engine.diff({ kind: 'worktree', record })).toMatchObject({ commits: [], files: [] });
  });

  it('shows a workspace session its checkout’s uncommitted changes', async () => {
    fixture = GitFixture.create();
    fixture.write('README.md', 'hello\nworld\n');
    fixture.write('new.txt', 'n\n');
    const diff = await fixture.engine().diff({ kind: 'workspace', path: fixture.path('.') });
    expect(diff.base).toBe(fixture.head());
    expect(diff.commits).toEqual([]);
    expect(diff.files.map((f) => [f.path, f.status, f.added, f.removed])).toEqual([
      ['README.md', 'modified', 1, 0],
      ['new.txt', 'untracked', 1, 0],
    ]);
  });

  it('compares a workspace with no commits yet against the empty tree', async () => {
    fixture = GitFixture.create('fresh', { commit: false });
    fixture.write('a.txt', 'a\n');
    fixture.write('b.txt', 'b\n');
    fixture.git(['add', 'a.txt']);
    const diff = await fixture.engine().diff({ kind: 'workspace', path: fixture.repo });
    expect(diff.base).toBe('4b825dc642cb6eb9a060e54bf8d69288fbee4904');
    expect(diff.files.map((f) => [f.path, f.status])).toEqual([
      ['a.txt', 'added'],
      ['b.txt', 'untracked'],
    ]);
  });

  it('keeps a new file that a turn commit stages while the diff is being read', async () => {
    fixture = GitFixture.create();
    const { record } = await fixture.engine().create({ repoPath: fixture.repo, name: 'racing' });
    fixture.write('greet.txt', 'hello\n', record.worktreePath);
    // The commit at a turn's end (git add -A) lands between the diff's two reads, whichever comes second:
    // the file is untracked for the first and tracked for the second.
    const real = new SimpleGitPort();
    const reads = ['ls-files', '--raw'];
    const racing: typeof real = Object.assign(Object.create(real) as typeof real, {
      exec: (cwd: string, args: readonly string[], options?: Parameters<typeof real.exec>[2]) => {
        const read = reads.findIndex((word) => args.includes(word));
        if (read >= 0) reads.splice(read, 1);
        if (read >= 0 && !reads.length) fixture.git(['add', '-A'], cwd);
        return real.exec(cwd, args, options);
      },
    });
    const engine = new WorktreeEngine({ git: racing, files: nodeWorktreeFiles }, {});
    const diff = await engine.diff({ kind: 'worktree', record });
    expect(reads).toEqual([]);
    expect(diff.files.map((f) => [f.path, f.added])).toEqual([['greet.txt', 1]]);
  });
});
