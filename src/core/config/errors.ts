/**
 * How configuration problems are reported: one line per problem, naming the file, the setting and what
 * was expected — `config.json: keys.prefix: expected a key like "C-a"`.
 *
 * Every step that reads configuration returns a Result rather than throwing, and collects every problem
 * it can find before giving up, so a user fixes a file in one pass instead of one error per start. A
 * Result is either a whole value or errors, never both: grove never starts on a half-applied config.
 */

export interface ConfigError {
  /** How the file is shown to the user, e.g. `~/.config/grove/config.json`. */
  readonly file: string;
  /** The setting, as formatPath writes it; '' for the file as a whole. */
  readonly path: string;
  readonly message: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly ConfigError[] };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function failed<T>(errors: readonly ConfigError[]): Result<T> {
  return { ok: false, errors };
}

export function formatConfigError(error: ConfigError): string {
  return error.path ? `${error.file}: ${error.path}: ${error.message}` : `${error.file}: ${error.message}`;
}

export type PathSegment = string | number;

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/u;

/**
 * A path into a JSON document as people read it: `agents.claude.args[2]`. Keys that are not plain words
 * are quoted, so `keys["select-session 1"]` still says exactly which entry is meant.
 */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
