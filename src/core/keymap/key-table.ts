/**
 * The prefix state machine: which key table the next key is looked up in.
 *
 * As in tmux, the client sits in the root table. A root-table binding runs its command; the prefix key
 * switches to the prefix table; anything else goes to the focused pane. In the prefix table the next key,
 * whatever it is, ends the excursion: a bound key runs its command, an unbound one is reported (so the
 * client can say so) and swallowed rather than typed into the pane, and either way the machine is back in
 * the root table. Pressing the prefix twice therefore runs whatever the prefix table binds to the prefix,
 * which by default is send-prefix.
 */
import type { CommandTableName } from './bindings.js';
import type { Keymap } from './keymap.js';

export type KeyAction =
  | { type: 'forward' }
  | { type: 'prefix' }
  | { type: 'command'; command: string; args: readonly string[] }
  | { type: 'unbound'; key: string };

const FORWARD: KeyAction = { type: 'forward' };
const PREFIX: KeyAction = { type: 'prefix' };

export class KeyTableMachine {
  private current: CommandTableName = 'root';

  constructor(private readonly keymap: Keymap) {}

  get table(): CommandTableName {
    return this.current;
  }

  /** Decides what a canonical key does, and moves to the table the next key is looked up in. */
  handle(key: string): KeyAction {
    const table = this.current;
    this.current = 'root';
    const binding = this.keymap.lookup(table, key);
    if (binding) return { type: 'command', command: binding.command, args: binding.args ?? [] };
    if (table === 'prefix') return { type: 'unbound', key };
    if (key === this.keymap.prefix) {
      this.current = 'prefix';
      return PREFIX;
    }
    return FORWARD;
  }

  /** Back to the root table, e.g. when focus moves to a dialog halfway through a prefix chord. */
  reset(): void {
    this.current = 'root';
  }
}
