/**
 * `grove sync` on a real repository: a worktree session's branch brought up to date with a base that moved
 * on, after the preview, its diff then counting only its own work; and a sync that would conflict, aborted
 * back to exactly the state before (same commit, clean worktree, no merge in progress).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groveSandbox, until, type GroveSandbox } from './grove.js';

let sandbox: GroveSandbox;
let repo: string;
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: sandbox.env, encoding: 'utf8' });
const worktree = () => `${repo}.worktrees/feat`;

beforeEach(() => {
  sandbox = groveSandbox();
  repo = sandbox.project;
  git(repo, 'init', '-q', '-b', 'main');
  writeFileSync(join(repo, 'a.txt'), 'start\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '-qm', 'start');
});
afterEach(() => sandbox.dispose());

async function featWith(file: string, text: string): Promise<void> {
  expect((await sandbox.cli(['new', '--worktree', '--name', 'feat', '--', 'bash', '-c', `printf '${text}\\n' > ${file}; sleep 60`])).code).toBe(0);
  await until(() => existsSync(join(worktree(), file)), 'the work');
  await until(async () => (await sandbox.cli(['commit', 'feat'])).code === 0 && git(worktree(), 'status', '--porcelain') === '', 'the turn committed');
}

function mainCommits(file: string, text: string): void {
  writeFileSync(join(repo, file), `${text}\n`);
  git(repo, 'add', '.');
  git(repo, 'commit', '-qm', `main: ${file}`);
}

describe('sync with the base', () => {
  it('merges the base in after the preview, and the diff then counts only the session\'s work', async () => {
    await featWith('feat.txt', 'feat');
    mainCommits('b.txt', 'from main');
    const synced = await sandbox.cli(['sync', 'feat', '--yes']);
    expect(synced, synced.stderr).toMatchObject({ code: 0 });
    expect(synced.stdout.split('\n')).toEqual([
      'grove/feat ← main: 1 commit to bring in',
      expect.stringMatching(/^ {2}[0-9a-f]{8} main: b\.txt$/u),
      '✓ comes in cleanly',
      "grove/feat has main's work now (merged in)",
      '',
    ]);
    expect(existsSync(join(worktree(), 'b.txt'))).toBe(true);
    const stat = await sandbox.cli(['diff', 'feat', '--stat']);
    expect(stat.stdout).toContain('feat.txt');
    expect(stat.stdout).not.toContain('b.txt');
    expect((await sandbox.cli(['sync', 'feat', '--yes'])).stdout).toBe('grove/feat is up to date with main\n');
  });

  it('aborts a sync that would conflict, leaving the worktree exactly as it was', async () => {
    await featWith('a.txt', 'feat');
    mainCommits('a.txt', 'main');
    const before = git(worktree(), 'rev-parse', 'HEAD');
    const refused = await sandbox.cli(['sync', 'feat', '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('✗ would conflict in a.txt');
    expect(refused.stdout).toContain('not synced: main conflicts with grove/feat in a.txt; everything is as it was');
    expect(git(worktree(), 'rev-parse', 'HEAD')).toBe(before);
    expect(git(worktree(), 'status', '--porcelain')).toBe('');
    expect(existsSync(join(repo, '.git', 'worktrees', 'feat', 'MERGE_HEAD'))).toBe(false);
  });

  it('hands a conflict to the agent, and says it is resolved once the agent\'s turn resolved it', async () => {
    const agent = fileURLToPath(new URL('../fixtures/agents/resolving-agent.mjs', import.meta.url));
    expect((await sandbox.cli(['new', '--worktree', '--name', 'feat', '--', process.execPath, agent])).code).toBe(0);
    await until(() => existsSync(join(worktree(), 'a.txt')) && readFileSync(join(worktree(), 'a.txt'), 'utf8') === 'feat\n', 'the work');
    await until(async () => (await sandbox.cli(['commit', 'feat'])).code === 0 && git(worktree(), 'status', '--porcelain') === '', 'the turn committed');
    mainCommits('a.txt', 'main');
    const handed = await sandbox.cli(['sync', 'feat', '--on-conflict', 'hand-back', '--yes']);
    expect(handed, handed.stderr).toMatchObject({ code: 0 });
    expect(handed.stdout).toContain("handed the conflict in a.txt to feat's agent; grove looks again when its turn ends\n");
    await until(async () => (await sandbox.cli(['ls'])).stdout.includes('conflict resolved (a.txt)'), 'the resolution seen at the turn\'s end', 20_000);
    expect(readFileSync(join(worktree(), 'a.txt'), 'utf8')).toBe('both\n');
    expect(git(worktree(), 'log', '-1', '--format=%s')).toMatch(/^Merge /u);
    expect(git(worktree(), 'status', '--porcelain')).toBe('');
  });
});
