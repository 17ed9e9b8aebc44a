/**
 * The keymap: the binding table, checked and resolved, ready for lookups.
 *
 * Building a keymap is where a table is validated, so that a mistake surfaces once, at startup, with both
 * rows named, instead of as a key that silently does the wrong thing: every key is normalised to its
 * canonical name (so `c-a` in a config matches the `C-a` the decoder produces), PREFIX_KEY becomes the
 * real prefix, and two rows for the same key in the same table are a conflict. A root-table binding of
 * the prefix key is one as well, since the prefix must always reach the prefix table. Copy-mode-vi rows
 * must name a copy action: there is no registry to check them against later, as there is for commands.
 * The prefix is looked up before copy mode's table (as in tmux), so a copy-mode row for the prefix key
 * (C-b, page up, under the default prefix) could never fire: it is left out of the keymap, and so out of
 * the help, and comes back when the prefix is another key.
 */
import { isCopyAction } from '../copy-mode/copy-keys.js';
import { parseKeySpec } from '../keys/keyspec.js';
import { PREFIX_KEY, type CommandTableName, type KeyBinding, type KeyTableName } from './bindings.js';

export interface KeymapConfig {
  prefix: string;
  bindings: readonly KeyBinding[];
}

const TABLES: readonly KeyTableName[] = ['root', 'prefix', 'copy-mode-vi'];
const COMMAND_TABLES: readonly CommandTableName[] = ['root', 'prefix'];

export class Keymap {
  private readonly byTableKey: ReadonlyMap<string, KeyBinding>;

  private constructor(
    readonly prefix: string,
    private readonly resolved: readonly KeyBinding[],
  ) {
    this.byTableKey = new Map(resolved.map((row) => [slot(row.table, row.key), row]));
  }

  /** Throws an Error with a one-line message for an invalid key or a conflict. */
  static build(config: KeymapConfig): Keymap {
    const prefix = canonicalKey(config.prefix, 'the prefix');
    const rows: KeyBinding[] = [];
    const seen = new Map<string, KeyBinding>();
    for (const row of config.bindings) {
      if (!TABLES.includes(row.table)) {
        throw new Error(`unknown key table "${row.table}" for ${row.command}: expected "root", "prefix" or "copy-mode-vi"`);
      }
      const key = row.key === PREFIX_KEY ? prefix : canonicalKey(row.key, `the ${row.command} binding`);
      const resolved: KeyBinding = Object.freeze(row.args ? { ...row, key, args: Object.freeze([...row.args]) } : { ...row, key });
      if (row.table === 'copy-mode-vi' && !isCopyAction(row.command)) {
        throw new Error(`binding ${describe(prefix, resolved)}: unknown copy action "${row.command}"`);
      }
      if (row.table === 'copy-mode-vi' && row.args?.length) {
        throw new Error(`binding ${describe(prefix, resolved)}: copy actions take no arguments`);
      }
      const earlier = seen.get(slot(row.table, key));
      if (earlier) {
        throw new Error(`binding ${describe(prefix, resolved)} conflicts with ${describe(prefix, earlier)}`);
      }
      if (row.table === 'root' && key === prefix) {
        throw new Error(`binding ${describe(prefix, resolved)} conflicts with the prefix key ${prefix}`);
      }
      seen.set(slot(row.table, key), resolved);
      if (row.table === 'copy-mode-vi' && key === prefix) continue;
      rows.push(resolved);
    }
    return new Keymap(prefix, rows);
  }

  lookup(table: KeyTableName, key: string): KeyBinding | undefined {
    return this.byTableKey.get(slot(table, key));
  }

  /** Every binding with keys resolved, in the order of the table it was built from. */
  rows(): readonly KeyBinding[] {
    return this.resolved;
  }

  /** How a person types the binding: `C-b c` for a prefix-table row, `M-x` for a root or copy-mode-vi one. */
  label(row: KeyBinding): string {
    return labelFor(this.prefix, row);
  }

  /**
   * The labels of every binding of `command`, for hints like "C-b ? help"; commands and copy actions
   * are different things that might share a name, so copy actions are asked for by their table.
   */
  keysFor(command: string, tables: readonly KeyTableName[] = COMMAND_TABLES): string[] {
    return this.resolved.filter((row) => row.command === command && tables.includes(row.table)).map((row) => this.label(row));
  }
}

function slot(table: KeyTableName, key: string): string {
  return `${table} ${key}`;
}

function canonicalKey(spec: string, what: string): string {
  const parsed = parseKeySpec(spec);
  if (!parsed.ok) throw new Error(`invalid key "${spec}" for ${what}: ${parsed.error}`);
  return parsed.key;
}

function labelFor(prefix: string, row: KeyBinding): string {
  return row.table === 'prefix' ? `${prefix} ${row.key}` : row.key;
}

function describe(prefix: string, row: KeyBinding): string {
  const command = [row.command, ...(row.args ?? [])].join(' ');
  // A bare key could be a root-table row: say which table it is in.
  return `"${labelFor(prefix, row)} → ${command}"${row.table === 'copy-mode-vi' ? ' in copy-mode-vi' : ''}`;
}
