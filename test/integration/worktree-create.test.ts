import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GitFixture } from './git-fixture.js';

let fixture: GitFixture;
afterEach(() => fixture?.dispose());

describe('creating a session worktree', () => {
  it('makes grove/<slug> from the main checkout’s branch in a sibling folder, locked', async () => {
    fixture = GitFixture.create();
    const base = fixture.head();
    const { record, reusedBranch } = await fixture.engine().create({ repoPath: fixture.repo, name: 'Fix Login' });

    expect(record).toEqual({
      repoPath: fixture.repo,
      worktreePath: join(`${fixture.repo}.worktrees`, 'fix-login'),
      branch: 'grove/fix-login',
      baseBranch: 'main',
      baseCommit: base,
    });
    expect(reusedBranch).toBe(false);
    expect(fixture.git(['rev-parse', 'HEAD'], record.worktreePath).trim()).toBe(base);
    expect(fixture.git(['branch', '--show-current'], record.worktreePath).trim()).toBe('grove/fix-login');
    const list = fixture.git(['worktree', 'list', '--porcelain']);
    expect(list).toContain(`worktree ${record.worktreePath}\n`);
    expect(list).toContain('locked grove session Fix Login');
    // No upstream: the branch is the session's own.
    expect(fixture.git(['config', '--get-regexp', '^branch\\.grove/fix-login\\.'])).not.toContain('remote');
  });

  it('works from a subfolder of the checkout and honours a configured root and prefix', async () => {
    fixture = GitFixture.create();
    fixture.commit('src', { 'src/app.ts': 'x\n' });
    const engine = fixture.engine({ root: '.grove/trees', branchPrefix: 'agent-' });
    const { record } = await engine.create({ repoPath: fixture.path('src'), name: 'tests' });
    expect(record.worktreePath).toBe(join(fixture.repo, '.grove/trees/tests'));
    expect(record.branch).toBe('agent-tests');
  });

  it('branches from any ref, recording a branch base by name and anything else as given', async () => {
    fixture = GitFixture.create();
    const first = fixture.head();
    fixture.git(['tag', 'v1']);
    fixture.git(['branch', 'develop']);
    fixture.commit('second', { 'b.txt': 'b\n' });
    const engine = fixture.engine();

    const fromTag = (await engine.create({ repoPath: fixture.repo, name: 'from-tag', base: 'v1' })).record;
    expect(fromTag).toMatchObject({ baseBranch: 'v1', baseCommit: first });
    const fromBranch = (await engine.create({ repoPath: fixture.repo, name: 'from-dev', base: 'develop' })).record;
    expect(fromBranch).toMatchObject({ baseBranch: 'develop', baseCommit: first });
    expect(existsSync(join(fromBranch.worktreePath, 'b.txt'))).toBe(false);
  });

  it('reuses an existing branch no worktree has checked out, as is', async () => {
    fixture = GitFixture.create();
    const fork = fixture.head();
    fixture.git(['checkout', '-q', '-b', 'feature']);
    const tip = fixture.commit('feature work', { 'f.txt': 'f\n' });
    fixture.git(['checkout', '-q', 'main']);
    fixture.commit('main moves on', { 'm.txt': 'm\n' });

    const { record, reusedBranch } = await fixture
      .engine()
      .create({ repoPath: fixture.repo, name: 'resume', branch: 'feature' });
    expect(reusedBranch).toBe(true);
    expect(record).toMatchObject({ branch: 'feature', baseBranch: 'main', baseCommit: fork });
    expect(fixture.head(record.worktreePath)).toBe(tip);
  });

  it('takes a branch named in full (refs/heads/x) as the branch x, new or existing', async () => {
    fixture = GitFixture.create();
    fixture.git(['branch', 'existing']);
    const engine = fixture.engine();
    const reused = await engine.create({ repoPath: fixture.repo, name: 'old', branch: 'refs/heads/existing' });
    expect(reused).toMatchObject({ reusedBranch: true, record: { branch: 'existing' } });
    const made = await engine.create({ repoPath: fixture.repo, name: 'new', branch: 'refs/heads/fresh' });
    expect(made).toMatchObject({ reusedBranch: false, record: { branch: 'fresh' } });
    expect(fixture.git(['for-each-ref', '--format=%(refname)', 'refs/heads/']).split('\n').filter(Boolean).sort())
      .toEqual(['refs/heads/existing', 'refs/heads/fresh', 'refs/heads/main']);
  });

  it('copies the ignored files the configured globs name, and nothing else', async () => {
    fixture = GitFixture.create();
    fixture.commit('ignore rules', {
      '.gitignore': '.env\n*.local.json\nnode_modules/\nsecrets/\n',
      '.env.example': 'KEY=\n',
    });
    fixture.write('.env', 'KEY=1\n');
    fixture.write('api/.env', 'API=1\n');
    fixture.write('config/app.local.json', '{}\n');
    fixture.write('node_modules/pkg/.env', 'nope\n');
    fixture.write('secrets/keys/dev.local.json', '{"k":1}\n');
    fixture.write('notes.txt', 'untracked, not ignored\n');

    const engine = fixture.engine({ copyIgnored: ['.env', 'config/*.local.json', 'secrets/**/*.json'] });
    const { record, copied } = await engine.create({ repoPath: fixture.repo, name: 'env' });

    expect([...copied].sort()).toEqual(['.env', 'api/.env', 'config/app.local.json', 'secrets/keys/dev.local.json']);
    expect(readFileSync(join(record.worktreePath, 'api/.env'), 'utf8')).toBe('API=1\n');
    expect(existsSync(join(record.worktreePath, 'node_modules'))).toBe(false);
    expect(existsSync(join(record.worktreePath, 'notes.txt'))).toBe(false);
    // Copied files are ignored in the worktree too, so they are not "work" to lose or diff.
    expect(fixture.git(['status', '--porcelain'], record.worktreePath)).toBe('');
  });

  it('keeps a copied file’s mode', async () => {
    fixture = GitFixture.create();
    fixture.commit('ignore', { '.gitignore': 'run.sh\n' });
    fixture.write('run.sh', '#!/bin/sh\n');
    chmodSync(fixture.path('run.sh'), 0o755);
    const { record } = await fixture
      .engine({ copyIgnored: ['run.sh'] })
      .create({ repoPath: fixture.repo, name: 'mode' });
    expect(statSync(join(record.worktreePath, 'run.sh')).mode & 0o777).toBe(0o755);
  });

  it('never copies through a symlink the base branch puts in the worktree (issue 16.5)', async () => {
    fixture = GitFixture.create();
    const outside = mkdtempSync(join(tmpdir(), 'grove-outside-'));
    try {
      fixture.commit('ignore', { '.gitignore': '.env\n' });
      fixture.write('cfg/.env', 'SECRET=1\n');
      // Branch `evil` tracks `cfg` as a symlink to a folder outside the repository (made without a checkout).
      const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: fixture.repo, input: outside, encoding: 'utf8' }).trim();
      const index = { ...process.env, GIT_INDEX_FILE: join(outside, '..', `index-${process.pid}`) };
      const run = (args: string[]) => execFileSync('git', args, { cwd: fixture.repo, env: index, encoding: 'utf8' }).trim();
      run(['read-tree', 'main']);
      run(['update-index', '--add', '--cacheinfo', `120000,${blob},cfg`]);
      const commit = run(['commit-tree', run(['write-tree']), '-p', 'main', '-m', 'cfg is a link']);
      fixture.git(['branch', 'evil', commit]);
      rmSync(index.GIT_INDEX_FILE, { force: true });

      const { record, copied } = await fixture.engine({ copyIgnored: ['.env', 'cfg/.env'] }).create({ repoPath: fixture.repo, name: 'e', base: 'evil' });
      expect(lstatSync(join(record.worktreePath, 'cfg')).isSymbolicLink()).toBe(true);
      expect(copied).not.toContain('cfg/.env');
      expect(readdirSync(outside)).toEqual([]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
