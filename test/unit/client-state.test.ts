/**
 * The UI's own small state, away from the screen: which sessions are listed and which has focus
 * (SessionList), and what the status line says (StatusNotice, on vitest's fake timers).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionInfo } from '../../src/core/session/session.js';
import { SessionList } from '../../src/client/session-list.js';
import { MESSAGE_MS, StatusNotice } from '../../src/client/status-notice.js';

const session = (id: string, repo = '/repo'): SessionInfo => ({
  id, name: `n-${id}`, command: 'bash', args: [], cwd: repo, repo, isolation: 'workspace', agent: 'shell',
  status: 'idle', statusSince: 0, title: '', createdAt: 0,
});

describe('SessionList', () => {
  it("lists this repository's sessions until showing all, and counts the others", () => {
    const list = new SessionList('/repo');
    list.update([session('a'), session('b', '/other'), session('c')]);
    expect(list.listed.map((s) => s.id)).toEqual(['a', 'c']);
    expect(list.find('n-b')?.id).toBe('b');
    expect(list.isListed('b')).toBe(false);
    expect(list.setShowAll(true)).toBe(0);
    expect(list.listed.map((s) => s.id)).toEqual(['a', 'c', 'b']); // grouped by repository
    expect(list.setShowAll(false)).toBe(1);
  });

  it('keeps focus on its session, and moves it to the one that took its place when it goes', () => {
    const list = new SessionList('/repo');
    list.update([session('a'), session('b'), session('c')]);
    expect(list.focusedId).toBe('a');
    list.setFocus('b');
    list.update([session('c'), session('a'), session('b')]);
    expect(list.focused?.id).toBe('b');
    expect(list.focusedIndex).toBe(2);
    list.update([session('c'), session('a')]);
    expect(list.focusedId).toBe('a');
    list.update([]);
    expect(list.focusedId).toBeUndefined();
  });

  it('moves focus off a session that showing one repository hides', () => {
    const list = new SessionList('/repo');
    list.setShowAll(true);
    list.update([session('a'), session('b', '/other')]);
    list.setFocus('b');
    list.setShowAll(false);
    expect(list.focusedId).toBe('a');
  });
});

describe('StatusNotice', () => {
  afterEach(() => vi.useRealTimers());

  it('keeps a message that comes while a question is open for after the answer, so it neither hides the question nor is lost', () => {
    vi.useFakeTimers();
    const notice = new StatusNotice(() => undefined);
    let yes = 0;
    notice.ask('relaunch them all? (y/n)', () => yes++);
    notice.message('tmux also uses C-b as its prefix');
    expect(notice.current).toBe('relaunch them all? (y/n)');
    notice.question!(true);
    expect(yes).toBe(1);
    expect(notice.current).toBe('tmux also uses C-b as its prefix');
  });

  it('clears a message after MESSAGE_MS and keeps a notice until replaced, telling each change', () => {
    vi.useFakeTimers();
    const changed = vi.fn();
    const notice = new StatusNotice(changed);
    notice.message('copied 3 characters');
    expect(notice.current).toBe('copied 3 characters');
    vi.advanceTimersByTime(MESSAGE_MS);
    expect(notice.current).toBeUndefined();
    notice.set('computing…');
    vi.advanceTimersByTime(MESSAGE_MS * 10);
    expect(notice.current).toBe('computing…');
    expect(changed).toHaveBeenCalledTimes(3);
    notice.dispose();
  });

  it('asks a question that the next answer closes, running the action only on yes', () => {
    const notice = new StatusNotice(() => undefined);
    const killed: string[] = [];
    notice.ask('kill api? (y/n)', () => killed.push('api'));
    expect(notice.current).toBe('kill api? (y/n)');
    notice.question!(false);
    expect([notice.question, notice.current, killed]).toEqual([undefined, undefined, []]);
    notice.ask('kill web? (y/n)', () => killed.push('web'));
    notice.question!(true);
    expect(killed).toEqual(['web']);
  });

  it('lets a new message replace a timed one without the old timer clearing it early', () => {
    vi.useFakeTimers();
    const notice = new StatusNotice(() => undefined);
    notice.message('first');
    vi.advanceTimersByTime(MESSAGE_MS - 1);
    notice.message('second');
    vi.advanceTimersByTime(2);
    expect(notice.current).toBe('second');
    notice.dispose();
  });
});
