import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorktreeRefusal } from '../../src/server/worktrees/index.js';
import { git, GitFixture } from './git-fixture.js';

let fixture: GitFixture;
afterEach(() => fixture?.dispose());

/** A repository with a submodule "lib" (its own repository next to it). */
function repoWithSubmodule(): GitFixture {
  fixture = GitFixture.create();
  const lib = join(fixture.home, 'lib');
  mkdirSync(lib);
  git(lib, ['init', '-q', '-b', 'main']);
  git(lib, ['-c', 'user.name=L', '-c', 'user.email=l@x', 'commit', '-q', '--allow-empty', '-m', 'lib']);
  fixture.git(['submodule', 'add', '-q', lib, 'lib']);
  fixture.git(['commit', '-q', '-m', 'add submodule']);
  return fixture;
}

describe('a repository with a submodule', () => {
  it('goes through create, commit, diff, merge and removal', async () => {
    repoWithSubmodule();
    const engine = fixture.engine();
    const { record } = await engine.create({ repoPath: fixture.repo, name: 'sub' });
    fixture.write('app.txt', 'app\n', record.worktreePath);

    expect(await engine.commitTurn(record, 'turn')).toBeDefined();
    const diff = await engine.diff({ kind: 'worktree', record });
    expect(diff.files.map((f) => f.path)).toEqual(['app.txt']);
    expect(await engine.merge(record, { mode: 'rebase', onConflict: 'abort' })).toMatchObject({ kind: 'merged' });
    expect(await engine.assessRemoval(record)).toMatchObject({ uncommitted: [], untracked: [], commits: [] });
    expect((await engine.remove(record)).branch).toEqual({ deleted: true });
    expect(existsSync(record.worktreePath)).toBe(false);
  });

  it('removes a worktree with a checked-out submodule only with confirmation (git needs force for it)', async () => {
    repoWithSubmodule();
    const engine = fixture.engine();
    const { record } = await engine.create({ repoPath: fixture.repo, name: 'populated' });
    fixture.git(['submodule', 'update', '--init', '-q'], record.worktreePath);
    expect((await engine.assessRemoval(record)).submodules).toEqual(['lib']);
    fixture.write('lib/wip.txt', 'wip\n', record.worktreePath);
    expect((await engine.assessRemoval(record)).submodules).toEqual(['lib (1 changed file)']);

    const refused = await engine.remove(record).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WorktreeRefusal);
    expect((refused as WorktreeRefusal).code).toBe('would-lose-work');
    expect((refused as WorktreeRefusal).message).toMatch(/would lose 1 uncommitted file and 1 checked-out submodule; confirm to remove it anyway$/);
    expect(existsSync(join(record.worktreePath, 'lib/.git'))).toBe(true);
    // The refusal restored the lock it lifted.
    expect(fixture.git(['worktree', 'list', '--porcelain'])).toContain('locked grove session populated');

    await engine.remove(record, { confirmedLoss: true });
    expect(existsSync(record.worktreePath)).toBe(false);
  });
});
