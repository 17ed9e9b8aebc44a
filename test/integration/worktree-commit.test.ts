import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorktreeRefusal } from '../../src/server/worktrees/index.js';
import { GitFixture } from './git-fixture.js';

let fixture: GitFixture;
afterEach(() => fixture?.dispose());

describe('committing at the end of a turn', () => {
  it('stages everything in the worktree — edits, new files, deletions — and commits it', async () => {
    fixture = GitFixture.create();
    fixture.commit('setup', { 'old.txt': 'old\n' });
    const engine = fixture.engine();
    const { record } = await engine.create({ repoPath: fixture.repo, name: 'turns' });
    const wt = record.worktreePath;
    fixture.write('README.md', 'edited\n', wt);
    fixture.write('deep/new file.txt', 'new\n', wt);
    rmSync(join(wt, 'old.txt'));

    const sha = await engine.commitTurn(record, 'Turn 1: edit, add, delete');

    expect(sha).toBe(fixture.head(wt));
    expect(fixture.git(['log', '-1', '--format=%s'], wt).trim()).toBe('Turn 1: edit, add, delete');
    expect(fixture.git(['show', '--name-status', '--format=', 'HEAD'], wt).trim().split('\n').sort()).toEqual(
      ['A\tdeep/new file.txt', 'D\told.txt', 'M\tREADME.md'].sort(),
    );
    expect(fixture.git(['status', '--porcelain'], wt)).toBe('');
  });

  it('returns undefined and makes no commit when nothing changed', async () => {
    fixture = GitFixture.create();
    const engine = fixture.engine();
    const { record } = await engine.create({ repoPath: fixture.repo, name: 'idle' });
    expect(await engine.commitTurn(record, 'nothing')).toBeUndefined();
    expect(fixture.head(record.worktreePath)).toBe(record.baseCommit);
  });

  it('takes a message that looks like an option as plain text', async () => {
    fixture = GitFixture.create();
    const engine = fixture.engine();
    const { record } = await engine.create({ repoPath: fixture.repo, name: 'msg' });
    fixture.write('x.txt', 'x\n', record.worktreePath);
    await engine.commitTurn(record, '--amend');
    expect(fixture.git(['log', '-1', '--format=%s'], record.worktreePath).trim()).toBe('--amend');
    expect(fixture.git(['rev-list', '--count', 'HEAD'], record.worktreePath).trim()).toBe('2');
  });

  it('refuses the main checkout, and a worktree that left the session’s branch', async () => {
    fixture = GitFixture.create();
    const engine = fixture.engine();
    const { record } = await engine.create({ repoPath: fixture.repo, name: 'guard' });
    fixture.write('mine.txt', 'the user’s work\n');

    const main = await engine.commitTurn({ ...record, worktreePath: fixture.repo }, 'sweep').catch((e: unknown) => e);
    expect(main).toBeInstanceOf(WorktreeRefusal);
    expect((main as WorktreeRefusal).code).toBe('main-checkout');
    expect(fixture.git(['status', '--porcelain'])).toBe('?? mine.txt\n');

    fixture.git(['checkout', '-q', '--detach'], record.worktreePath);
    fixture.write('y.txt', 'y\n', record.worktreePath);
    const detached = await engine.commitTurn(record, 'lost').catch((e: unknown) => e);
    expect((detached as WorktreeRefusal).code).toBe('wrong-branch');
    expect(fixture.head(record.worktreePath)).toBe(record.baseCommit);
    expect(fixture.git(['status', '--porcelain'], record.worktreePath)).toBe('?? y.txt\n');
  });
});
