import { describe, expect, it } from 'vitest';
import { DEFAULT_BINDINGS, DEFAULT_PREFIX, PREFIX_KEY, type KeyBinding } from '../../src/core/keymap/bindings.js';
import { Keymap } from '../../src/core/keymap/keymap.js';
import { parseKeySpec } from '../../src/core/keys/keyspec.js';

const defaults = () => Keymap.build({ prefix: DEFAULT_PREFIX, bindings: DEFAULT_BINDINGS });

describe('DEFAULT_BINDINGS', () => {
  it('binds the documented prefix-table keys to the documented commands', () => {
    const keymap = defaults();
    const command = (key: string) => {
      const row = keymap.lookup('prefix', key);
      return row && [row.command, ...(row.args ?? [])].join(' ');
    };
    expect(command('c')).toBe('new-session');
    expect(command('n')).toBe('next-session');
    expect(command('p')).toBe('previous-session');
    for (let digit = 0; digit <= 9; digit++) expect(command(String(digit))).toBe(`select-session ${digit}`);
    expect(command('Space')).toBe('next-layout');
    expect(command('z')).toBe('zoom');
    expect(command('Left')).toBe('select-pane left');
    expect(command('Right')).toBe('select-pane right');
    expect(command('Up')).toBe('select-pane up');
    expect(command('Down')).toBe('select-pane down');
    expect(command('x')).toBe('kill-session');
    expect(command('R')).toBe('relaunch');
    expect(command('a')).toBe('show-all');
    expect(command('w')).toBe('jump-waiting');
    expect(command('C')).toBe('show-conflicts');
    expect(command('?')).toBe('help');
    expect(command('[')).toBe('copy-mode');
    expect(command(']')).toBe('paste-buffer');
    expect(command('M')).toBe('toggle-mouse');
    expect(command('D')).toBe('diff');
    expect(command('U')).toBe('checkpoints');
    expect(command('W')).toBe('move-session');
    expect(command('m')).toBe('merge');
    expect(command('X')).toBe('remove-worktree');
    expect(command('s')).toBe('commit-turn');
    expect(command('o')).toBe('open-worktree');
    expect(command('P')).toBe('prune');
    expect(command('d')).toBe('detach');
    expect(command('C-b')).toBe('send-prefix');
    expect(command('F')).toBe('fanout');
    expect(command('V')).toBe('compare');
    expect(command('g')).toBe('toggle-group');
    expect(command('u')).toBe('sync');
    expect(keymap.rows().filter((row) => row.table === 'prefix')).toHaveLength(42);
    // 40 copy-mode-vi rows, less C-b (page up), which the default prefix shadows.
    expect(keymap.rows().filter((row) => row.table === 'copy-mode-vi')).toHaveLength(39);
  });

  it('writes every key canonically (or as the prefix placeholder) and describes every row', () => {
    for (const row of DEFAULT_BINDINGS) {
      if (row.key !== PREFIX_KEY) expect(parseKeySpec(row.key)).toEqual({ ok: true, key: row.key });
      expect(row.description).toMatch(/^[A-Z].*[^.]$/);
      expect(row.description.length).toBeLessThanOrEqual(40);
    }
  });

  it('binds nothing in the root table, so every key reaches the pane', () => {
    expect(DEFAULT_BINDINGS.filter((row) => row.table === 'root')).toEqual([]);
  });
});

