import { describe, expect, it } from 'vitest';
import { attentionEvents, attentionText, desktopNotification, longestWaiting } from '../../src/core/session/attention.js';
import type { SessionInfo, SessionStatus } from '../../src/core/session/session.js';

function s(id: string, status: SessionStatus, statusSince = 0, extra: Partial<SessionInfo> = {}): SessionInfo {
  return { id, name: id, command: 'x', args: [], cwd: '/', repo: '/', isolation: 'workspace', agent: 'shell', status, statusSince, title: '', createdAt: 0, ...extra };
}

describe('attention', () => {
  it('reports sessions that start waiting or exit, once', () => {
    const before = [s('a', 'working'), s('b', 'working'), s('c', 'waiting')];
    const after = [s('a', 'waiting'), s('b', 'exited', 0, { exitCode: 1 }), s('c', 'waiting'), s('d', 'waiting')];
    const events = attentionEvents(before, after);
    expect(events.map((e) => `${e.kind} ${e.session.id}`)).toEqual(['waiting a', 'exited b']);
    expect(attentionText(events[1]!)).toBe('b exited with status 1');
    expect(attentionEvents(after, after)).toEqual([]);
  });

  it('finds the session that has waited longest', () => {
    expect(longestWaiting([s('a', 'waiting', 50), s('b', 'waiting', 10), s('c', 'idle', 1)])?.id).toBe('b');
    expect(longestWaiting([s('a', 'idle')])).toBeUndefined();
  });

  it('writes OSC 9 or OSC 777 by terminal, with no control characters from names', () => {
    expect(desktopNotification({ TERM_PROGRAM: 'iTerm.app' }, 'grove', 'a is waiting')).toBe('\x1b]9;grove: a is waiting\x07');
    expect(desktopNotification({ TERM: 'foot' }, 'grove', 'evil\x07\x1b]0;x')).toBe('\x1b]777;notify;grove;evil  ]0 x\x07');
  });
});
