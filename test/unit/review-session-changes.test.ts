import { describe, expect, it } from 'vitest';
import { worktreeSessionChanges } from '../../src/core/review/session-changes.js';
import type { SessionInfo, SessionStatus } from '../../src/core/session/session.js';

const worktree = { repoPath: '/r', worktreePath: '/r.worktrees/a', branch: 'grove/a', baseBranch: 'main', baseCommit: 'c' };

function session(id: string, status: SessionStatus, inWorktree = true): SessionInfo {
  return {
    id, name: id, command: 'claude', args: [], cwd: '/r', repo: '/r', isolation: inWorktree ? 'worktree' : 'workspace',
    ...(inWorktree ? { worktree } : {}), agent: 'claude', status, statusSince: 0, title: '', createdAt: 0,
  };
}

const byId = (...sessions: SessionInfo[]) => new Map(sessions.map((s) => [s.id, s]));
const kinds = (before: SessionInfo[], after: SessionInfo[]) =>
  worktreeSessionChanges(byId(...before), after).map((c) => `${c.kind} ${c.session.id}`);

describe('worktree session changes', () => {
  it('end a turn when work stops: working to idle, or to waiting for the user', () => {
    expect(kinds([session('a', 'working')], [session('a', 'idle')])).toEqual(['turn-ended a']);
    expect(kinds([session('a', 'working')], [session('a', 'waiting')])).toEqual(['turn-ended a']);
  });

  it('do not end a turn that never began, or one still going', () => {
    expect(kinds([session('a', 'starting')], [session('a', 'idle')])).toEqual([]);
    expect(kinds([session('a', 'idle')], [session('a', 'working')])).toEqual([]);
    expect(kinds([session('a', 'waiting')], [session('a', 'idle')])).toEqual([]);
    expect(kinds([], [session('a', 'idle')])).toEqual([]);
  });

  it('see the program exit from any running status, and a session leave the list', () => {
    expect(kinds([session('a', 'idle'), session('b', 'starting')], [session('a', 'exited'), session('b', 'exited')])).toEqual(['exited a', 'exited b']);
    expect(kinds([session('a', 'dead')], [session('a', 'exited')])).toEqual([]);
    expect(kinds([session('a', 'exited'), session('b', 'idle')], [session('b', 'idle')])).toEqual(['gone a']);
  });

  it('ignore workspace sessions altogether', () => {
    expect(kinds([session('w', 'working', false), session('x', 'idle', false)], [session('w', 'idle', false)])).toEqual([]);
  });
});
