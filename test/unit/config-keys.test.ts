/**
 * Key overrides from config: they change rows of the one binding table (and the prefix), and clashes
 * are reported naming both sides. Results are checked through Keymap.build, as the client uses them.
 */
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/core/commands/registry.js';
import { withDefaults } from '../../src/core/config/config.js';
import { formatConfigError } from '../../src/core/config/errors.js';
import { resolveKeymapConfig } from '../../src/core/config/keymap-config.js';
import { parseConfigText } from '../../src/core/config/schema-checks.js';
import { mergeFiles, type ParsedFile } from '../../src/core/config/merge.js';
import type { ConfigFile } from '../../src/core/config/schema.js';
import { DEFAULT_BINDINGS, type KeyTableName } from '../../src/core/keymap/bindings.js';
import { Keymap } from '../../src/core/keymap/keymap.js';
import { tmuxPrefixWarning } from '../../src/core/config/tmux-prefix.js';

/** Config files (by label) → the keymap they resolve to, or the error lines. */
function resolve(files: Record<string, unknown>): { keymap?: Keymap; errors: string[] } {
  const parsed: ParsedFile<ConfigFile>[] = Object.entries(files).map(([file, data]) => {
    const result = parseConfigText({ file, text: JSON.stringify(data) });
    if (!result.ok) throw new Error(result.errors.map(formatConfigError).join('\n'));
    return { file, data: result.value };
  });
  const merged = mergeFiles(parsed);
  const result = resolveKeymapConfig(withDefaults(merged.data, merged.origins), DEFAULT_BINDINGS, COMMANDS);
  return result.ok ? { keymap: Keymap.build(result.value), errors: [] } : { errors: result.errors.map(formatConfigError) };
}

const keys = (keys: Record<string, unknown>) => resolve({ 'config.json': { keys } });

/** What a prefix-table key runs, as a command line. */
function runs(keymap: Keymap | undefined, key: string, table: KeyTableName = 'prefix'): string | undefined {
  const row = keymap!.lookup(table, key);
  return row && [row.command, ...(row.args ?? [])].join(' ');
}

describe('key overrides', () => {
  it('leave the default table alone when there are none', () => {
    const { keymap } = keys({});
    expect(keymap!.prefix).toBe('C-b');
    // All of them, but copy mode's C-b (page up), which the prefix shadows (keymap.ts).
    const shadowed = (row: (typeof DEFAULT_BINDINGS)[number]) => row.table === 'copy-mode-vi' && row.key === 'C-b';
    expect(keymap!.rows().map((row) => [row.command, row.args])).toEqual(DEFAULT_BINDINGS.filter((row) => !shadowed(row)).map((row) => [row.command, row.args]));
  });

  it('replace a command\'s keys, bind several, and unbind with null', () => {
    const { keymap, errors } = keys({ 'new-session': 'N', 'kill-session': ['K', 'C-x'], zoom: null });
    expect(errors).toEqual([]);
    expect(runs(keymap, 'N')).toBe('new-session');
    expect(runs(keymap, 'c')).toBeUndefined();
    expect([runs(keymap, 'K'), runs(keymap, 'C-x'), runs(keymap, 'x')]).toEqual(['kill-session', 'kill-session', undefined]);
    expect(runs(keymap, 'z')).toBeUndefined();
    expect(keymap!.keysFor('zoom')).toEqual([]);
  });

  it('keep the replaced row\'s place and description, so the help screen reads the same', () => {
    const { keymap } = keys({ 'new-session': 'N' });
    const first = keymap!.rows()[0]!;
    expect([first.key, first.command, first.description]).toEqual(['N', 'new-session', 'New session']);
  });

  it('normalise key spellings as the decoder does', () => {
    const { keymap } = keys({ 'next-session': 'ctrl-N', 'previous-session': '^P' });
    expect(runs(keymap, 'C-n')).toBe('next-session');
    expect(runs(keymap, 'C-p')).toBe('previous-session');
  });

  it('address a command with arguments by its command line', () => {
    const { keymap, errors } = keys({ 'select-session 1': '!', 'select-pane left': 'h' });
    expect(errors).toEqual([]);
    expect(runs(keymap, '!')).toBe('select-session 1');
    expect(runs(keymap, '1')).toBeUndefined();
    expect(runs(keymap, '2')).toBe('select-session 2');
    expect(runs(keymap, 'h')).toBe('select-pane left');
    expect(keymap!.lookup('prefix', '!')!.description).toBe('Select session 1');
  });

  it('unbind every row of a command when its bare name is unbound', () => {
    const { keymap } = keys({ 'select-session': null });
    expect(keymap!.keysFor('select-session')).toEqual([]);
  });

  it('refuse to bind a command that needs arguments without them', () => {
    expect(keys({ 'select-session': 's' }).errors).toEqual([
      'config.json: keys.select-session: select-session needs arguments, e.g. "select-session 0"',
    ]);
  });

  it('bind keys without the prefix in the root table', () => {
    const { keymap, errors } = keys({ root: { 'next-session': 'M-n', 'select-session 1': 'M-1' } });
    expect(errors).toEqual([]);
    expect(runs(keymap, 'M-n', 'root')).toBe('next-session');
    expect(runs(keymap, 'n')).toBe('next-session');
    expect(runs(keymap, 'M-1', 'root')).toBe('select-session 1');
    expect(keymap!.label(keymap!.lookup('root', 'M-n')!)).toBe('M-n');
  });

  it('report an unknown command with the nearest known one', () => {
    expect(keys({ 'new-sesion': 'N' }).errors).toEqual(['config.json: keys.new-sesion: unknown command "new-sesion" (did you mean "new-session"?)']);
    expect(keys({ root: { zom: 'M-z' } }).errors).toEqual(['config.json: keys.root.zom: unknown command "zom" (did you mean "zoom"?)']);
  });
});

