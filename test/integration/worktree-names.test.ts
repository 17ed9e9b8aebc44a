import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorktreeRefusal } from '../../src/server/worktrees/index.js';
import { GitFixture } from './git-fixture.js';

let fixture: GitFixture;
afterEach(() => fixture?.dispose());

describe('hostile and unusual names', () => {
  it('slugs session names into one safe folder and branch each, executing nothing', async () => {
    fixture = GitFixture.create();
    const engine = fixture.engine();
    const made: Record<string, string> = {};
    for (const name of ['$(touch pwned)', '--upload-pack=x', '../../etc', 'a b', '日本', '`rm -rf ~`;x']) {
      made[name] = (await engine.create({ repoPath: fixture.repo, name })).record.branch;
    }
    expect(made).toEqual({
      '$(touch pwned)': 'grove/touch-pwned',
      '--upload-pack=x': 'grove/upload-pack-x',
      '../../etc': 'grove/etc',
      'a b': 'grove/a-b',
      日本: 'grove/日本',
      '`rm -rf ~`;x': 'grove/rm-rf-x',
    });
    const root = `${fixture.repo}.worktrees`;
    expect(readdirSync(root).sort()).toEqual(['a-b', 'etc', 'rm-rf-x', 'touch-pwned', 'upload-pack-x', '日本'].sort());
    expect(readdirSync(fixture.home).sort()).toEqual(['repo', 'repo.worktrees']);
    expect(existsSync(join(fixture.repo, 'pwned'))).toBe(false);
    expect(
      fixture.git(['branch', '--list', 'grove/*', '--format=%(refname:short)']).split('\n').filter(Boolean),
    ).toHaveLength(6);
  });

  it('refuses names with nothing to slug, and branch names git would not take', async () => {
    fixture = GitFixture.create();
    const engine = fixture.engine();
    const codes: string[] = [];
    for (const request of [
      { name: '../..' },
      { name: '***' },
      { name: 'ok', branch: '--upload-pack=x' },
      { name: 'ok', branch: '@{-1}' },
      { name: 'ok', branch: 'a..b' },
      { name: 'ok', branch: 'x.lock' },
      { name: 'ok', branch: 'has space' },
    ]) {
      const error = await engine.create({ repoPath: fixture.repo, ...request }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorktreeRefusal);
      codes.push((error as WorktreeRefusal).code);
    }
    expect(new Set(codes)).toEqual(new Set(['bad-name']));
    expect(existsSync(`${fixture.repo}.worktrees`) ? readdirSync(`${fixture.repo}.worktrees`) : []).toEqual([]);
  });

  it('accepts an explicit branch name with Unicode', async () => {
    fixture = GitFixture.create();
    const { record } = await fixture.engine().create({ repoPath: fixture.repo, name: 'ok', branch: 'feature/日本語' });
    expect(fixture.git(['branch', '--show-current'], record.worktreePath).trim()).toBe('feature/日本語');
  });

  it('works in a repository whose path has spaces and non-ASCII, through diff, commit, merge and removal', async () => {
    fixture = GitFixture.create('my repo — café');
    const engine = fixture.engine();
    const { record } = await engine.create({ repoPath: fixture.repo, name: 'work' });
    expect(record.worktreePath).toBe(join(fixture.home, 'my repo — café.worktrees', 'work'));
    fixture.write('naïve file.txt', 'content\n', record.worktreePath);

    const diff = await engine.diff({ kind: 'worktree', record });
    expect(diff.files.map((f) => [f.path, f.status])).toEqual([['naïve file.txt', 'untracked']]);
    expect(await engine.commitTurn(record, 'turn 1')).toMatch(/^[0-9a-f]{40}$/);
    expect(await engine.merge(record, { mode: 'merge', onConflict: 'abort' })).toMatchObject({ kind: 'merged' });
    expect(fixture.read('naïve file.txt')).toBe('content\n');
    const removed = await engine.remove(record);
    expect(removed.branch).toEqual({ deleted: true });
    expect(existsSync(record.worktreePath)).toBe(false);
  });
});
