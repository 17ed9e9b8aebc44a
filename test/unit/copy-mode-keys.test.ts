/**
 * Copy mode's key table, and how its actions reach the model or come back to the client.
 */
import { describe, expect, it } from 'vitest';
import { COPY_MODE_KEYS, copyActionFor, runCopyAction } from '../../src/core/copy-mode/copy-keys.js';
import { CopyMode } from '../../src/core/copy-mode/copy-mode.js';
import { pasteBytes } from '../../src/core/copy-mode/paste.js';
import { parseKeySpec } from '../../src/core/keys/keyspec.js';
import { fixtureText, scrollback } from './scrollback-fixture.js';

describe('the copy mode keys', () => {
  it('are canonical key names, each bound once', () => {
    const keys = COPY_MODE_KEYS.flatMap((row) => row.keys);
    for (const key of keys) expect(parseKeySpec(key)).toEqual({ ok: true, key });
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(COPY_MODE_KEYS.map((row) => row.action)).size).toBe(COPY_MODE_KEYS.length);
  });

  it('have vi keys and the arrows for the same moves', () => {
    expect(copyActionFor('k')).toBe('cursor-up');
    expect(copyActionFor('Up')).toBe('cursor-up');
    expect(copyActionFor('NPage')).toBe('page-down');
    expect(copyActionFor('Space')).toBe('begin-selection');
    expect(copyActionFor('Escape')).toBe('cancel');
    expect(copyActionFor('x')).toBeUndefined();
  });

  it('move the model, and leave searching, copying and leaving to the client', () => {
    const mode = new CopyMode(scrollback(fixtureText('agent-log.txt'), 40), { width: 40, height: 10 }, { line: 44, col: 0 });
    expect(runCopyAction(mode, 'cursor-up')).toBe('none');
    expect(mode.cursor.line).toBe(43);
    expect(runCopyAction(mode, 'select-line')).toBe('none');
    expect(mode.selectedText()).toBe('      Tests  152 passed (152)');
    expect(runCopyAction(mode, 'search-forward')).toBe('prompt-forward');
    expect(runCopyAction(mode, 'search-backward')).toBe('prompt-backward');
    expect(runCopyAction(mode, 'search-again')).toBe('search-again');
    expect(runCopyAction(mode, 'search-reverse')).toBe('search-reverse');
    expect(runCopyAction(mode, 'copy-selection-and-cancel')).toBe('copy');
    expect(runCopyAction(mode, 'cancel')).toBe('cancel');
    expect(mode.cursor.line).toBe(43);
  });
});

describe('pasteBytes', () => {
  it('types line ends as Enter, as tmux pastes', () => {
    expect(pasteBytes('one\ntwo\r\nthree', false)).toBe('one\rtwo\rthree');
  });

  it('brackets the text for a program that asked, without an end marker inside', () => {
    expect(pasteBytes('a\x1b[201~b', true)).toBe('\x1b[200~ab\x1b[201~');
  });
});