describe('copy mode key overrides', () => {
  const copyMode = (overrides: Record<string, unknown>) => keys({ 'copy-mode-vi': overrides });
  const copy = (keymap: Keymap | undefined, key: string) => runs(keymap, key, 'copy-mode-vi');

  it('replace an action\'s keys, keeping its place and description', () => {
    const { keymap, errors } = copyMode({ cancel: 'x', 'cursor-up': ['u', 'C-p'] });
    expect(errors).toEqual([]);
    expect([copy(keymap, 'x'), copy(keymap, 'q'), copy(keymap, 'Escape'), copy(keymap, 'C-c')]).toEqual(['cancel', undefined, undefined, undefined]);
    expect([copy(keymap, 'u'), copy(keymap, 'C-p'), copy(keymap, 'k'), copy(keymap, 'Up')]).toEqual(['cursor-up', 'cursor-up', undefined, undefined]);
    expect(keymap!.lookup('copy-mode-vi', 'x')!.description).toBe('Leave copy mode');
    const copyRows = keymap!.rows().filter((row) => row.table === 'copy-mode-vi');
    expect(copyRows.slice(4, 6).map((row) => row.key)).toEqual(['u', 'C-p']);
    // The prefix table is another table: its x still kills a session.
    expect(runs(keymap, 'x')).toBe('kill-session');
  });

  it('unbind an action with null', () => {
    const { keymap, errors } = copyMode({ 'begin-selection': null });
    expect(errors).toEqual([]);
    expect([copy(keymap, 'v'), copy(keymap, 'Space')]).toEqual([undefined, undefined]);
    expect(keymap!.keysFor('begin-selection', ['copy-mode-vi'])).toEqual([]);
    expect(copy(keymap, 'V')).toBe('select-line');
  });

  it('name copy actions, not commands, and say which was meant', () => {
    expect(copyMode({ 'cursor-upp': 'u' }).errors).toEqual([
      'config.json: keys.copy-mode-vi.cursor-upp: unknown copy action "cursor-upp" (did you mean "cursor-up"?)',
    ]);
    expect(copyMode({ 'new-session': 'c' }).errors[0]).toMatch(/^config\.json: keys\.copy-mode-vi\.new-session: unknown copy action "new-session"/);
    expect(keys({ cancel: 'x' }).errors[0]).toMatch(/^config\.json: keys\.cancel: unknown command "cancel"/);
  });

  it('report a key taken by another action, with a way to free it', () => {
    expect(copyMode({ cancel: 'k' }).errors).toEqual([
      'config.json: keys.copy-mode-vi.cancel: k in copy mode is bound to both cancel and cursor-up (its default key; free it with "copy-mode-vi": { "cursor-up": null })',
    ]);
    expect(copyMode({ cancel: 'k', 'cursor-up': 'u' }).errors).toEqual([]);
  });

  it('come from the repository file over the user file, entry by entry', () => {
    const { keymap } = resolve({
      '~/.config/grove/config.json': { keys: { 'copy-mode-vi': { cancel: 'x', 'cursor-up': 'u' } } },
      '.grove/config.json': { keys: { 'copy-mode-vi': { cancel: 'Q' } } },
    });
    expect([copy(keymap, 'Q'), copy(keymap, 'x'), copy(keymap, 'u')]).toEqual(['cancel', undefined, 'cursor-up']);
  });
});