describe('Keymap.build', () => {
  it('resolves the prefix placeholder to the prefix, following a rebinding', () => {
    const keymap = Keymap.build({ prefix: 'C-a', bindings: DEFAULT_BINDINGS });
    expect(keymap.prefix).toBe('C-a');
    expect(keymap.lookup('prefix', 'C-a')?.command).toBe('send-prefix');
    expect(keymap.lookup('prefix', 'C-b')).toBeUndefined();
    expect(keymap.rows().some((row) => row.key === PREFIX_KEY)).toBe(false);
  });

  it('normalises keys as users write them', () => {
    const keymap = Keymap.build({
      prefix: '^A',
      bindings: [
        { table: 'root', key: 'm-x', command: 'zoom', description: 'Zoom' },
        { table: 'prefix', key: 'PageUp', command: 'scroll', args: ['up'], description: 'Scroll' },
      ],
    });
    expect(keymap.prefix).toBe('C-a');
    expect(keymap.lookup('root', 'M-x')?.command).toBe('zoom');
    expect(keymap.lookup('prefix', 'PPage')).toMatchObject({ key: 'PPage', args: ['up'] });
    expect(keymap.lookup('root', 'm-x')).toBeUndefined();
  });

  it('keeps the rows in table order', () => {
    const rows: KeyBinding[] = [
      { table: 'prefix', key: 'b', command: 'two', description: 'Two' },
      { table: 'root', key: 'F1', command: 'one', description: 'One' },
      { table: 'prefix', key: 'a', command: 'three', description: 'Three' },
    ];
    expect(Keymap.build({ prefix: 'C-b', bindings: rows }).rows().map((row) => row.command)).toEqual(['two', 'one', 'three']);
  });

  it('rejects two rows for one key in one table, naming both', () => {
    const bindings: KeyBinding[] = [
      ...DEFAULT_BINDINGS,
      { table: 'prefix', key: 'Q', command: 'rename-session', description: 'Rename' },
      { table: 'prefix', key: 'c', command: 'kill-server', description: 'Kill everything' },
    ];
    expect(() => Keymap.build({ prefix: 'C-b', bindings })).toThrow(
      'binding "C-b c → kill-server" conflicts with "C-b c → new-session"',
    );
  });

  it('counts keys that normalise alike as the same key', () => {
    const bindings: KeyBinding[] = [
      { table: 'root', key: 'C-a', command: 'one', description: 'One' },
      { table: 'root', key: '^A', command: 'two', description: 'Two' },
    ];
    expect(() => Keymap.build({ prefix: 'C-b', bindings })).toThrow(/"C-a → two" conflicts with "C-a → one"/);
  });

  it('lets one key mean different things in different tables', () => {
    const bindings: KeyBinding[] = [
      { table: 'root', key: 'F2', command: 'one', description: 'One' },
      { table: 'prefix', key: 'F2', command: 'two', description: 'Two' },
    ];
    const keymap = Keymap.build({ prefix: 'C-b', bindings });
    expect(keymap.lookup('root', 'F2')?.command).toBe('one');
    expect(keymap.lookup('prefix', 'F2')?.command).toBe('two');
  });

  it('reports a prefix rebinding that collides with a prefix-table key', () => {
    expect(() => Keymap.build({ prefix: 'c', bindings: DEFAULT_BINDINGS })).toThrow(
      'binding "c c → send-prefix" conflicts with "c c → new-session"',
    );
  });

  it('rejects a root-table binding of the prefix key', () => {
    const bindings: KeyBinding[] = [{ table: 'root', key: 'C-b', command: 'zoom', description: 'Zoom' }];
    expect(() => Keymap.build({ prefix: 'C-b', bindings })).toThrow('binding "C-b → zoom" conflicts with the prefix key C-b');
  });

  it('rejects keys that are not keys, saying where', () => {
    expect(() => Keymap.build({ prefix: 'Ctrl+B', bindings: [] })).toThrow(
      'invalid key "Ctrl+B" for the prefix: expected a key like "C-a"',
    );
    const bindings: KeyBinding[] = [{ table: 'prefix', key: 'Hyper-x', command: 'zoom', description: 'Zoom' }];
    expect(() => Keymap.build({ prefix: 'C-b', bindings })).toThrow(
      'invalid key "Hyper-x" for the zoom binding: expected a key like "C-a"',
    );
  });

  it('rejects an unknown table', () => {
    const bindings = [{ table: 'copy-mode', key: 'q', command: 'cancel', description: 'Quit' }] as unknown as KeyBinding[];
    expect(() => Keymap.build({ prefix: 'C-b', bindings })).toThrow('unknown key table "copy-mode" for cancel');
  });

  it('binds copy-mode-vi keys to copy actions, apart from the commands of the other tables', () => {
    const keymap = defaults();
    expect(keymap.lookup('copy-mode-vi', 'q')).toMatchObject({ table: 'copy-mode-vi', key: 'q', command: 'cancel', description: 'Leave copy mode' });
    expect(keymap.lookup('copy-mode-vi', 'PPage')?.command).toBe('page-up');
    expect(keymap.lookup('copy-mode-vi', 'c')).toBeUndefined();
    expect(keymap.lookup('prefix', 'q')).toBeUndefined();
    expect(keymap.lookup('prefix', '?')?.command).toBe('help');
    expect(keymap.lookup('copy-mode-vi', '?')?.command).toBe('search-backward');
  });

  it('leaves out a copy-mode-vi row for the prefix key, which could never fire, until the prefix moves', () => {
    const keymap = defaults();
    expect(keymap.lookup('copy-mode-vi', 'C-b')).toBeUndefined();
    expect(keymap.rows().some((row) => row.table === 'copy-mode-vi' && row.key === 'C-b')).toBe(false);
    expect(keymap.lookup('copy-mode-vi', 'PPage')?.command).toBe('page-up');
    expect(keymap.lookup('prefix', 'C-b')?.command).toBe('send-prefix');
    const moved = Keymap.build({ prefix: 'C-a', bindings: DEFAULT_BINDINGS });
    expect(moved.lookup('copy-mode-vi', 'C-b')?.command).toBe('page-up');
  });

  it('rejects a copy-mode-vi row that names no copy action, or gives one arguments', () => {
    const row = (command: string, args?: string[]): KeyBinding[] => [
      { table: 'copy-mode-vi', key: 'k', command, ...(args ? { args } : {}), description: 'Up' },
    ];
    expect(() => Keymap.build({ prefix: 'C-b', bindings: row('cursor-upp') })).toThrow(
      /^binding "k → cursor-upp" in copy-mode-vi: unknown copy action "cursor-upp"$/,
    );
    // A command is not a copy action, even one about copy mode.
    expect(() => Keymap.build({ prefix: 'C-b', bindings: row('copy-mode') })).toThrow('unknown copy action "copy-mode"');
    expect(() => Keymap.build({ prefix: 'C-b', bindings: row('cursor-up', ['3']) })).toThrow(
      'binding "k → cursor-up 3" in copy-mode-vi: copy actions take no arguments',
    );
  });

  it('reports two copy-mode-vi rows for one key, saying which table', () => {
    const bindings: KeyBinding[] = [...DEFAULT_BINDINGS, { table: 'copy-mode-vi', key: 'q', command: 'cursor-up', description: 'Up' }];
    expect(() => Keymap.build({ prefix: 'C-b', bindings })).toThrow(
      'binding "q → cursor-up" in copy-mode-vi conflicts with "q → cancel" in copy-mode-vi',
    );
  });

  it('hands out rows that cannot be changed behind its back', () => {
    const args = ['left'];
    const keymap = Keymap.build({
      prefix: 'C-b',
      bindings: [{ table: 'prefix', key: 'h', command: 'select-pane', args, description: 'Left' }],
    });
    args[0] = 'right';
    expect(keymap.lookup('prefix', 'h')?.args).toEqual(['left']);
    expect(Object.isFrozen(keymap.lookup('prefix', 'h'))).toBe(true);
  });

  it('labels rows and finds the keys of a command', () => {
    const keymap = Keymap.build({ prefix: 'C-a', bindings: DEFAULT_BINDINGS });
    expect(keymap.keysFor('help')).toEqual(['C-a ?']);
    expect(keymap.keysFor('select-pane')).toEqual(['C-a Left', 'C-a Right', 'C-a Up', 'C-a Down']);
    expect(keymap.keysFor('no-such-command')).toEqual([]);
    expect(keymap.label({ table: 'root', key: 'M-x', command: 'zoom', description: 'Zoom' })).toBe('M-x');
  });

  it('labels copy-mode keys bare, and finds them only when asked for by table', () => {
    const keymap = Keymap.build({ prefix: 'C-a', bindings: DEFAULT_BINDINGS });
    expect(keymap.label(keymap.lookup('copy-mode-vi', 'q')!)).toBe('q');
    expect(keymap.keysFor('cancel', ['copy-mode-vi'])).toEqual(['q', 'Escape', 'C-c']);
    expect(keymap.keysFor('cancel')).toEqual([]);
    expect(keymap.keysFor('copy-mode')).toEqual(['C-a [']);
    expect(keymap.keysFor('copy-mode', ['copy-mode-vi'])).toEqual([]);
  });
});
