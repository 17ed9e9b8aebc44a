import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeScan, type WorktreeEngine, type WorktreeRecord } from '../../src/server/worktrees/index.js';
import { GitFixture } from './git-fixture.js';

let fixture: GitFixture;
afterEach(() => fixture?.dispose());

/**
 * One of each kind of leftover, next to a live session that must never be touched:
 *   live      — owned by a session, folder present
 *   orphan    — folder present, no session (with an uncommitted file)
 *   vanished  — git still lists it, folder gone
 *   forgotten — a session points at it, git does not list it, folder gone (its branch has a commit)
 *   grove/old — a branch with no worktree and no session
 *   stray/    — a plain folder in the root
 */
async function leftovers(): Promise<{
  engine: WorktreeEngine;
  live: WorktreeRecord;
  forgotten: WorktreeRecord;
  root: string;
}> {
  fixture = GitFixture.create();
  const engine = fixture.engine();
  const root = `${fixture.repo}.worktrees`;
  const live = (await engine.create({ repoPath: fixture.repo, name: 'live' })).record;
  const orphan = (await engine.create({ repoPath: fixture.repo, name: 'orphan' })).record;
  fixture.write('README.md', 'unsaved\n', orphan.worktreePath);
  const vanished = (await engine.create({ repoPath: fixture.repo, name: 'vanished' })).record;
  rmSync(vanished.worktreePath, { recursive: true });
  const forgotten = (await engine.create({ repoPath: fixture.repo, name: 'forgotten' })).record;
  fixture.commit('only here', { 'f.txt': 'f\n' }, forgotten.worktreePath);
  rmSync(forgotten.worktreePath, { recursive: true });
  fixture.git(['worktree', 'unlock', forgotten.worktreePath]);
  fixture.git(['worktree', 'prune']);
  fixture.git(['branch', 'grove/old']);
  fixture.git(['branch', 'not-grove']);
  mkdirSync(join(root, 'stray'));
  return { engine, live, forgotten, root };
}

describe('finding leftovers', () => {
  it('lists each kind with what it holds, and leaves the live session out', async () => {
    const { engine, live, forgotten, root } = await leftovers();
    const scan = await engine.scanForOrphans(fixture.repo, [live, forgotten]);

    expect(scan.worktrees).toHaveLength(1);
    expect(scan.worktrees[0]).toMatchObject({
      path: join(root, 'orphan'),
      branch: 'grove/orphan',
      locked: 'grove session orphan',
      loss: { uncommitted: ['README.md'], untracked: [], commits: [] },
    });
    expect(scan.worktrees[0]!.sizeBytes).toBeGreaterThan(0);
    expect(scan.missing.map((m) => [m.path, m.branch, m.registered, m.loss.commits.length])).toEqual([
      [join(root, 'vanished'), 'grove/vanished', true, 0],
      [join(root, 'forgotten'), 'grove/forgotten', false, 1],
    ]);
    expect(scan.branches.map((b) => b.branch)).toEqual(['grove/old']);
    expect(scan.strays).toEqual([join(root, 'stray')]);
    expect(describeScan(scan)).toHaveLength(5);
  });
});

describe('clearing leftovers', () => {
  it('removes only what is chosen, under the removal rules, item by item', async () => {
    const { engine, live, forgotten, root } = await leftovers();
    const results = await engine.prune(fixture.repo, [live, forgotten], {
      worktrees: [{ path: join(root, 'orphan') }],
      missing: [{ path: join(root, 'vanished') }, { path: join(root, 'forgotten'), deleteBranch: true }],
      branches: [{ branch: 'grove/old' }],
    });

    expect(results).toEqual([
      {
        target: join(root, 'orphan'),
        done: false,
        reason: `removing ${join(root, 'orphan')} would lose 1 uncommitted file; confirm to remove it anyway`,
      },
      { target: join(root, 'vanished'), done: true, detail: 'forgotten with branch grove/vanished' },
      {
        target: join(root, 'forgotten'),
        done: false,
        reason: 'deleting grove/forgotten would lose 1 commit not in main; confirm to delete it',
      },
      { target: 'grove/old', done: true, detail: 'deleted' },
    ]);
    expect(existsSync(join(root, 'orphan', 'README.md'))).toBe(true);
    expect(existsSync(live.worktreePath) && existsSync(join(root, 'stray'))).toBe(true);
    expect(fixture.git(['branch', '--format=%(refname:short)']).trim().split('\n').sort()).toEqual(
      ['grove/forgotten', 'grove/live', 'grove/orphan', 'main', 'not-grove'].sort(),
    );
  });

  it('goes through with confirmation, and rescans so a worktree that became owned is left alone', async () => {
    const { engine, live, forgotten, root } = await leftovers();
    const results = await engine.prune(fixture.repo, [live, forgotten], {
      worktrees: [{ path: join(root, 'orphan'), confirmedLoss: true }, { path: live.worktreePath }],
      missing: [{ path: join(root, 'forgotten'), deleteBranch: true, confirmedLoss: true }],
    });
    expect(results.map((r) => r.done)).toEqual([true, false, true]);
    expect(results[1]).toMatchObject({ reason: `${live.worktreePath} is no longer an orphan worktree` });
    expect(existsSync(join(root, 'orphan'))).toBe(false);
    expect(existsSync(live.worktreePath)).toBe(true);
    expect(fixture.git(['branch', '--list', 'grove/forgotten'])).toBe('');
  });

  it('does not override a lock someone else set', async () => {
    fixture = GitFixture.create();
    const engine = fixture.engine();
    const { record } = await engine.create({ repoPath: fixture.repo, name: 'held' });
    fixture.git(['worktree', 'unlock', record.worktreePath]);
    fixture.git(['worktree', 'lock', '--reason', 'on a USB stick', record.worktreePath]);
    const [result] = await engine.prune(fixture.repo, [], { worktrees: [{ path: record.worktreePath }] });
    expect(result).toEqual({
      target: record.worktreePath,
      done: false,
      reason: `${record.worktreePath} is locked by someone else (on a USB stick); unlock it yourself first`,
    });
    expect(existsSync(record.worktreePath)).toBe(true);
  });
});
