import { describe, expect, it } from 'vitest';
import { describeLoss, type LossReport } from '../../src/core/git/loss.js';
import type { PruneScan } from '../../src/core/git/prune-report.js';
import { pruneChoices, pruneItems } from '../../src/core/review/prune-items.js';
import type { MergeReview, RemovalReport } from '../../src/core/review/review-port.js';
import { alsoEndsLine, branchFateLine, deletesBranchByDefault, hasSomethingToMerge, lossLines, losesAnything, removalLoss, mergeOutcomeLine, mergeResultLines, mergeReviewLines, removeOutcomeLine } from '../../src/core/review/summaries.js';
import { wrapWords } from '../../src/core/text/wrap.js';

const commit = (n: number) => ({ sha: String(n).repeat(40).slice(0, 40), subject: `turn ${n}` });
const nothing: LossReport = { base: 'main', uncommitted: [], untracked: [], ignored: [], submodules: [], detachedCommits: [], commits: [], mergedBy: 'ancestry' };
const record = { branch: 'grove/x', baseBranch: 'main' };

function review(overrides: Partial<MergeReview> = {}, preview: Partial<MergeReview['preview']> = {}): MergeReview {
  return {
    session: 'x', branch: 'grove/x', baseBranch: 'main', files: [{ path: 'a.txt', status: 'modified', added: 2, removed: 1, binary: false }],
    uncommitted: [], commitsFirst: true,
    preview: { baseCommit: 'b', branchCommit: 'c', commits: [commit(2), commit(1)], upToDate: false, clean: true, conflicts: [], messages: [], tree: 't', replacesIgnored: [], ...preview },
    ...overrides,
  };
}

describe('merge summaries', () => {
  it('preview the commits, the changes, what happens to uncommitted work, and whether it is clean', () => {
    expect(mergeReviewLines(review({ uncommitted: ['wip.txt'] }))).toEqual([
      'grove/x → main: 2 commits', '  22222222 turn 2', '  11111111 turn 1', '1 file changed, +2 −1',
      '1 uncommitted file will be committed first (wip.txt)', '✓ merges cleanly into main',
    ]);
    expect(mergeReviewLines(review({ uncommitted: ['wip.txt'], commitsFirst: false }, { clean: false, conflicts: ['a.txt', 'b.txt'] })).slice(-2)).toEqual([
      '1 uncommitted file stays out of the merge: commit it first (wip.txt)', '✗ would conflict in a.txt and b.txt',
    ]);
  });

  it('know when there is nothing to merge: no commits, and no pending work to commit first', () => {
    expect(hasSomethingToMerge(review({}, { upToDate: true, commits: [] }))).toBe(false);
    expect(hasSomethingToMerge(review({ uncommitted: ['a'] }, { upToDate: true, commits: [] }))).toBe(true);
    expect(hasSomethingToMerge(review({ uncommitted: ['a'], commitsFirst: false }, { upToDate: true, commits: [] }))).toBe(false);
  });

  it('say what the merge did, one line each', () => {
    expect(mergeOutcomeLine({ kind: 'conflict-left', where: '/repo', files: ['a.txt'] }, record)).toBe('conflicts left to resolve in /repo: a.txt');
    expect(mergeOutcomeLine({ kind: 'up-to-date' }, record)).toBe('main already has everything on grove/x; nothing merged');
    const merged = { kind: 'merged' as const, mode: 'squash' as const, commit: 'f'.repeat(40), record: { ...record, repoPath: '/r', worktreePath: '/w', baseCommit: 'c' } };
    expect(mergeResultLines({ outcome: merged, committed: 'e'.repeat(40), cleanup: { error: 'it has files' } }, record)).toEqual([
      "committed the worktree's pending changes first (eeeeeeee)", 'squash-merged grove/x into main (ffffffff)', 'not cleaned up: it has files',
    ]);
  });
});

