import { describe, expect, it } from 'vitest';
import { addModifiers, composeKey, isCharKey, NAMED_KEYS, parseKeySpec, splitKey } from '../../src/core/keys/keyspec.js';

const parsed = (spec: string) => {
  const result = parseKeySpec(spec);
  if (!result.ok) throw new Error(`${JSON.stringify(spec)} did not parse: ${result.error}`);
  return result.key;
};

describe('parseKeySpec', () => {
  it.each([
    ['a', 'a'], ['A', 'A'], ['?', '?'], ['0', '0'], ['日', '日'], ['é', 'é'], ['😀', '😀'], ['-', '-'],
    ['C-a', 'C-a'], ['c-a', 'C-a'], ['C-A', 'C-a'], ['ctrl-a', 'C-a'], ['Control-a', 'C-a'], ['^A', 'C-a'], ['^a', 'C-a'],
    ['M-x', 'M-x'], ['m-x', 'M-x'], ['M-X', 'M-X'], ['alt-x', 'M-x'], ['Meta-x', 'M-x'],
    ['C-M-a', 'C-M-a'], ['M-C-a', 'C-M-a'], ['m-c-A', 'C-M-a'], ['C--', 'C--'], ['M--', 'M--'],
    ['S-Up', 'S-Up'], ['s-up', 'S-Up'], ['C-Left', 'C-Left'], ['S-M-C-Right', 'C-M-S-Right'], ['M-Enter', 'M-Enter'],
    ['S-a', 'A'], ['M-S-a', 'M-A'], ['C-S-a', 'C-S-a'],
    ['PageUp', 'PPage'], ['PgUp', 'PPage'], ['ppage', 'PPage'], ['PageDown', 'NPage'], ['PgDn', 'NPage'],
    ['Esc', 'Escape'], ['escape', 'Escape'], ['Return', 'Enter'], ['enter', 'Enter'], ['Backspace', 'BSpace'],
    ['Delete', 'DC'], ['Del', 'DC'], ['Insert', 'IC'], ['space', 'Space'], [' ', 'Space'], ['SPACE', 'Space'],
    ['f5', 'F5'], ['F12', 'F12'], ['C-F1', 'C-F1'], ['btab', 'BTab'], ['S-Tab', 'BTab'],
    ['C-Space', 'C-Space'], ['C-@', 'C-Space'], ['^@', 'C-Space'], ['C-\\', 'C-\\'], ['C-]', 'C-]'], ['^_', 'C-_'],
    ['  C-b  ', 'C-b'],
  ])('%j → %j', (spec, key) => {
    expect(parsed(spec)).toBe(key);
  });

  it('normalises the chords a terminal sends as another key', () => {
    expect(parsed('C-i')).toBe('Tab');
    expect(parsed('C-m')).toBe('Enter');
    expect(parsed('C-[')).toBe('Escape');
    expect(parsed('^?')).toBe('BSpace');
    expect(parsed('M-C-i')).toBe('M-Tab');
  });

  it('accepts every canonical name as written', () => {
    for (const name of NAMED_KEYS) expect(parsed(name)).toBe(name);
  });

  it.each(['', '   ', 'C-', 'M-', 'Foo', 'F13', 'ab', 'C-ab', 'X-a', 'S-1', 'S-?', '\t', '\x01', 'C-\x01', 'é́'])(
    'rejects %j',
    (spec) => {
      expect(parseKeySpec(spec)).toEqual({ ok: false, error: 'expected a key like "C-a"' });
    },
  );
});

describe('splitKey and composeKey', () => {
  it('split canonical names into modifiers and base', () => {
    expect(splitKey('C-M-S-Up')).toEqual({ ctrl: true, meta: true, shift: true, base: 'Up' });
    expect(splitKey('C--')).toEqual({ ctrl: true, meta: false, shift: false, base: '-' });
    expect(splitKey('M')).toEqual({ ctrl: false, meta: false, shift: false, base: 'M' });
    expect(splitKey('M-M')).toEqual({ ctrl: false, meta: true, shift: false, base: 'M' });
  });

  it('round-trips every named key under every modifier combination', () => {
    for (const base of NAMED_KEYS) {
      for (let mask = 0; mask < 8; mask++) {
        const modifiers = { ctrl: (mask & 1) !== 0, meta: (mask & 2) !== 0, shift: (mask & 4) !== 0 };
        const key = composeKey(modifiers, base);
        expect(parsed(key)).toBe(key);
        expect(composeKey(splitKey(key), splitKey(key).base)).toBe(key);
      }
    }
  });

  it('adds modifiers in canonical order', () => {
    expect(addModifiers('C-a', { meta: true })).toBe('C-M-a');
    expect(addModifiers('Up', { shift: true, ctrl: true })).toBe('C-S-Up');
    expect(addModifiers('Tab', { shift: true })).toBe('BTab');
    expect(addModifiers('x', { shift: true })).toBe('X');
  });

  it('tells character keys from named ones', () => {
    expect(isCharKey('a')).toBe(true);
    expect(isCharKey('😀')).toBe(true);
    expect(isCharKey('Up')).toBe(false);
    expect(isCharKey('C-a')).toBe(false);
    expect(isCharKey('')).toBe(false);
  });
});
