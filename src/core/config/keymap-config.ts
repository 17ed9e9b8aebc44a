/**
 * Key overrides from config, applied to the keymap's one table of bindings.
 *
 * The format is keyed by command, as a person thinks of it ("what key kills a session?"):
 *
 *     "keys": { "prefix": "C-a", "kill-session": ["x", "X"], "zoom": null, "select-session 1": "!",
 *               "root": { "next-session": "M-n" }, "copy-mode-vi": { "cancel": ["q", "x"] } }
 *
 * An entry replaces the keys of that command's rows in the prefix table (`root` entries: the root table,
 * keys pressed without the prefix; `copy-mode-vi` entries: copy mode's table, by copy action rather than
 * command). A command with arguments is addressed with them, `"select-session 1"`;
 * the bare name addresses the rows without arguments, except that unbinding a bare name (null or [])
 * removes every row of the command, arguments or not. Replacement rows keep their place in the table and
 * their description, so the help screen reads the same. Nothing is added beside the table: the result is
 * the table itself, changed, for Keymap.build.
 *
 * Conflicts are found here rather than left to Keymap.build, so that both sides can be named by the
 * setting that caused them, with a way out.
 */
import { COPY_ACTIONS } from '../copy-mode/copy-keys.js';
import { PREFIX_KEY, type KeyBinding, type KeyTableName } from '../keymap/bindings.js';
import { Keymap, type KeymapConfig } from '../keymap/keymap.js';
import { parseKeySpec } from '../keys/keyspec.js';
import type { GroveConfig } from './config.js';
import { failed, formatPath, ok, type ConfigError, type PathSegment, type Result } from './errors.js';
import { originOf } from './merge.js';
import { didYouMean } from './suggest.js';

/** What the keymap needs to know of a command: `COMMANDS` from the command registry fits. */
export interface CommandInfo {
  readonly name: string;
  readonly description: string;
}

/** A row and, when a config entry put it there, which entry. */
interface Row {
  readonly binding: KeyBinding;
  readonly from?: readonly PathSegment[];
}

const TABLE_PATHS: Record<KeyTableName, readonly PathSegment[]> = {
  prefix: ['keys'],
  root: ['keys', 'root'],
  'copy-mode-vi': ['keys', 'copy-mode-vi'],
};

const sameArgs = (a: readonly string[] | undefined, b: readonly string[]): boolean =>
  (a ?? []).length === b.length && b.every((arg, i) => a![i] === arg);

const commandLine = (row: KeyBinding): string => [row.command, ...(row.args ?? [])].join(' ');

export function resolveKeymapConfig(
  config: Pick<GroveConfig, 'keys' | 'origins'>,
  defaults: readonly KeyBinding[],
  knownCommands: readonly CommandInfo[],
): Result<KeymapConfig> {
  const errors: ConfigError[] = [];
  const fileOf = (path: readonly PathSegment[]): string => originOf(config.origins, path) ?? 'config';
  const report: Report = (path, message) => errors.push({ file: fileOf(path), path: formatPath(path), message });

  const prefixParsed = parseKeySpec(config.keys.prefix);
  if (!prefixParsed.ok) return failed([{ file: fileOf(['keys', 'prefix']), path: 'keys.prefix', message: prefixParsed.error }]);
  const prefix = prefixParsed.key;

  let rows: Row[] = defaults.map((binding) => ({ binding }));
  for (const table of ['prefix', 'root', 'copy-mode-vi'] as const) {
    // Copy actions take no arguments and are a namespace of their own, apart from the commands. They
    // have no descriptions of their own: an action with no default row is described by its name.
    const copyMode = table === 'copy-mode-vi';
    for (const [target, specs] of Object.entries(config.keys.overrides[table])) {
      const path = [...TABLE_PATHS[table], target];
      const [command = '', ...args] = copyMode ? [target.trim()] : target.trim().split(/\s+/u);
      const known: readonly CommandInfo[] = copyMode ? COPY_ACTIONS.map((name) => ({ name, description: name })) : knownCommands;
      const info = known.find((entry) => entry.name === command);
      if (!info) {
        report(path, `unknown ${copyMode ? 'copy action' : 'command'} "${command}"${didYouMean(command, known.map((entry) => entry.name))}`);
        continue;
      }
      const keys = parseKeys(specs, path, report);
      if (!keys) continue;
      const ofCommand = defaults.filter((row) => row.command === command && (row.table === 'copy-mode-vi') === copyMode);
      if (args.length === 0 && keys.length > 0 && ofCommand.length > 0 && ofCommand.every((row) => row.args?.length)) {
        report(path, `${command} needs arguments, e.g. "${commandLine(ofCommand[0]!)}"`);
        continue;
      }
      const description = ofCommand.find((row) => sameArgs(row.args, args))?.description ?? [info.description, ...args].join(' ');
      const added = keys.map((key): Row => ({ binding: { table, key, command, ...(args.length ? { args } : {}), description }, from: path }));
      rows = replaceRows(rows, added, (row) =>
        row.table === table && row.command === command && (sameArgs(row.args, args) || (args.length === 0 && keys.length === 0)),
      );
    }
  }

  errors.push(...findConflicts(rows, prefix, fileOf));
  if (errors.length) return failed(errors);

  const bindings = rows.map((row) => row.binding);
  try {
    Keymap.build({ prefix, bindings });
  } catch (err) {
    // findConflicts should have caught everything Keymap.build rejects; if not, still fail whole.
    return failed([{ file: fileOf(['keys']), path: 'keys', message: (err as Error).message }]);
  }
  return ok({ prefix, bindings });
}