describe('loss and removal summaries', () => {
  it('list what would be lost, files then commits, cut short past a few', () => {
    const report: LossReport = { ...nothing, mergedBy: undefined, uncommitted: ['a', 'b'], untracked: ['u1', 'u2', 'u3', 'u4'], commits: [commit(1)] };
    expect(lossLines(report, 3)).toEqual(['uncommitted: a and b', 'untracked: u1, u2, u3 and 1 more', 'commits not in main:', '  11111111 turn 1']);
    expect(lossLines(nothing)).toEqual([]);
  });

  it('say why a branch was kept', () => {
    const loss: LossReport = { ...nothing, mergedBy: undefined, untracked: ['u'], commits: [commit(1)] };
    expect(removeOutcomeLine({ loss, removedFolder: true, branch: { deleted: false, reason: 'kept: it has 1 commit not in main' } }, record))
      .toBe('removed the worktree; kept branch grove/x (it has 1 commit not in main)');
    expect(removeOutcomeLine({ loss, removedFolder: true, branch: { deleted: false, reason: 'kept: grove did not create it' } }, record))
      .toBe('removed the worktree; kept branch grove/x (grove did not create it)');
    expect(removeOutcomeLine({ loss: nothing, removedFolder: false, branch: { deleted: false, reason: 'kept as asked' } }, record))
      .toBe('cleared the record of a worktree already gone; kept branch grove/x (as asked)');
  });

  it('count as lost only what really goes, and say what becomes of the branch', () => {
    const unmerged: RemovalReport = { ...nothing, mergedBy: undefined, uncommitted: ['a'], commits: [commit(1)], alsoEnds: [], branchCreated: true };
    expect(deletesBranchByDefault(unmerged)).toBe(false);
    // Kept, the branch's commits are not lost: only the file is.
    expect(describeLoss(removalLoss(unmerged, false))).toBe('1 uncommitted file');
    expect(branchFateLine(unmerged, 'grove/x', false)).toBe('branch grove/x: kept, with its 1 commit not in main');
    expect(describeLoss(removalLoss(unmerged, true))).toBe('1 uncommitted file and 1 commit not in main');
    expect(branchFateLine(unmerged, 'grove/x', true)).toBe('branch grove/x: deleted, with its 1 commit not in main');
    const merged: RemovalReport = { ...nothing, alsoEnds: [], branchCreated: true };
    expect(deletesBranchByDefault(merged)).toBe(true);
    expect(losesAnything(removalLoss(merged, true))).toBe(false);
    expect(branchFateLine(merged, 'grove/x', true)).toBe('branch grove/x: deleted (all its commits are in main)');
    const users: RemovalReport = { ...merged, branchCreated: false };
    expect(deletesBranchByDefault(users)).toBe(false);
    expect(branchFateLine(users, 'fix', false)).toBe('branch fix: kept (grove did not create it)');
  });

  it('name the other sessions open in the worktree, before and after they are ended', () => {
    expect(alsoEndsLine({ alsoEnds: [] })).toBeUndefined();
    expect(alsoEndsLine({ alsoEnds: [{ id: 's2', name: 'api-shell' }] })).toBe('also ends: api-shell, open in the worktree');
    expect(alsoEndsLine({ alsoEnds: [{ id: 's2', name: 'a' }, { id: 's3', name: 'b\x1b[31m' }] })).toBe('also ends: a and b[31m, open in the worktree');
    expect(removeOutcomeLine({ loss: nothing, removedFolder: true, branch: { deleted: true }, ended: ['api-shell'] }, record))
      .toBe('removed the worktree; deleted branch grove/x; also ended api-shell');
  });
});

describe('prune items', () => {
  const scan: PruneScan = {
    repoPath: '/r', root: '/r.worktrees',
    worktrees: [
      { path: '/r.worktrees/clean', branch: 'grove/clean', sizeBytes: 2048, loss: nothing, base: { baseBranch: 'main', baseCommit: 'c' } },
      { path: '/r.worktrees/dirty', branch: 'grove/dirty', sizeBytes: 10, loss: { ...nothing, untracked: ['wip'] }, base: { baseBranch: 'main', baseCommit: 'c' } },
    ],
    missing: [{ path: '/r.worktrees/gone', branch: 'grove/gone', registered: true, loss: { ...nothing, uncommitted: ['lost-with-folder'] }, base: { baseBranch: 'main', baseCommit: 'c' } }],
    branches: [{ branch: 'grove/old', loss: { ...nothing, mergedBy: undefined, commits: [commit(3)] }, base: { baseBranch: 'main', baseCommit: 'c' } }],
    held: [],
    strays: ['/r.worktrees/junk'],
    merged: [{ id: 's4', name: 'done', path: '/r.worktrees/done', branch: 'grove/done', base: 'main', mergedBy: 'squash' }],
    checkpoints: [{ owner: 's5@1', session: 'desk', count: 3, ended: Date.UTC(2026, 10, 28, 12) }],
  };

  it('number what can be removed, saying what each holds and whether removing it loses work', () => {
    const items = pruneItems(scan);
    expect(items.map((i) => [i.kind, i.target, i.losesWork])).toEqual([
      ['worktree', '/r.worktrees/clean', false], ['worktree', '/r.worktrees/dirty', true], ['missing', '/r.worktrees/gone', false], ['branch', 'grove/old', true],
      ['session', 's4', false], ['checkpoints', 's5@1', false],
    ]);
    expect(items[5]!.summary).toBe('checkpoints of desk, ended (3, the last on 2026-11-28): deletes them');
    expect(items[4]!.summary).toBe('session done (grove/done): done, it was squash-merged into main; ends it and removes its worktree');
    expect(items[0]!.summary).toBe('worktree /r.worktrees/clean (grove/clean, 2.0 KB): would lose nothing (all its commits are in main)');
    expect(items[3]!.details).toEqual(['commits not in main:', '  33333333 turn 3']);
  });

  it('ask the engine for exactly the items picked, with the loss confirmed only when it was', () => {
    const items = pruneItems(scan);
    expect(pruneChoices([items[0]!, items[3]!, items[4]!, items[5]!], false)).toEqual({
      worktrees: [{ path: '/r.worktrees/clean' }], missing: [], branches: [{ branch: 'grove/old' }], sessions: [{ id: 's4' }], checkpoints: [{ owner: 's5@1' }],
    });
    expect(pruneChoices([items[1]!, items[2]!], true)).toEqual({
      worktrees: [{ path: '/r.worktrees/dirty', confirmedLoss: true, deleteBranch: true }],
      missing: [{ path: '/r.worktrees/gone', confirmedLoss: true, deleteBranch: true }],
      branches: [],
      sessions: [],
      checkpoints: [],
    });
  });
});

describe('word wrapping', () => {
  it('keeps words whole where they fit and cuts one longer than a line', () => {
    expect(wrapWords('cannot create a worktree: the folder is taken', 16, (s) => s.length)).toEqual(['cannot create a', 'worktree: the', 'folder is taken']);
    expect(wrapWords('at /a/very/long/path/indeed ok', 10, (s) => s.length)).toEqual(['at', '/a/very/lo', 'ng/path/in', 'deed ok']);
    expect(wrapWords('', 10, (s) => s.length)).toEqual([]);
  });
});
