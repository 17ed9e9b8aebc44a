/**
 * `grove push` and `grove pr` against a real bare repository as the remote: the branch pushed with its
 * pending work committed first and its upstream set; a remote branch that moved on is not replaced
 * without --force (and then with a lease); a pull request is printed as the gh command and the
 * address to open when gh is not there (it is not on this machine).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groveSandbox, until, type GroveSandbox } from './grove.js';

let sandbox: GroveSandbox;
let repo: string;
let bare: string;
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: sandbox.env, encoding: 'utf8' });

beforeEach(() => {
  sandbox = groveSandbox();
  repo = sandbox.project;
  bare = join(sandbox.dir, 'remote.git');
  git(sandbox.dir, 'init', '-q', '--bare', '-b', 'main', bare);
  git(repo, 'init', '-q', '-b', 'main');
  writeFileSync(join(repo, 'README.md'), 'project\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '-qm', 'start');
  git(repo, 'remote', 'add', 'origin', bare);
  git(repo, 'push', '-q', '-u', 'origin', 'main');
});
afterEach(() => sandbox.dispose());

describe('push for review', () => {
  it('pushes the branch with its work, upstream set, and replaces a moved remote branch only with --force', async () => {
    expect((await sandbox.cli(['new', '--worktree', '--name', 'feat', '--', 'bash', '-c', 'echo new > feature.txt; sleep 60'])).code).toBe(0);
    const worktree = `${repo}.worktrees/feat`;
    await until(() => { try { return git(worktree, 'status', '--porcelain').includes('feature.txt'); } catch { return false; } }, 'the work');
    const pushed = await sandbox.cli(['push', 'feat']);
    expect(pushed, pushed.stderr).toMatchObject({ code: 0, stdout: 'feat: pushed grove/feat to origin (upstream set)\n' });
    expect(git(bare, 'show', 'grove/feat:feature.txt')).toBe('new\n');
    expect(git(worktree, 'rev-parse', '--abbrev-ref', '@{upstream}').trim()).toBe('origin/grove/feat');

    // Someone else pushes to the branch: grove does not overwrite it unless told.
    const other = join(sandbox.dir, 'other');
    git(sandbox.dir, 'clone', '-q', '-b', 'grove/feat', bare, other);
    writeFileSync(join(other, 'theirs.txt'), 'theirs\n');
    git(other, 'add', '.');
    git(other, '-c', 'user.email=o@e', '-c', 'user.name=o', 'commit', '-qm', 'theirs');
    git(other, 'push', '-q');
    writeFileSync(join(worktree, 'more.txt'), 'more\n');
    const refused = await sandbox.cli(['push', 'feat']);
    expect(refused).toMatchObject({ code: 1, stderr: 'grove: origin has commits on grove/feat that this branch lacks; grove push --force replaces them\n' });
    expect(git(bare, 'show', 'grove/feat:theirs.txt')).toBe('theirs\n');
    expect((await sandbox.cli(['push', 'feat', '--force'])).code).toBe(0);
    expect(git(bare, 'show', 'grove/feat:more.txt')).toBe('more\n');
  });

  it('prints the pull request to open when gh is not there', async () => {
    git(repo, 'remote', 'set-url', 'origin', bare);
    expect((await sandbox.cli(['new', '--worktree', '--name', 'feat', '--', 'bash', '-c', 'echo new > feature.txt; sleep 60'])).code).toBe(0);
    await until(() => { try { return git(`${repo}.worktrees/feat`, 'status', '--porcelain').includes('feature.txt'); } catch { return false; } }, 'the work');
    const pr = await sandbox.cli(['pr', 'feat'], { env: { ...sandbox.env, PATH: '/usr/bin:/bin' } });
    expect(pr.code, pr.stderr).toBe(0);
    expect(pr.stdout).toContain('feat: pushed grove/feat to origin (upstream set)\n');
    expect(pr.stdout).toMatch(/^ {2}gh pr create --head grove\/feat --base main --title 'feat: grove: feat turn 1' --body '/mu);
  });

  it('says in one line when there is no remote, and pushes nothing of a workspace session', async () => {
    git(repo, 'remote', 'remove', 'origin');
    expect((await sandbox.cli(['new', '--worktree', '--name', 'feat', '--', 'sleep', '60'])).code).toBe(0);
    expect(await sandbox.cli(['push', 'feat'])).toMatchObject({ code: 1, stderr: expect.stringMatching(/^grove: .* has no remote to push to \(git remote add origin URL\)\n$/u) });
    expect((await sandbox.cli(['new', '--name', 'here', '--', 'sleep', '60'])).code).toBe(0);
    expect(await sandbox.cli(['push', 'here'])).toMatchObject({ code: 1, stderr: 'grove: here works in the checkout: push the branch you work on with git push\n' });
  });
});
