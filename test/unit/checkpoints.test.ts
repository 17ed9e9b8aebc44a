import { describe, expect, it } from 'vitest';
import {
  checkpointFolder, checkpointLines, filesPreview, nextTurn, redoTarget, undoneTurns, undoSummary, undoTarget, type Checkpoint, type CheckpointMeta,
} from '../../src/core/checkpoints/checkpoint.js';
import { checkpointMessage, parseCheckpointMessage } from '../../src/core/checkpoints/checkpoint-message.js';
import { workspaceTurns } from '../../src/core/checkpoints/turns.js';
import type { SessionInfo, SessionStatus } from '../../src/core/session/session.js';

function meta(turn: number, undoes?: number, files = ['a.txt']): CheckpointMeta {
  return {
    owner: 's1@0', session: 'w', turn, kind: undoes === undefined ? 'turn' : 'undo', ...(undoes === undefined ? {} : { undoes }),
    ...filesPreview(files), started: 0, ended: 60_000 * turn,
  };
}
const checkpoint = (turn: number, undoes?: number, files?: string[]): Checkpoint => ({ ...meta(turn, undoes, files), commit: `c${turn}`, before: `b${turn}` });

describe('checkpoint messages', () => {
  it('carry the facts through the commit message and back', () => {
    const facts = meta(3, 2, ['x.ts', 'y.ts', 'z.ts', 'w.ts']);
    expect(checkpointMessage(facts).split('\n')[0]).toBe('grove checkpoint: w undo of turn 2');
    expect(parseCheckpointMessage(checkpointMessage(facts))).toEqual(facts);
    expect(facts.preview).toEqual(['x.ts', 'y.ts', 'z.ts']);
    expect(facts.count).toBe(4);
  });

  it('take nothing from a commit that is not one, is malformed, or is too long', () => {
    expect(parseCheckpointMessage('fix the build\n\n{}')).toBeUndefined();
    expect(parseCheckpointMessage('grove checkpoint: w turn 1\n\nnot json')).toBeUndefined();
    expect(parseCheckpointMessage('grove checkpoint: w turn 1\n\n{"turn": -1}')).toBeUndefined();
    const long = checkpointMessage({ ...meta(1), session: 'w' }) + ' '.repeat(70_000);
    expect(parseCheckpointMessage(long)).toBeUndefined();
  });

  it('file a session under a ref folder git accepts, whatever its name', () => {
    expect(checkpointFolder('fix-login')).toBe('refs/grove/checkpoints/fix-login/');
    expect(checkpointFolder('a b/../c:~^')).toBe('refs/grove/checkpoints/a_b____c___/');
    expect(checkpointFolder('')).toBe('refs/grove/checkpoints/_/');
  });
});

describe('undo and redo', () => {
  it('number checkpoints after the highest, whoever recorded it', () => {
    expect(nextTurn([])).toBe(1);
    expect(nextTurn([{ turn: 2 }, { turn: 7 }, { turn: 3 }])).toBe(8);
  });

  it('undo the latest turn not undone, or the one named', () => {
    const turns = [checkpoint(1), checkpoint(2), checkpoint(3)];
    expect((undoTarget(turns, 'w') as Checkpoint).turn).toBe(3);
    expect((undoTarget([...turns, checkpoint(4, 3)], 'w') as Checkpoint).turn).toBe(2);
    expect((undoTarget(turns, 'w', 1) as Checkpoint).turn).toBe(1);
    expect(undoTarget(turns, 'w', 9)).toBe('w has no checkpoint 9 (grove checkpoints w)');
    expect(undoTarget([], 'w')).toMatch(/^w has no checkpoints yet/u);
    expect(undoTarget([checkpoint(1), checkpoint(2, 1)], 'w')).toMatch(/^every turn of w is undone already/u);
  });

  it('see an undo of an undo as a redo, however deep', () => {
    const undone = (...turns: Checkpoint[]) => [...undoneTurns(turns)].sort();
    expect(undone(checkpoint(1), checkpoint(2), checkpoint(3, 2))).toEqual([2]);
    expect(undone(checkpoint(1), checkpoint(2, 1), checkpoint(3, 2))).toEqual([2]);
    expect(undone(checkpoint(1), checkpoint(2, 1), checkpoint(3, 2), checkpoint(4, 3))).toEqual([1, 3]);
  });

  it('redo the latest undo still in effect', () => {
    expect((redoTarget([checkpoint(1), checkpoint(2), checkpoint(3, 1), checkpoint(4, 2)], 'w') as Checkpoint).turn).toBe(4);
    expect((redoTarget([checkpoint(1), checkpoint(2, 1), checkpoint(3, 2)], 'w'))).toBe('w has nothing undone to redo');
    expect(redoTarget([checkpoint(1)], 'w')).toBe('w has nothing undone to redo');
  });

  it('say what an undo or a redo put back, in one line', () => {
    expect(undoSummary({ undid: checkpoint(2), turn: 4, restored: ['a.txt', 'b\x1b]52;c;x\x07.txt'] })).toBe('undid turn 2: put back a.txt, b]52;c;x.txt');
    expect(undoSummary({ undid: checkpoint(4, 2), turn: 5, restored: [] })).toBe('redid turn 2 (undid undo 4): nothing to put back');
  });

  it('list each checkpoint on a line, undone ones marked, file names filtered', () => {
    const lines = checkpointLines([checkpoint(1, undefined, ['a\x1b[2Jb.txt', 'c', 'd', 'e']), checkpoint(2, 1)], 5 * 60_000);
    expect(lines[0]).toMatch(/^ {2}1 {2}turn +4m ago {2}a\[2Jb\.txt, c, d, … \(4 files\) {2}\(undone\)$/u);
    expect(lines[0]).not.toContain('\x1b');
    expect(lines[1]).toMatch(/^ {2}2 {2}undo of 1 /u);
  });
});

describe('workspace turns', () => {
  const session = (id: string, status: SessionStatus, worktree = false): SessionInfo => ({
    id, name: id, command: 'claude', args: [], cwd: '/r', repo: '/r', isolation: worktree ? 'worktree' : 'workspace',
    ...(worktree ? { worktree: { repoPath: '/r', worktreePath: '/r.w', branch: 'b', baseBranch: 'main', baseCommit: 'c' } } : {}),
    agent: 'claude', status, statusSince: 0, title: '', createdAt: 0,
  });
  const byId = (...sessions: SessionInfo[]) => new Map(sessions.map((s) => [s.id, s]));
  const ids = (turns: readonly SessionInfo[]) => turns.map((s) => s.id);

  it('start when work starts and end when it stops, for any reason', () => {
    const turns = workspaceTurns(byId(session('a', 'idle'), session('b', 'working'), session('c', 'working')), [session('a', 'working'), session('b', 'waiting'), session('c', 'exited')]);
    expect([ids(turns.started), ids(turns.ended)]).toEqual([['a'], ['b', 'c']]);
  });

  it('leave worktree sessions to their commits', () => {
    const turns = workspaceTurns(byId(session('a', 'working', true)), [session('a', 'idle', true), session('b', 'working', true)]);
    expect([ids(turns.started), ids(turns.ended)]).toEqual([[], []]);
  });
});
