/**
 * Copy mode's keys — the copy-mode-vi rows of the one binding table — and how its actions reach the
 * model or come back to the client.
 */
import { describe, expect, it } from 'vitest';
import { COPY_ACTIONS, isCopyAction, runCopyAction } from '../../src/core/copy-mode/copy-keys.js';
import { CopyMode } from '../../src/core/copy-mode/copy-mode.js';
import { pasteBytes } from '../../src/core/copy-mode/paste.js';
import { DEFAULT_BINDINGS, DEFAULT_PREFIX } from '../../src/core/keymap/bindings.js';
import { Keymap } from '../../src/core/keymap/keymap.js';
import { fixtureText, scrollback } from './scrollback-fixture.js';

const copyRows = DEFAULT_BINDINGS.filter((row) => row.table === 'copy-mode-vi');
const keymap = Keymap.build({ prefix: DEFAULT_PREFIX, bindings: DEFAULT_BINDINGS });
const actionFor = (key: string) => keymap.lookup('copy-mode-vi', key)?.command;

describe('the copy mode keys', () => {
  it('bind every copy action, and nothing else', () => {
    expect(copyRows.every((row) => isCopyAction(row.command) && row.args === undefined)).toBe(true);
    expect(new Set(copyRows.map((row) => row.command))).toEqual(new Set(COPY_ACTIONS));
    expect(isCopyAction('copy-mode')).toBe(false);
  });

  it('have vi keys and the arrows for the same moves', () => {
    expect(actionFor('k')).toBe('cursor-up');
    expect(actionFor('Up')).toBe('cursor-up');
    expect(actionFor('NPage')).toBe('page-down');
    expect(actionFor('Space')).toBe('begin-selection');
    expect(actionFor('Escape')).toBe('cancel');
    expect(actionFor('x')).toBeUndefined();
  });

  it('keep all of the keys copy mode has always had', () => {
    const keys = Object.fromEntries(COPY_ACTIONS.map((action) => [action, copyRows.filter((row) => row.command === action).map((row) => row.key)]));
    expect(keys).toEqual({
      'cursor-left': ['h', 'Left'], 'cursor-right': ['l', 'Right'], 'cursor-up': ['k', 'Up'], 'cursor-down': ['j', 'Down'],
      'page-up': ['PPage', 'C-b'], 'page-down': ['NPage', 'C-f'], 'halfpage-up': ['C-u'], 'halfpage-down': ['C-d'],
      'scroll-up': ['C-y'], 'scroll-down': ['C-e'], 'history-top': ['g'], 'history-bottom': ['G'],
      'top-line': ['H'], 'middle-line': ['M'], 'bottom-line': ['L'],
      'start-of-line': ['0', 'Home'], 'end-of-line': ['$', 'End'], 'back-to-indentation': ['^'], 'next-word': ['w'], 'previous-word': ['b'],
      'begin-selection': ['v', 'Space'], 'select-line': ['V'], 'copy-selection-and-cancel': ['Enter', 'y'],
      'search-forward': ['/'], 'search-backward': ['?'], 'search-again': ['n'], 'search-reverse': ['N'],
      cancel: ['q', 'Escape', 'C-c'],
    });
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

  it('leaves no end marker that removing another would form (issue 16.4)', () => {
    // One pass used to turn this into a live marker: the paste ended early and `touch pwned` ran.
    expect(pasteBytes('echo x\x1b[20\x1b[201~1~; touch pwned', true)).toBe('\x1b[200~echo x; touch pwned\x1b[201~');
    const nested = '\x1b[20'.repeat(50) + '\x1b[201~' + '1~'.repeat(50);
    expect(pasteBytes(`a${nested}b`, true)).toBe('\x1b[200~ab\x1b[201~');
    const inner = pasteBytes(`x${'\x1b[2\x1b[201~01~'.repeat(3)}y`, true).slice(6, -6);
    expect(inner).not.toContain('\x1b[201~');
  });
});
