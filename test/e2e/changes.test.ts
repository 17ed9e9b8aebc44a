/**
 * Live change tracking and the conflict matrix through a real server: a file written in a worktree
 * session's folder shows up in its counts (from filesystem events, no polling), and `grove conflicts`
 * finds the one pair of three worktree sessions whose branches collide.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../src/core/session/session.js';
import { groveSandbox, until, type GroveSandbox } from './grove.js';

let sandbox: GroveSandbox;

function git(args: readonly string[], cwd = sandbox.project): string {
  return execFileSync('git', args, { cwd, env: sandbox.env, encoding: 'utf8' });
}

function commit(message: string, files: Record<string, string>, cwd: string): void {
  for (const [path, text] of Object.entries(files)) writeFileSync(join(cwd, path), text);
  git(['add', '-A'], cwd);
  git(['commit', '-q', '-m', message], cwd);
}

async function session(name: string): Promise<SessionInfo | undefined> {
  const list = JSON.parse((await sandbox.cli(['ls', '--json'])).stdout) as SessionInfo[];
  return list.find((s) => s.name === name);
}

describe('changes and conflicts', () => {
  beforeEach(() => {
    sandbox = groveSandbox();
    git(['init', '-q', '-b', 'main']);
    commit('setup', { 'shared.txt': 'a\nb\nc\n', 'other.txt': '1\n' }, sandbox.project);
  });
  afterEach(() => sandbox.dispose());

  it('counts what a worktree session changes, as it changes', async () => {
    expect((await sandbox.cli(['new', '--worktree', '--name', 'edit', '--', 'sleep', '600'])).code).toBe(0);
    const folder = (await session('edit'))!.worktree!.worktreePath;
    await until(async () => (await session('edit'))?.changes !== undefined, 'the first count');
    expect((await session('edit'))!.changes).toMatchObject({ files: 0, added: 0, ahead: 0 });
    writeFileSync(join(folder, 'shared.txt'), 'a\nB\nc\nd\n');
    await until(async () => (await session('edit'))?.changes?.files === 1, 'the edit to be counted');
    expect((await session('edit'))!.changes).toMatchObject({ files: 1, added: 2, removed: 1, uncommitted: 1, ahead: 0 });
    commit('turn', {}, folder);
    await until(async () => (await session('edit'))?.changes?.ahead === 1, 'the commit to be counted');
  });

  it('finds the one conflicting pair of three sessions, and says so in the sidebar', async () => {
    for (const name of ['left', 'right', 'aside']) {
      expect((await sandbox.cli(['new', '--worktree', '--name', name, '--', 'sleep', '600'])).code).toBe(0);
    }
    const folderOf = async (name: string) => (await session(name))!.worktree!.worktreePath;
    commit('left edits b', { 'shared.txt': 'a\nLEFT\nc\n' }, await folderOf('left'));
    commit('right edits b', { 'shared.txt': 'a\nRIGHT\nc\n' }, await folderOf('right'));
    commit('aside edits other', { 'other.txt': '2\n' }, await folderOf('aside'));

    const report = await sandbox.cli(['conflicts']);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('left ✗ right: shared.txt');
    expect(report.stdout).not.toMatch(/aside ✗/);
    expect(report.stdout).toMatch(/no order avoids every conflict: (left|right) → aside merge cleanly, then (right|left) conflicts/);

    await until(async () => (await session('left'))?.changes?.conflicts.includes('right') === true, 'the conflict badge');
    expect((await session('aside'))!.changes!.conflicts).toEqual([]);
    const t = await sandbox.open({ cols: 100, rows: 30 });
    await t.waitForText(/left\s+≈?✗ wt/);
    expect(t.screenText()).toMatch(/aside\s+wt/);
  });
});
