import { describe, expect, it } from 'vitest';
import { describeConflicts } from '../../src/core/review/conflict-report.js';

describe('the conflict report in words', () => {
  it('agrees in number with how many sessions merge cleanly first', () => {
    const one = { sessions: ['api', 'web'], conflicts: [{ a: 'web', b: 'base', files: ['README.md'] }], complete: false, order: ['api'], stuck: ['web'] };
    expect(describeConflicts(one)).toEqual(['web ✗ its base branch: README.md', 'no order avoids every conflict: api merges cleanly, then web conflicts']);
    const two = { ...one, sessions: ['api', 'cli', 'web'], order: ['api', 'cli'] };
    expect(describeConflicts(two)[1]).toBe('no order avoids every conflict: api → cli merge cleanly, then web conflicts');
  });

  it('names the sessions with nothing left to merge, and suggests no order for them', () => {
    const merged = { sessions: ['api', 'web'], conflicts: [], complete: true, order: [], stuck: [] };
    expect(describeConflicts(merged)).toEqual(['no conflicts among 2 worktree sessions', 'nothing left to merge: api, web']);
  });
});