describe('the prefix', () => {
  it('can be rebound, and the literal-prefix key follows it', () => {
    const { keymap } = keys({ prefix: 'C-a' });
    expect(keymap!.prefix).toBe('C-a');
    expect(runs(keymap, 'C-a')).toBe('send-prefix');
    expect(runs(keymap, 'C-b')).toBeUndefined();
    expect(keymap!.keysFor('new-session')).toEqual(['C-a c']);
  });

  it('is normalised like any key', () => {
    expect(keys({ prefix: 'ctrl-A' }).keymap!.prefix).toBe('C-a');
  });

  it('cannot also be a root-table binding', () => {
    expect(keys({ prefix: 'C-a', root: { zoom: 'C-a' } }).errors).toEqual([
      'config.json: keys.root.zoom: C-a is the prefix key, so it cannot also run zoom',
    ]);
  });

  it('clashing with a default binding is reported against the prefix', () => {
    expect(keys({ prefix: 'c' }).errors).toEqual([
      'config.json: keys.prefix: with the prefix c, c c is bound to both send-prefix and new-session; rebind one of them',
    ]);
    expect(keys({ prefix: 'c', 'new-session': 'N' }).errors).toEqual([]);
  });
});

describe('conflicts', () => {
  it('between an override and a default name both, and say how to free the key', () => {
    expect(keys({ 'new-session': 'n' }).errors).toEqual([
      'config.json: keys.new-session: C-b n is bound to both new-session and next-session (its default key; free it with "next-session": null)',
    ]);
  });

  it('between two overrides name both settings', () => {
    expect(keys({ 'new-session': 'k', 'kill-session': 'k' }).errors).toEqual([
      'config.json: keys.kill-session: C-b k is bound to both kill-session and new-session (keys.new-session)',
    ]);
  });

  it('are resolved by moving the other command away, or swapping', () => {
    expect(keys({ 'new-session': 'n', 'next-session': 'N' }).errors).toEqual([]);
    const swapped = keys({ 'next-session': 'p', 'previous-session': 'n' });
    expect([runs(swapped.keymap, 'p'), runs(swapped.keymap, 'n')]).toEqual(['next-session', 'previous-session']);
  });

  it('name the file that set each side when user and repository files combine', () => {
    const { errors } = resolve({
      '~/.config/grove/config.json': { keys: { 'new-session': 'N' } },
      '.grove/config.json': { keys: { zoom: 'N' } },
    });
    expect(errors).toEqual(['.grove/config.json: keys.zoom: C-b N is bound to both zoom and new-session (keys.new-session)']);
  });

  it('a repository file overrides a user file entry by entry', () => {
    const { keymap } = resolve({
      '~/.config/grove/config.json': { keys: { prefix: 'C-a', zoom: null, 'new-session': 'N' } },
      '.grove/config.json': { keys: { zoom: 'Z' } },
    });
    expect([keymap!.prefix, runs(keymap, 'Z'), runs(keymap, 'N')]).toEqual(['C-a', 'zoom', 'new-session']);
  });
});

describe('tmuxPrefixWarning', () => {
  it('warns only inside tmux with the same prefix', () => {
    const inTmux = { TMUX: '/tmp/tmux-1000/default,123,0' };
    expect(tmuxPrefixWarning(inTmux, 'C-b', 'C-b')).toMatch(/^tmux also uses C-b as its prefix: press it twice/u);
    expect(tmuxPrefixWarning(inTmux, 'C-b\n', 'C-b')).toBeDefined();
    expect(tmuxPrefixWarning(inTmux, 'C-a', 'C-b')).toBeUndefined();
    expect(tmuxPrefixWarning({}, 'C-b', 'C-b')).toBeUndefined();
    expect(tmuxPrefixWarning(inTmux, undefined, 'C-b')).toBeUndefined();
  });
});
