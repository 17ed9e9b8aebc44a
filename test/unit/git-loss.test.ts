import { describe, expect, it } from 'vitest';
import { branchLoss, describeLoss, losesCommits, losesWorktreeWork, type LossReport } from '../../src/core/git/loss.js';
import { listForMessage } from '../../src/core/git/refusal.js';

const one = { sha: '1'.repeat(40), subject: 'one' };
const two = { sha: '2'.repeat(40), subject: 'two' };

describe('what deleting a branch would lose', () => {
  it('nothing when the base reaches every commit', () => {
    expect(branchLoss({ ahead: [] })).toEqual({ commits: [], mergedBy: 'ancestry' });
  });

  it('nothing when every commit has an equivalent patch in the base', () => {
    expect(branchLoss({ ahead: [one, two], withoutEquivalent: new Set() })).toEqual({
      commits: [],
      mergedBy: 'patch-identity',
    });
  });

  it('nothing when the combined diff was squash-merged, or merging would change nothing', () => {
    const unmatched = new Set([one.sha, two.sha]);
    expect(branchLoss({ ahead: [one, two], withoutEquivalent: unmatched, squashMerged: true }).mergedBy).toBe('squash');
    expect(branchLoss({ ahead: [one, two], withoutEquivalent: unmatched, mergeChangesNothing: true }).mergedBy).toBe(
      'content',
    );
  });

  it('only the commits without an equivalent otherwise', () => {
    expect(
      branchLoss({
        ahead: [one, two],
        withoutEquivalent: new Set([two.sha]),
        squashMerged: false,
        mergeChangesNothing: false,
      }),
    ).toEqual({
      commits: [two],
    });
    expect(branchLoss({ ahead: [one] })).toEqual({ commits: [one] });
  });
});

describe('describing a loss in one line', () => {
  const report = (over: Partial<LossReport>): LossReport => ({
    base: 'main',
    uncommitted: [],
    ignored: [], submodules: [],
    untracked: [],
    detachedCommits: [],
    commits: [],
    ...over,
  });

  it('lists what would go', () => {
    const full = report({ uncommitted: ['a', 'b'], untracked: ['c'], commits: [one, two, one] });
    expect(describeLoss(full)).toBe('2 uncommitted files, 1 untracked file and 3 commits not in main');
    expect(losesWorktreeWork(full) && losesCommits(full)).toBe(true);
    expect(describeLoss(report({ commits: [one] }))).toBe('1 commit not in main');
    const detached = report({ detachedCommits: [two] });
    expect(describeLoss(detached)).toBe('1 commit only on a detached HEAD');
    expect(losesWorktreeWork(detached)).toBe(true);
  });

  it('says nothing is lost, and why', () => {
    expect(describeLoss(report({ mergedBy: 'squash' }))).toBe('nothing (it was squash-merged into main)');
    expect(describeLoss(report({}))).toBe('nothing');
    expect(losesWorktreeWork(report({})) || losesCommits(report({}))).toBe(false);
  });

  it('lists paths for a message, briefly', () => {
    expect(listForMessage(['a'])).toBe('a');
    expect(listForMessage(['a', 'b'])).toBe('a and b');
    expect(listForMessage(['a', 'b', 'c'])).toBe('a, b and c');
    expect(listForMessage(['a', 'b', 'c', 'd', 'e'])).toBe('a, b, c and 2 more');
  });
});
