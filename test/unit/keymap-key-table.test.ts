import { describe, expect, it } from 'vitest';
import { DEFAULT_BINDINGS, DEFAULT_PREFIX, type KeyBinding } from '../../src/core/keymap/bindings.js';
import { KeyTableMachine, type KeyAction } from '../../src/core/keymap/key-table.js';
import { Keymap } from '../../src/core/keymap/keymap.js';

function machine(prefix = DEFAULT_PREFIX, bindings: readonly KeyBinding[] = DEFAULT_BINDINGS): KeyTableMachine {
  return new KeyTableMachine(Keymap.build({ prefix, bindings }));
}

/** Each key's action and the table the machine is in afterwards. */
function run(keys: KeyTableMachine, ...typed: string[]): [KeyAction, string][] {
  return typed.map((key) => [keys.handle(key), keys.table]);
}

describe('KeyTableMachine', () => {
  it('starts in the root table and forwards unbound keys', () => {
    const keys = machine();
    expect(keys.table).toBe('root');
    expect(run(keys, 'a', 'C-a', 'Up', 'Escape')).toEqual([
      [{ type: 'forward' }, 'root'],
      [{ type: 'forward' }, 'root'],
      [{ type: 'forward' }, 'root'],
      [{ type: 'forward' }, 'root'],
    ]);
  });

  it('runs a prefix-table command after the prefix, then returns to root', () => {
    expect(run(machine(), 'C-b', 'c', 'c')).toEqual([
      [{ type: 'prefix' }, 'prefix'],
      [{ type: 'command', command: 'new-session', args: [] }, 'root'],
      [{ type: 'forward' }, 'root'],
    ]);
  });

  it('passes arguments through', () => {
    expect(run(machine(), 'C-b', '3')[1]).toEqual([{ type: 'command', command: 'select-session', args: ['3'] }, 'root']);
    expect(run(machine(), 'C-b', 'Left')[1]).toEqual([{ type: 'command', command: 'select-pane', args: ['left'] }, 'root']);
  });

  it('reports and swallows an unbound key after the prefix, as tmux does', () => {
    expect(run(machine(), 'C-b', 'j', 'j')).toEqual([
      [{ type: 'prefix' }, 'prefix'],
      [{ type: 'unbound', key: 'j' }, 'root'],
      [{ type: 'forward' }, 'root'],
    ]);
  });

  it('sends the prefix on when it is pressed twice', () => {
    expect(run(machine(), 'C-b', 'C-b')[1]).toEqual([{ type: 'command', command: 'send-prefix', args: [] }, 'root']);
  });

  it('follows a rebound prefix: C-a becomes the prefix and C-b an ordinary key', () => {
    const keys = machine('C-a');
    expect(run(keys, 'C-b', 'C-a', 'C-a', 'C-a', 'd')).toEqual([
      [{ type: 'forward' }, 'root'],
      [{ type: 'prefix' }, 'prefix'],
      [{ type: 'command', command: 'send-prefix', args: [] }, 'root'],
      [{ type: 'prefix' }, 'prefix'],
      [{ type: 'command', command: 'detach', args: [] }, 'root'],
    ]);
  });

  it('runs root-table bindings without the prefix', () => {
    const bindings: KeyBinding[] = [
      ...DEFAULT_BINDINGS,
      { table: 'root', key: 'M-n', command: 'next-session', description: 'Next session' },
    ];
    const keys = machine('C-b', bindings);
    expect(run(keys, 'M-n', 'C-b', 'M-n')).toEqual([
      [{ type: 'command', command: 'next-session', args: [] }, 'root'],
      [{ type: 'prefix' }, 'prefix'],
      [{ type: 'unbound', key: 'M-n' }, 'root'],
    ]);
  });

  it('resets to the root table', () => {
    const keys = machine();
    keys.handle('C-b');
    keys.reset();
    expect(keys.table).toBe('root');
    expect(keys.handle('c')).toEqual({ type: 'forward' });
  });
});
