import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MergeMode, WorktreeEngine, WorktreeRecord } from '../../src/server/worktrees/index.js';
import { GitFixture, snapshotFiles } from './git-fixture.js';

let fixture: GitFixture;
afterEach(() => fixture?.dispose());

/**
 * A session and main both changed line two of app.txt. The main checkout also holds the user's own
 * unrelated work: an uncommitted edit and an untracked file — which must survive anything grove does.
 */
async function conflictingSession(): Promise<{ engine: WorktreeEngine; record: WorktreeRecord }> {
  fixture = GitFixture.create();
  fixture.commit('setup', { 'app.txt': 'one\ntwo\nthree\n', 'notes.md': 'notes\n' });
  const engine = fixture.engine();
  const { record } = await engine.create({ repoPath: fixture.repo, name: 'clash' });
  fixture.commit('session turn', { 'app.txt': 'one\nsession\nthree\n', 'session.txt': 's\n' }, record.worktreePath);
  fixture.commit('main turn', { 'app.txt': 'one\nmain\nthree\n' });
  fixture.write('notes.md', 'my unsaved notes\n');
  fixture.write('todo.txt', 'untracked\n');
  return { engine, record };
}

interface State {
  readonly files: Map<string, string>;
  readonly head: string;
  readonly status: string;
}

function state(dir: string): State {
  return {
    files: snapshotFiles(dir),
    head: fixture.head(dir),
    status: fixture.git(['status', '--porcelain=v2', '--branch'], dir),
  };
}

describe.each(['merge', 'squash', 'rebase'] as MergeMode[])('a conflicting %s', (mode) => {
  it('aborts back to exactly the state before, in both checkouts', async () => {
    const { engine, record } = await conflictingSession();
    const main = state(fixture.repo);
    const worktree = state(record.worktreePath);

    const outcome = await engine.merge(record, { mode, onConflict: 'abort' });

    expect(outcome).toEqual({ kind: 'conflict-aborted', files: ['app.txt'] });
    expect(state(fixture.repo)).toEqual(main);
    expect(state(record.worktreePath)).toEqual(worktree);
    expect(existsSync(join(fixture.repo, '.git/MERGE_HEAD'))).toBe(false);
    expect(existsSync(join(fixture.repo, '.git/worktrees/clash/rebase-merge'))).toBe(false);
  });

  it('leaves the conflict in place when asked, reporting where and which files', async () => {
    const { engine, record } = await conflictingSession();
    const mainHead = fixture.head();

    const outcome = await engine.merge(record, { mode, onConflict: 'leave' });

    const where = mode === 'rebase' ? record.worktreePath : fixture.repo;
    expect(outcome).toEqual({ kind: 'conflict-left', where, files: ['app.txt'] });
    expect(fixture.read('app.txt', where)).toMatch(
      /^one\n<<<<<<< [^\n]*\n(main|session)\n=======\n(main|session)\n>>>>>>> [^\n]*\nthree\n$/,
    );
    // The user's own work in the main checkout is untouched, and main has not moved.
    expect(fixture.read('notes.md')).toBe('my unsaved notes\n');
    expect(fixture.read('todo.txt')).toBe('untracked\n');
    expect(fixture.head()).toBe(mainHead);
  });
});
