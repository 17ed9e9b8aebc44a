import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeScan, type WorktreeEngine, type WorktreeRecord } from '../../src/server/worktrees/index.js';
import { groveLockReason } from '../../src/core/git/lock-holder.js';
import { deadPid, GitFixture } from './git-fixture.js';

let fixture: GitFixture;
afterEach(() => fixture?.dispose());

/**
 * One of each kind of leftover, next to a live session that must never be touched:
 *   live      — owned by a session, folder present
 *   orphan    — folder present, no session (with an uncommitted file), locked by a server that is gone
 *   vanished  — git still lists it, folder gone, locked by a server that is gone
 *   forgotten — a session points at it, git does not list it, folder gone (its branch has a commit)
 *   grove/old — a branch grove created, with no worktree and no session
 *   grove/mine — the user's branch under grove's prefix: not grove's to offer
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
  relock(orphan.worktreePath, groveLockReason('orphan', deadPid()));
  const vanished = (await engine.create({ repoPath: fixture.repo, name: 'vanished' })).record;
  relock(vanished.worktreePath, groveLockReason('vanished', deadPid()));
  rmSync(vanished.worktreePath, { recursive: true });
  const forgotten = (await engine.create({ repoPath: fixture.repo, name: 'forgotten' })).record;
  fixture.commit('only here', { 'f.txt': 'f\n' }, forgotten.worktreePath);
  rmSync(forgotten.worktreePath, { recursive: true });
  fixture.git(['worktree', 'unlock', forgotten.worktreePath]);
  fixture.git(['worktree', 'prune']);
  fixture.git(['branch', 'grove/old']);
  fixture.git(['config', 'branch.grove/old.grovecreated', 'true']);
  fixture.git(['branch', 'not-grove']);
  fixture.git(['branch', 'grove/mine']);
  mkdirSync(join(root, 'stray'));
  return { engine, live, forgotten, root };
}

function relock(path: string, reason: string): void {
  fixture.git(['worktree', 'unlock', path]);
  fixture.git(['worktree', 'lock', '--reason', reason, path]);
}

describe('finding leftovers', () => {
  it('lists each kind with what it holds, and leaves the live session out', async () => {
    const { engine, live, forgotten, root } = await leftovers();
    const scan = await engine.scanForOrphans(fixture.repo, [live, forgotten]);

    expect(scan.worktrees).toHaveLength(1);
    expect(scan.worktrees[0]).toMatchObject({
      path: join(root, 'orphan'),
      branch: 'grove/orphan',
      locked: expect.stringMatching(/^grove session orphan \(server pid \d+\)$/),
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
      ['grove/forgotten', 'grove/live', 'grove/mine', 'grove/orphan', 'main', 'not-grove'].sort(),
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

  it('never offers a worktree someone holds: a live grove server, or anyone\'s lock', async () => {
    fixture = GitFixture.create();
    const engine = fixture.engine();
    // Made by this process, as a server would: its lock names a pid that lives.
    const live = (await engine.create({ repoPath: fixture.repo, name: 'other server' })).record;
    const usb = (await engine.create({ repoPath: fixture.repo, name: 'usb' })).record;
    relock(usb.worktreePath, 'on a USB stick');
    const scan = await engine.scanForOrphans(fixture.repo, []);

    expect(scan.worktrees).toEqual([]);
    expect(scan.held).toEqual([
      { path: live.worktreePath, branch: 'grove/other-server', holder: `session other server of the grove server with pid ${process.pid}` },
      { path: usb.worktreePath, branch: 'grove/usb', holder: 'a lock: on a USB stick (git worktree unlock releases it)' },
    ]);
    expect(describeScan(scan)).toEqual([
      `in use, left alone: ${live.worktreePath} (grove/other-server), held by session other server of the grove server with pid ${process.pid}`,
      `in use, left alone: ${usb.worktreePath} (grove/usb), held by a lock: on a USB stick (git worktree unlock releases it)`,
    ]);
    const results = await engine.prune(fixture.repo, [], {
      worktrees: [{ path: live.worktreePath, confirmedLoss: true, deleteBranch: true }, { path: usb.worktreePath }],
    });
    expect(results).toEqual([
      { target: live.worktreePath, done: false, reason: `${live.worktreePath} is in use, held by session other server of the grove server with pid ${process.pid}; nothing removed` },
      { target: usb.worktreePath, done: false, reason: `${usb.worktreePath} is in use, held by a lock: on a USB stick (git worktree unlock releases it); nothing removed` },
    ]);
    expect(existsSync(live.worktreePath) && existsSync(usb.worktreePath)).toBe(true);
    expect(fixture.git(['branch', '--list', 'grove/other-server'])).not.toBe('');
  });
});
