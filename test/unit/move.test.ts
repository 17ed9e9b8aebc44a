/** What a move takes (core/move/move.ts) and where Claude Code keeps a conversation (core/agents/conversations.ts). */
import { describe, expect, it } from 'vitest';
import type { Checkpoint } from '../../src/core/checkpoints/checkpoint.js';
import { claudeConversationFile, isSafeConversationId } from '../../src/core/agents/conversations.js';
import { byCommit, firstTouches, moveSummary, turnsInEffect } from '../../src/core/move/move.js';

const checkpoint = (turn: number, kind: Checkpoint['kind'], undoes?: number): Checkpoint => ({
  owner: 's1@1', session: 's', turn, kind, ...(undoes !== undefined ? { undoes } : {}), preview: [], count: 0, started: turn, ended: turn, commit: `c${turn}`, before: `b${turn}`,
});

describe('what a move takes', () => {
  it('takes the turns in effect: not undone ones, and a redone one again', () => {
    const list = [checkpoint(1, 'turn'), checkpoint(2, 'turn'), checkpoint(3, 'undo', 2), checkpoint(4, 'turn'), checkpoint(5, 'undo', 4), checkpoint(6, 'undo', 5)];
    expect(turnsInEffect(list).map((c) => c.turn)).toEqual([1, 4]);
    expect(turnsInEffect([checkpoint(1, 'move'), checkpoint(2, 'turn')]).map((c) => c.turn)).toEqual([2]);
  });

  it('puts each file back as before the first turn that changed it', () => {
    const touches = firstTouches([
      { before: 'b1', files: ['a.txt'] },
      { before: 'b2', files: ['a.txt', 'b.txt'] },
      { before: 'b3', files: ['c.txt'] },
    ]);
    expect([...touches]).toEqual([['a.txt', 'b1'], ['b.txt', 'b2'], ['c.txt', 'b3']]);
    expect([...byCommit(touches, ['c.txt', 'a.txt', 'b.txt', 'other.txt'])]).toEqual([['b3', ['c.txt']], ['b1', ['a.txt']], ['b2', ['b.txt']]]);
  });

  it('says where the session went, what went with it, and filters what the repository named', () => {
    expect(moveSummary({ to: 'worktree', session: 'ed', folder: '/r.worktrees/ed', branch: 'grove/\x1b[2Jed', files: ['a.txt', 'b\x07.txt'], kept: 'refs/grove/checkpoints/ed/2', notes: ['its agent resumes its conversation there'] })).toEqual([
      'moved ed to a worktree on grove/[2Jed (/r.worktrees/ed): took 2 files (a.txt, b.txt); as they were, in refs/grove/checkpoints/ed/2',
      'its agent resumes its conversation there',
    ]);
    const many = Array.from({ length: 7 }, (_, i) => `f${i}`);
    expect(moveSummary({ to: 'workspace', session: 'ed', folder: '/r', files: many, notes: [] })[0]).toBe('moved ed to the checkout (/r): took 7 files (f0, f1, f2, f3, f4, …)');
  });
});

describe("Claude Code's conversation files", () => {
  it('are filed under the folder with every character but a letter or digit made a dash', () => {
    expect(claudeConversationFile('/home/u/.claude', '/home/u/my_repo.worktrees/fix login', 'abc')).toBe('/home/u/.claude/projects/-home-u-my-repo-worktrees-fix-login/abc.jsonl');
  });

  it('are copied only for ids that cannot name another path', () => {
    expect(['0b7e9c5a-1f2d-4c3b-9a8e-7d6c5b4a3f21', 'abc_1'].map(isSafeConversationId)).toEqual([true, true]);
    expect(['../x', 'a/b', '', '.', `a${'b'.repeat(200)}`].map(isSafeConversationId)).toEqual([false, false, false, false, false]);
  });
});
