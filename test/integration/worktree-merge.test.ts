import { afterEach, describe, expect, it } from 'vitest';
import { WorktreeRefusal, type WorktreeEngine, type WorktreeRecord } from '../../src/server/worktrees/index.js';
import { GitFixture, gitFails, snapshotFiles } from './git-fixture.js';

let fixture: GitFixture;
afterEach(() => fixture?.dispose());

/** A repository with a session that committed two turns, while main moved on elsewhere. */
async function sessionWithWork(): Promise<{ engine: WorktreeEngine; record: WorktreeRecord }> {
  fixture = GitFixture.create();
  fixture.commit('setup', { 'app.txt': 'one\ntwo\nthree\n' });
  const engine = fixture.engine();
  const { record } = await engine.create({ repoPath: fixture.repo, name: 'feature' });
  fixture.commit('turn 1', { 'app.txt': 'one\nTWO\nthree\n' }, record.worktreePath);
  fixture.commit('turn 2', { 'feature.txt': 'new\n' }, record.worktreePath);
  fixture.commit('main moves on', { 'other.txt': 'other\n' });
  return { engine, record };
}

function subjects(range: string): string[] {
  return fixture.git(['log', '--format=%s', range]).trim().split('\n');
}

async function refusalCode(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof WorktreeRefusal)) throw new Error(`expected a refusal, got ${String(error)}`);
  return `${error.code}: ${error.message}`;
}

describe('previewing a merge', () => {
  it('says clean or lists conflicts, without touching either checkout', async () => {
    const { engine, record } = await sessionWithWork();
    const before = [
      snapshotFiles(fixture.repo),
      snapshotFiles(record.worktreePath),
      fixture.git(['status', '--porcelain']),
    ];
    const clean = await engine.previewMerge(record);
    expect(clean).toMatchObject({ clean: true, conflicts: [], upToDate: false });
    expect(clean.commits.map((c) => c.subject)).toEqual(['turn 2', 'turn 1']);

    fixture.commit('main edits the same line', { 'app.txt': 'one\nzwei\nthree\n' });
    const conflicted = await engine.previewMerge(record);
    expect(conflicted).toMatchObject({ clean: false, conflicts: ['app.txt'] });
    expect(conflicted.messages).toContain('CONFLICT (content): Merge conflict in app.txt');
    expect(snapshotFiles(record.worktreePath)).toEqual(before[1]);
    expect(fixture.git(['status', '--porcelain'])).toBe(before[2]);
  });
});

describe('merging into the base branch', () => {
  it('merge: a merge commit on main, leaving unrelated uncommitted work alone', async () => {
    const { engine, record } = await sessionWithWork();
    fixture.write('README.md', 'my own edit\n');
    fixture.write('scratch.txt', 'mine\n');
    const outcome = await engine.merge(record, { mode: 'merge', onConflict: 'abort' });
    expect(outcome).toMatchObject({ kind: 'merged', mode: 'merge', commit: fixture.head() });
    expect(subjects('-1')).toEqual(["Merge branch 'grove/feature'"]);
    expect(fixture.git(['rev-list', '--parents', '-1', 'HEAD']).trim().split(' ')).toHaveLength(3);
    expect(fixture.read('feature.txt')).toBe('new\n');
    expect(fixture.read('README.md')).toBe('my own edit\n');
    expect(fixture.read('scratch.txt')).toBe('mine\n');
    expect(await engine.merge(record, { mode: 'merge', onConflict: 'abort' })).toEqual({ kind: 'up-to-date' });
  });

  it('squash: one commit on main with the branch’s combined change', async () => {
    const { engine, record } = await sessionWithWork();
    const before = fixture.head();
    const outcome = await engine.merge(record, { mode: 'squash', onConflict: 'abort' });
    expect(outcome).toMatchObject({ kind: 'merged', mode: 'squash' });
    expect(fixture.git(['rev-list', '--parents', '-1', 'HEAD']).trim().split(' ')).toEqual([fixture.head(), before]);
    expect(fixture.git(['log', '-1', '--format=%B']).trim()).toBe(
      'Squashed grove/feature (2 commits)\n\n* turn 1\n* turn 2',
    );
    expect(fixture.git(['diff', '--name-only', 'HEAD~1', 'HEAD']).trim().split('\n')).toEqual([
      'app.txt',
      'feature.txt',
    ]);
    expect(fixture.git(['status', '--porcelain'])).toBe('');
    expect(await engine.merge(record, { mode: 'squash', onConflict: 'abort' })).toEqual({ kind: 'up-to-date' });
  });

  it('rebase: replays the branch onto main in the worktree, then fast-forwards main', async () => {
    const { engine, record } = await sessionWithWork();
    const mainBefore = fixture.head();
    const outcome = await engine.merge(record, { mode: 'rebase', onConflict: 'abort' });
    expect(outcome).toMatchObject({ kind: 'merged', mode: 'rebase', record: { ...record, baseCommit: mainBefore } });
    expect(subjects('-3')).toEqual(['turn 2', 'turn 1', 'main moves on']);
    expect(fixture.head()).toBe(fixture.head(record.worktreePath));
    expect(fixture.git(['rev-list', '--merges', '--count', 'HEAD']).trim()).toBe('0');
  });

  it('uses the caller’s message', async () => {
    const { engine, record } = await sessionWithWork();
    await engine.merge(record, { mode: 'squash', onConflict: 'abort', message: 'Add the feature' });
    expect(subjects('-1')).toEqual(['Add the feature']);
  });
});

