/**
 * The review loop in the UI, end to end: a worktree session made from the new-session dialog, a change
 * made in it, `prefix D` showing that change, `prefix m` merging it, and the key after the merge removing
 * the worktree — leaving the change in the main checkout and nothing of the worktree on disk. Removing
 * also ends a shell opened in the worktree (`prefix o`), which the remove dialog names first.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groveSandbox, type GroveSandbox } from './grove.js';

function git(sandbox: GroveSandbox, args: readonly string[]): string {
  return execFileSync('git', args, { cwd: sandbox.project, env: sandbox.env, encoding: 'utf8' });
}

describe('reviewing a worktree session in the UI', () => {
  let sandbox: GroveSandbox;
  beforeEach(() => {
    sandbox = groveSandbox();
    writeFileSync(join(sandbox.project, 'README.md'), 'hello\n');
    git(sandbox, ['init', '-q', '-b', 'main']);
    git(sandbox, ['add', '-A']);
    git(sandbox, ['commit', '-q', '-m', 'initial']);
  });
  afterEach(() => sandbox.dispose());

  it('creates, diffs, merges and cleans up', async () => {
    const t = await sandbox.open({ cols: 120, rows: 36 });
    await t.waitForText('Sessions (1)');

    t.press('C-b', 'c');
    await t.waitForText('New session');
    t.write('feature');
    t.press('Tab', 'Tab', 'Space');
    await t.waitForText(/Isolation\s+workspace\s+worktree/);
    t.press('Enter');
    await t.waitForText('Sessions (2)');
    await t.waitForText('grove/feature');
    const worktree = join(`${sandbox.project}.worktrees`, 'feature');
    expect(existsSync(worktree)).toBe(true);

    await t.waitForText(/│\$ ?$/m);
    t.write('echo from-the-worktree > feature.txt\r');
    await t.waitFor(() => existsSync(join(worktree, 'feature.txt')), 'the file in the worktree');

    t.press('C-b', 'D');
    await t.waitForText('feature: grove/feature against main');
    await t.waitForText('+from-the-worktree');
    // Untracked until the shell's turn ends and grove commits it; either way the diff shows it.
    expect(t.screenText()).toMatch(/[A?] feature\.txt\s+\+1 −0/);
    t.press('q');
    await t.waitForGone('+from-the-worktree');

    t.press('C-b', 'm');
    await t.waitForText('Merge feature');
    await t.waitForText('grove/feature → main');
    t.press('Enter');
    await t.waitForText(/merged grove\/feature into main/);
    await t.waitForText('X removes the worktree and branch');
    t.press('X');
    await t.waitForText(/feature: removed the worktree; deleted branch grove\/feature/);
    await t.waitForText('Sessions (1)');

    expect(existsSync(worktree)).toBe(false);
    expect(readFileSync(join(sandbox.project, 'feature.txt'), 'utf8')).toBe('from-the-worktree\n');
    expect(git(sandbox, ['branch', '--list', 'grove/*'])).toBe('');
    expect(git(sandbox, ['status', '--porcelain'])).toBe('');
  });

  it('names the shell opened in the worktree before removing, then ends it with the session', async () => {
    expect((await sandbox.cli(['new', '--worktree', '--name', 'feature', '--', 'sleep', '600'])).stdout).toBe('feature\n');
    const t = await sandbox.open({ cols: 120, rows: 36 });
    await t.waitForText('Sessions (1)');
    // The branch in the sidebar is cut short once its change count (±0) joins it: wait for the folder.
    await t.waitForText('project.worktrees/feature');

    t.press('C-b', 'o');
    await t.waitForText('Sessions (2)');
    await t.waitForText('feature-shell');
    t.press('C-b', '0');
    t.press('C-b', 'X');
    await t.waitForText('Remove feature');
    await t.waitForText('also ends: feature-shell, open in the worktree');
    t.press('y');
    await t.waitForText('feature: removed the worktree; deleted branch grove/feature; also ended feature-shell');
    await t.waitForText('Sessions (0)');

    expect(existsSync(join(`${sandbox.project}.worktrees`, 'feature'))).toBe(false);
    expect(JSON.parse((await sandbox.cli(['ls', '--json'])).stdout)).toEqual([]);
  });
});
