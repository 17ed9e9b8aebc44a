/**
 * Change tracking and the conflict matrix against real repositories: counts after files are edited and
 * committed in a worktree (driven by filesystem events), and the matrix on three branches of which
 * exactly one pair conflicts, with a merge order that works around the collision with the base.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { watchFolder } from '../../src/io/watch.js';
import { SimpleGitPort } from '../../src/io/git.js';
import { changeSummary } from '../../src/server/review/change-summary.js';
import { ChangeTracker } from '../../src/server/review/change-tracker.js';
import { conflictMatrix } from '../../src/server/review/conflict-matrix.js';
import type { ChangeSummary } from '../../src/core/review/changes.js';
import { GitFixture } from './git-fixture.js';

let fixture: GitFixture;
afterEach(() => fixture?.dispose());

function nextSummary(tracker: { summaries: ChangeSummary[] }, count: number, timeoutMs = 10_000): Promise<ChangeSummary> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (tracker.summaries.length >= count) return resolve(tracker.summaries[count - 1]!);
      if (Date.now() - started > timeoutMs) return reject(new Error(`no summary #${count}`));
      setTimeout(check, 20);
    };
    check();
  });
}

describe('change tracking', () => {
  it('counts committed, uncommitted and untracked changes, and commits ahead and behind', async () => {
    fixture = GitFixture.create();
    fixture.commit('setup', { 'app.txt': 'one\ntwo\nthree\n' });
    const { record } = await fixture.engine().create({ repoPath: fixture.repo, name: 'work' });
    fixture.commit('turn 1', { 'app.txt': 'one\nTWO\nthree\nfour\n' }, record.worktreePath);
    fixture.write('notes.md', 'draft\n', record.worktreePath);
    fixture.write('README.md', 'hello\nchanged\n', record.worktreePath);
    fixture.commit('main moves', { 'other.txt': 'x\n' });
    const summary = await changeSummary(new SimpleGitPort(), record);
    // The untracked notes.md adds its line, as the diff view counts it.
    expect(summary).toEqual({
      files: 3, added: 4, removed: 1, ahead: 1, behind: 1, uncommitted: 2, touched: ['README.md', 'app.txt', 'notes.md'],
    });
  });

  it('counts from the commit the session started on when its base branch is gone', async () => {
    fixture = GitFixture.create();
    const { record } = await fixture.engine().create({ repoPath: fixture.repo, name: 'renamed' });
    fixture.commit('turn 1', { 'app.txt': 'a\nb\n' }, record.worktreePath);
    fixture.commit('main moves', { 'other.txt': 'x\n' });
    fixture.git(['branch', '-m', 'main', 'trunk']);
    const summary = await changeSummary(new SimpleGitPort(), record);
    expect(summary).toMatchObject({ files: 1, added: 2, ahead: 1, behind: 0, touched: ['app.txt'] });
  });

  it('recounts after files change and after a commit, from filesystem events alone', async () => {
    fixture = GitFixture.create();
    const { record } = await fixture.engine().create({ repoPath: fixture.repo, name: 'live' });
    const state = { summaries: [] as ChangeSummary[] };
    const tracker = new ChangeTracker(new SimpleGitPort(), { id: 's1', record }, watchFolder, (s) => state.summaries.push(s), () => undefined);
    try {
      expect((await nextSummary(state, 1)).files).toBe(0);
      fixture.write('new.txt', 'a\nb\n', record.worktreePath);
      expect(await nextSummary(state, 2)).toMatchObject({ files: 1, uncommitted: 1, ahead: 0 });
      fixture.commit('turn', {}, record.worktreePath);
      expect(await nextSummary(state, 3)).toMatchObject({ files: 1, uncommitted: 0, ahead: 1, added: 2 });
    } finally {
      tracker.dispose();
    }
  });
});

describe('conflict matrix', () => {
  it('finds the one conflicting pair among three branches, and an order that merges them all', async () => {
    fixture = GitFixture.create();
    fixture.commit('setup', { 'shared.txt': 'a\nb\nc\n', 'other.txt': '1\n' });
    const engine = fixture.engine();
    const records = [];
    for (const name of ['left', 'right', 'aside']) records.push((await engine.create({ repoPath: fixture.repo, name })).record);
    const [left, right, aside] = records as [typeof records[0], typeof records[0], typeof records[0]];
    fixture.commit('left edits b', { 'shared.txt': 'a\nLEFT\nc\n' }, left.worktreePath);
    fixture.commit('right edits b', { 'shared.txt': 'a\nRIGHT\nc\n' }, right.worktreePath);
    fixture.commit('aside edits other', { 'other.txt': '2\n' }, aside.worktreePath);

    const matrix = await conflictMatrix(new SimpleGitPort(), [
      { id: 'left', record: left }, { id: 'right', record: right }, { id: 'aside', record: aside },
    ]);
    const conflicting = matrix.pairs.filter((p) => p.conflicts.length > 0);
    expect(conflicting).toEqual([{ a: 'left', b: 'right', conflicts: ['shared.txt'] }]);
    expect(matrix.pairs.filter((p) => p.b === 'base').every((p) => p.conflicts.length === 0)).toBe(true);
    expect(matrix.order).toEqual({ order: ['left', 'aside'], complete: false, stuck: ['right'] });
    // Nothing was merged for real: main is where it was.
    expect(fixture.git(['log', '--format=%s', '-1', 'main']).trim()).toBe('setup');
  });

  it('leaves out a branch with nothing left to merge: its clash was resolved when it was merged', async () => {
    fixture = GitFixture.create();
    fixture.commit('setup', { 'shared.txt': 'a\nb\nc\n' });
    const engine = fixture.engine();
    const api = (await engine.create({ repoPath: fixture.repo, name: 'api' })).record;
    const web = (await engine.create({ repoPath: fixture.repo, name: 'web' })).record;
    fixture.commit('api edits b', { 'shared.txt': 'a\nAPI\nc\n' }, api.worktreePath);
    fixture.commit('web edits b', { 'shared.txt': 'a\nWEB\nc\n' }, web.worktreePath);
    const entries = [{ id: 'api', record: api }, { id: 'web', record: web }];
    expect((await conflictMatrix(new SimpleGitPort(), entries)).pairs.filter((p) => p.conflicts.length)).toEqual([{ a: 'api', b: 'web', conflicts: ['shared.txt'] }]);

    // Both land: api merges, then web, its clash resolved in web's favour.
    await engine.merge(api, { mode: 'merge', onConflict: 'abort' });
    fixture.git(['merge', '-q', '--no-edit', '-X', 'theirs', web.branch]);
    const settled = await conflictMatrix(new SimpleGitPort(), entries);
    expect(settled.pairs).toEqual([]);
    expect(settled.order).toEqual({ order: [], complete: true, stuck: [] });
  });
});