describe('refusing to merge, saying why', () => {
  it('when the main checkout is on another branch', async () => {
    const { engine, record } = await sessionWithWork();
    fixture.git(['checkout', '-q', '-b', 'elsewhere']);
    expect(await refusalCode(engine.merge(record, { mode: 'merge', onConflict: 'abort' }))).toBe(
      `wrong-branch: the main checkout (${fixture.repo}) is on elsewhere, not main; switch to main to merge`,
    );
  });

  it('when a file the merge touches has uncommitted changes (or an untracked file is in the way)', async () => {
    const { engine, record } = await sessionWithWork();
    fixture.write('app.txt', 'local edit\n');
    expect(await refusalCode(engine.merge(record, { mode: 'squash', onConflict: 'abort' }))).toMatch(
      /^dirty-files: .* has uncommitted changes in app.txt, which the merge changes/,
    );
    fixture.git(['checkout', '--', 'app.txt']);
    fixture.write('feature.txt', 'in the way\n');
    expect(await refusalCode(engine.merge(record, { mode: 'rebase', onConflict: 'abort' }))).toMatch(
      /^dirty-files: .*feature.txt/,
    );
    expect(fixture.read('feature.txt')).toBe('in the way\n');
  });

  it('when something is staged', async () => {
    const { engine, record } = await sessionWithWork();
    fixture.write('README.md', 'staged\n');
    fixture.git(['add', 'README.md']);
    expect(await refusalCode(engine.merge(record, { mode: 'merge', onConflict: 'abort' }))).toMatch(
      /^staged-changes: .* has staged changes \(README.md\); commit or unstage them first$/,
    );
  });

  it('when the main checkout is mid merge, rebase or cherry-pick', async () => {
    const { engine, record } = await sessionWithWork();
    fixture.git(['checkout', '-q', '-b', 'side', 'HEAD~1']);
    fixture.commit('side edit', { 'README.md': 'side\n' });
    fixture.git(['checkout', '-q', 'main']);
    fixture.commit('main edit', { 'README.md': 'main\n' });
    for (const [start, abort, doing] of [
      ['merge', 'merge', 'a merge'],
      ['cherry-pick', 'cherry-pick', 'a cherry-pick'],
      ['rebase', 'rebase', 'a rebase'],
    ] as const) {
      gitFails(fixture.repo, [start, 'side']);
      expect(await refusalCode(engine.merge(record, { mode: 'merge', onConflict: 'abort' }))).toBe(
        `operation-in-progress: the main checkout (${fixture.repo}) is in the middle of ${doing}; finish or abort it first`,
      );
      fixture.git([abort, '--abort']);
    }
  });

  it('when the base is not a branch', async () => {
    fixture = GitFixture.create();
    fixture.git(['tag', 'v1']);
    const engine = fixture.engine();
    const { record } = await engine.create({ repoPath: fixture.repo, name: 'x', base: 'v1' });
    fixture.commit('w', { 'w.txt': 'w\n' }, record.worktreePath);
    expect(await refusalCode(engine.merge(record, { mode: 'merge', onConflict: 'abort' }))).toBe(
      'base-not-a-branch: base v1 is not a local branch; there is nothing to merge into',
    );
  });
});
