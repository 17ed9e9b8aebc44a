import { describe, expect, it } from 'vitest';
import { defaultName, nameProblem } from '../../src/core/session/naming.js';
import { repairFocus } from '../../src/core/session/focus.js';
import { fit, marks, shortenPath, turnCommitNote } from '../../src/core/session/display.js';
import { printable } from '../../src/core/text/terminal-text.js';
import type { SessionInfo } from '../../src/core/session/session.js';

describe('session names', () => {
  it('accepts ordinary and non-ASCII names', () => {
    for (const name of ['api', 'fix-tests', '日本', 'a b', 'v1.2']) expect(nameProblem(name)).toBeUndefined();
  });

  it('refuses empty, padded, control-character, all-digit and overlong names', () => {
    expect(nameProblem('')).toMatch(/empty/);
    expect(nameProblem(' x')).toMatch(/space/);
    expect(nameProblem('a\x1b[31m')).toMatch(/control/);
    expect(nameProblem('42')).toMatch(/digits/);
    expect(nameProblem('x'.repeat(41))).toMatch(/at most 40/);
  });

  it('refuses names an id or an option would be read as, so every target names one session', () => {
    expect(nameProblem('s1')).toBe('a session name cannot look like a session id (s1)');
    expect(nameProblem('-x')).toBe('a session name cannot start with "-" (it would read as an option)');
    for (const name of ['s', 'sx1', 's1a', 'x-1']) expect(nameProblem(name)).toBeUndefined();
    expect(defaultName('./s1', new Set())).toBe('s1-2');
    expect(defaultName('--weird', new Set())).toBe('weird');
  });

  it('names a session after its program, numbering when taken', () => {
    expect(defaultName('/bin/bash', new Set())).toBe('bash');
    expect(defaultName('bash', new Set(['bash', 'bash-2']))).toBe('bash-3');
    expect(defaultName('', new Set())).toBe('session');
  });
});

describe('focus after the list changes', () => {
  const s = (id: string) => ({ id }) as SessionInfo;

  it('keeps the focused session while it exists', () => {
    expect(repairFocus([s('a'), s('b')], [s('a'), s('b'), s('c')], 'b')).toBe('b');
  });

  it('moves to the session that took the place of a removed one, or the new last one', () => {
    expect(repairFocus([s('a'), s('b'), s('c')], [s('a'), s('c')], 'b')).toBe('c');
    expect(repairFocus([s('a'), s('b')], [s('a')], 'b')).toBe('a');
  });

  it('focuses the first session when none was focused, and none when there are none', () => {
    expect(repairFocus([], [s('x')], undefined)).toBe('x');
    expect(repairFocus([s('x')], [], 'x')).toBeUndefined();
  });
});

describe('display text', () => {
  it('strips control characters', () => {
    expect(printable('a\x1b[2Jb\x07c\x9bd')).toBe('a[2Jbcd');
  });

  it('abbreviates the home folder', () => {
    expect(shortenPath('/home/ann/src', '/home/ann')).toBe('~/src');
    expect(shortenPath('/home/annex', '/home/ann')).toBe('/home/annex');
  });

  it('fits text to a width, cutting with an ellipsis', () => {
    const len = (t: string) => [...t].length;
    expect(fit('abc', 5, len)).toBe('abc  ');
    expect(fit('abcdef', 4, len)).toBe('abc…');
    expect(fit('abc', 0, len)).toBe('');
  });
});

describe('what the sidebar and grove ls say about a session', () => {
  const base = { status: 'idle' } as SessionInfo;
  it('marks a failed turn commit, and names git\'s reason', () => {
    expect(marks(base, false)).toBe('');
    const failed = { ...base, turnCommitFailure: 'Unable to create index.lock\x1b[2J' };
    expect(marks(failed, true)).toBe('!⊘');
    expect(turnCommitNote(failed)).toBe('turn commit failed: Unable to create index.lock[2J');
    expect(turnCommitNote(base)).toBeUndefined();
  });
});