type Report = (path: readonly PathSegment[], message: string) => void;

/** Canonical keys for an entry's specs, without repeats; undefined (and reported) if any is not a key. */
function parseKeys(specs: readonly string[], path: readonly PathSegment[], report: Report): string[] | undefined {
  const keys: string[] = [];
  let valid = true;
  specs.forEach((spec, index) => {
    const parsed = parseKeySpec(spec);
    if (!parsed.ok) {
      valid = false;
      report(specs.length > 1 ? [...path, index] : path, parsed.error);
    } else if (!keys.includes(parsed.key)) {
      keys.push(parsed.key);
    }
  });
  return valid ? keys : undefined;
}

/** The table without the rows `replaced` picks, with `added` where the first of them was (else at the end). */
function replaceRows(rows: readonly Row[], added: readonly Row[], replaced: (row: KeyBinding) => boolean): Row[] {
  const at = rows.findIndex((row) => replaced(row.binding));
  const kept = rows.filter((row) => !replaced(row.binding));
  // Every row before the first replaced one is kept, so `at` is the same place in `kept`.
  return at < 0 ? [...kept, ...added] : [...kept.slice(0, at), ...added, ...kept.slice(at)];
}

function findConflicts(
  rows: readonly Row[],
  prefix: string,
  fileOf: (path: readonly PathSegment[]) => string,
): ConfigError[] {
  const errors: ConfigError[] = [];
  const seen = new Map<string, Row>();
  const keyOf = (row: Row): string => (row.binding.key === PREFIX_KEY ? prefix : row.binding.key);
  const label = (row: Row): string => {
    const { table } = row.binding;
    return table === 'prefix' ? `${prefix} ${keyOf(row)}` : table === 'copy-mode-vi' ? `${keyOf(row)} in copy mode` : keyOf(row);
  };
  const unbindHint = (row: Row): string => {
    const key = JSON.stringify(commandLine(row.binding));
    return row.binding.table === 'prefix' ? `${key}: null` : `"${row.binding.table}": { ${key}: null }`;
  };
  const blame = (row: Row): readonly PathSegment[] => row.from ?? ['keys', 'prefix'];

  for (const row of rows) {
    const key = keyOf(row);
    if (row.binding.table === 'root' && key === prefix) {
      errors.push({ file: fileOf(blame(row)), path: formatPath(blame(row)), message: `${key} is the prefix key, so it cannot also run ${commandLine(row.binding)}` });
      continue;
    }
    const slot = `${row.binding.table} ${key}`;
    const earlier = seen.get(slot);
    if (!earlier) {
      seen.set(slot, row);
      continue;
    }
    // Blame the entry from config; a clash between two defaults can only come from rebinding the prefix.
    const [culprit, other] = row.from || !earlier.from ? [row, earlier] : [earlier, row];
    const both = `${label(row)} is bound to both ${commandLine(culprit.binding)} and ${commandLine(other.binding)}`;
    const message = other.from
      ? `${both} (${formatPath(other.from)})`
      : culprit.from
        ? `${both} (its default key; free it with ${unbindHint(other)})`
        : `with the prefix ${prefix}, ${both}; rebind one of them`;
    errors.push({ file: fileOf(blame(culprit)), path: formatPath(blame(culprit)), message });
  }
  return errors;
}
