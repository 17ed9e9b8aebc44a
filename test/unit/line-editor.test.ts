import { describe, expect, it } from 'vitest';
import type { InputEvent } from '../../src/core/keys/input-event.js';
import { InputParser } from '../../src/core/keys/input-parser.js';
import { LineEditor } from '../../src/core/text/line-editor.js';

const key = (name: string): InputEvent => ({ kind: 'key', key: name, raw: '' });

/** Applies keys to an editor holding `value` with the cursor at `|`; returns the result the same way. */
function edit(start: string, ...keys: string[]): string {
  const editor = new LineEditor(start.replace('|', ''));
  editor.apply(key('End'));
  for (let at = start.indexOf('|'); at >= 0 && editor.cursor > at; ) editor.apply(key('Left'));
  for (const name of keys) editor.apply(key(name));
  return `${editor.value.slice(0, editor.cursor)}|${editor.value.slice(editor.cursor)}`;
}

describe('LineEditor', () => {
  it('starts with the cursor at the end of its value', () => {
    const editor = new LineEditor('abc');
    expect([editor.value, editor.cursor]).toEqual(['abc', 3]);
    expect([new LineEditor().value, new LineEditor().cursor]).toEqual(['', 0]);
  });

  it('inserts printable keys at the cursor, Space as a space', () => {
    expect(edit('ac|', 'Left', 'b')).toBe('ab|c');
    expect(edit('|', 'h', 'i', 'Space', '日', '😀', '?')).toBe('hi 日😀?|');
  });

  it('types what the input parser decodes', () => {
    const editor = new LineEditor();
    for (const event of new InputParser().feed('my branch\x7f\x7fnch')) editor.apply(event);
    expect(editor.value).toBe('my brannch');
  });

  it('moves by character, and to either end', () => {
    expect(edit('abc|', 'Left', 'Left')).toBe('a|bc');
    expect(edit('abc|', 'Right')).toBe('abc|');
    expect(edit('abc|', 'Home')).toBe('|abc');
    expect(edit('|abc', 'Left')).toBe('|abc');
    expect(edit('a|bc', 'End')).toBe('abc|');
    expect(edit('ab|c', 'C-a')).toBe('|abc');
    expect(edit('a|bc', 'C-e')).toBe('abc|');
  });

  it('deletes backwards and forwards', () => {
    expect(edit('abc|', 'BSpace')).toBe('ab|');
    expect(edit('a|bc', 'BSpace', 'BSpace')).toBe('|bc');
    expect(edit('a|bc', 'C-h')).toBe('|bc');
    expect(edit('a|bc', 'DC')).toBe('a|c');
    expect(edit('abc|', 'DC')).toBe('abc|');
    expect(edit('a|bc', 'C-d')).toBe('a|c');
  });

  it('never splits a character made of several code units', () => {
    expect(edit('a😀|', 'BSpace')).toBe('a|');
    expect(edit('a😀b|', 'Left', 'Left')).toBe('a|😀b');
    expect(edit('a|😀b', 'DC')).toBe('a|b');
    expect(edit('cafe\u0301|', 'BSpace')).toBe('caf|');
    expect(edit('x👩‍👩‍👧|', 'Left')).toBe('x|👩‍👩‍👧');
  });

  it('kills to either end of the line', () => {
    expect(edit('abc|def', 'C-u')).toBe('|def');
    expect(edit('abc|def', 'C-k')).toBe('abc|');
  });

  it('deletes back to whitespace with C-w, as a shell does', () => {
    expect(edit('git checkout origin/feature-x|', 'C-w')).toBe('git checkout |');
    expect(edit('one two   |', 'C-w')).toBe('one |');
    expect(edit('one two|', 'C-w', 'C-w')).toBe('|');
    expect(edit('|one', 'C-w')).toBe('|one');
  });

  it('moves and deletes by letters-and-digits words with the Alt and Ctrl+arrow keys', () => {
    expect(edit('origin/feature-x|', 'M-b')).toBe('origin/feature-|x');
    expect(edit('origin/feature-x|', 'M-b', 'M-b')).toBe('origin/|feature-x');
    expect(edit('origin/feature-x|', 'C-Left')).toBe('origin/feature-|x');
    expect(edit('|origin/feature', 'M-f')).toBe('origin|/feature');
    expect(edit('|origin/feature', 'C-Right', 'C-Right')).toBe('origin/feature|');
    expect(edit('origin/feature|', 'M-BSpace')).toBe('origin/|');
    expect(edit('origin|/feature', 'M-d')).toBe('origin|');
    expect(edit('café crème|', 'M-b')).toBe('café |crème');
  });

  it('inserts pasted text without its control characters', () => {
    const editor = new LineEditor('a');
    expect(editor.apply({ kind: 'paste', text: 'b\tc\r\nd\x1b[31m\x7f\u0085e\n', raw: '' })).toBe(true);
    expect([editor.value, editor.cursor]).toEqual(['abcd[31me', 9]);
  });

  it('leaves keys it does not handle to its owner', () => {
    const editor = new LineEditor('keep');
    for (const name of ['Enter', 'Escape', 'Tab', 'BTab', 'Up', 'Down', 'C-c', 'F1', 'M-x', 'Unknown']) {
      expect(editor.apply(key(name)), name).toBe(false);
    }
    expect(editor.apply({ kind: 'focus', focused: true, raw: '' })).toBe(false);
    expect(editor.apply({ kind: 'mouse', mouse: { action: 'press', button: 0, x: 0, y: 0, shift: false, meta: false, ctrl: false }, raw: '' })).toBe(false);
    expect(editor.apply({ kind: 'reply', raw: '\x1b[?62c' })).toBe(false);
    expect([editor.value, editor.cursor]).toEqual(['keep', 4]);
  });

  it('says it handled an edit key even where there is nothing to edit', () => {
    const editor = new LineEditor();
    expect(editor.apply(key('BSpace'))).toBe(true);
    expect(editor.apply(key('Left'))).toBe(true);
  });

  it('replaces its value with set, cursor at the end', () => {
    const editor = new LineEditor('old');
    editor.apply(key('Home'));
    editor.set('brand new');
    expect([editor.value, editor.cursor]).toEqual(['brand new', 9]);
  });
});
