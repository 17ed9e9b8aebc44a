import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorktreeRefusal, type RefusalCode } from '../../src/server/worktrees/index.js';
import { git, GitFixture } from './git-fixture.js';

let fixture: GitFixture;
afterEach(() => fixture?.dispose());

async function refusal(promise: Promise<unknown>): Promise<{ code: RefusalCode; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WorktreeRefusal) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('refusing to create a worktree, each reason its own message', () => {
  it('outside any repository', async () => {
    fixture = GitFixture.create();
    const plain = realpathSync(mkdtempSync(join(tmpdir(), 'grove-plain-')));
    try {
      const result = await refusal(fixture.engine().create({ repoPath: plain, name: 'x' }));
      expect(result.code).toBe('not-a-repository');
      expect(result.message).toMatch(/not in a git repository/);
    } finally {
      rmSync(plain, { recursive: true });
    }
  });

  it('in a bare repository', async () => {
    fixture = GitFixture.create();
    const bare = join(fixture.home, 'bare.git');
    git(fixture.home, ['clone', '-q', '--bare', fixture.repo, bare]);
    const result = await refusal(fixture.engine().create({ repoPath: bare, name: 'x' }));
    expect(result.code).toBe('bare-repository');
    expect(result.message).toMatch(/bare repository/);
  });

  it('in a repository with no commits', async () => {
    fixture = GitFixture.create('empty', { commit: false });
    const result = await refusal(fixture.engine().create({ repoPath: fixture.repo, name: 'x' }));
    expect(result).toEqual({
      code: 'no-commits',
      message: `${fixture.repo} has no commits yet; commit something before starting a worktree session`,
    });
  });

  it('on a detached HEAD when no base is named, but not when one is', async () => {
    fixture = GitFixture.create();
    fixture.git(['checkout', '-q', '--detach']);
    const engine = fixture.engine();
    const result = await refusal(engine.create({ repoPath: fixture.repo, name: 'x' }));
    expect(result.code).toBe('detached-head');
    expect(result.message).toMatch(/detached HEAD; name the base branch/);
    await expect(engine.create({ repoPath: fixture.repo, name: 'x', base: 'main' })).resolves.toBeDefined();
  });

  it('with a branch already checked out in another worktree (the main checkout included)', async () => {
    fixture = GitFixture.create();
    const engine = fixture.engine();
    await engine.create({ repoPath: fixture.repo, name: 'one' });
    const taken = await refusal(engine.create({ repoPath: fixture.repo, name: 'two', branch: 'grove/one' }));
    expect(taken.code).toBe('branch-checked-out');
    expect(taken.message).toBe(`branch grove/one is already checked out in ${fixture.repo}.worktrees/one`);
    const main = await refusal(engine.create({ repoPath: fixture.repo, name: 'three', branch: 'main' }));
    expect(main).toEqual({
      code: 'branch-checked-out',
      message: `branch main is already checked out in ${fixture.repo}`,
    });
  });

  it('when the default branch exists from an earlier session, unless reused by name', async () => {
    fixture = GitFixture.create();
    fixture.git(['branch', 'grove/again']);
    const engine = fixture.engine();
    const result = await refusal(engine.create({ repoPath: fixture.repo, name: 'again' }));
    expect(result.code).toBe('branch-exists');
    expect(result.message).toMatch(/name it explicitly to reuse it/);
    await expect(
      engine.create({ repoPath: fixture.repo, name: 'again', branch: 'grove/again' }),
    ).resolves.toMatchObject({
      reusedBranch: true,
    });
  });

  it('when the target folder already exists, without touching it', async () => {
    fixture = GitFixture.create();
    const target = join(`${fixture.repo}.worktrees`, 'busy');
    mkdirSync(target, { recursive: true });
    fixture.write('keep.txt', 'mine\n', target);
    const result = await refusal(fixture.engine().create({ repoPath: fixture.repo, name: 'busy' }));
    expect(result).toEqual({
      code: 'target-exists',
      message: `${target} already exists; remove it or choose another session name`,
    });
    expect(readdirSync(target)).toEqual(['keep.txt']);
    expect(fixture.git(['branch', '--list', 'grove/busy'])).toBe('');
  });

  it('from a base that does not exist or reads as an option', async () => {
    fixture = GitFixture.create();
    const engine = fixture.engine();
    expect(await refusal(engine.create({ repoPath: fixture.repo, name: 'x', base: 'nope' }))).toEqual({
      code: 'bad-ref',
      message: 'base "nope" is not a commit in this repository',
    });
    expect((await refusal(engine.create({ repoPath: fixture.repo, name: 'x', base: '--output=/tmp/x' }))).code).toBe(
      'bad-ref',
    );
  });
});
