/**
 * The keymap: the binding table, checked and resolved, ready for lookups.
 *
 * Building a keymap is where a table is validated, so that a mistake surfaces once, at startup, with both
 * rows named, instead of as a key that silently does the wrong thing: every key is normalised to its
 * canonical name (so `c-a` in a config matches the `C-a` the decoder produces), PREFIX_KEY becomes the
 * real prefix, and two rows for the same key in the same table are a conflict. A root-table binding of
 * the prefix key is one as well, since the prefix must always reach the prefix table.
 */
import { parseKeySpec } from '../keys/keyspec.js';
import { PREFIX_KEY, type KeyBinding, type KeyTableName } from './bindings.js';

export interface KeymapConfig {
  prefix: string;
  bindings: readonly KeyBinding[];
}

const TABLES: readonly KeyTableName[] = ['root', 'prefix'];

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
        throw new Error(`unknown key table "${row.table}" for ${row.command}: expected "root" or "prefix"`);
      }
      const key = row.key === PREFIX_KEY ? prefix : canonicalKey(row.key, `the ${row.command} binding`);
      const resolved: KeyBinding = Object.freeze(row.args ? { ...row, key, args: Object.freeze([...row.args]) } : { ...row, key });
      const earlier = seen.get(slot(row.table, key));
      if (earlier) {
        throw new Error(`binding ${describe(prefix, resolved)} conflicts with ${describe(prefix, earlier)}`);
      }
      if (row.table === 'root' && key === prefix) {
        throw new Error(`binding ${describe(prefix, resolved)} conflicts with the prefix key ${prefix}`);
      }
      seen.set(slot(row.table, key), resolved);
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

  /** How a person types the binding: `C-b c` for a prefix-table row, `M-x` for a root-table one. */
  label(row: KeyBinding): string {
    return labelFor(this.prefix, row);
  }

  /** The labels of every binding of `command`, for hints like "C-b ? help". */
  keysFor(command: string): string[] {
    return this.resolved.filter((row) => row.command === command).map((row) => this.label(row));
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
  return `"${labelFor(prefix, row)} → ${command}"`;
}
