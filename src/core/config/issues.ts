/**
 * zod's findings in the words of a config file's reader: `scrollback: expected a whole number, got 1.5`,
 * `thme: unknown key (did you mean "theme"?)`.
 *
 * Messages are written by an error map passed to each parse, so schemas only spell out their own
 * message where the generic one would be vague (a key spec, a colour). Unknown keys are reported one by
 * one with the nearest known key, which is found by walking the schema down to the object in question.
 */
import type { z } from 'zod';
import { failed, formatPath, ok, type ConfigError, type PathSegment, type Result } from './errors.js';
import { didYouMean } from './suggest.js';

type Issue = z.core.$ZodRawIssue;

const TYPE_NAMES: Record<string, string> = {
  int: 'a whole number',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  record: 'an object',
  null: 'null',
};

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

function bound(issue: { origin?: string; inclusive?: boolean }, limit: unknown, direction: 'at most' | 'at least'): string {
  const exclusive = issue.inclusive === false;
  switch (issue.origin) {
    case 'string':
      return Number(limit) === 1 && direction === 'at least' ? 'must not be empty' : `expected ${direction} ${limit} characters`;
    case 'array':
      return `expected ${direction} ${limit} entries`;
    default:
      return exclusive ? `expected a number ${direction === 'at most' ? 'below' : 'above'} ${limit}` : `expected ${direction} ${limit}`;
  }
}

/** The per-parse error map: friendly messages for the generic checks. */
function friendlyMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'missing';
      return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, got ${describeValue(issue.input)}`;
    case 'too_big':
      return bound(issue, issue.maximum, 'at most');
    case 'too_small':
      return bound(issue, issue.minimum, 'at least');
    case 'invalid_value': {
      const values = issue.values.map((value) => JSON.stringify(value));
      const hint = typeof issue.input === 'string' ? didYouMean(issue.input, issue.values.map(String)) : '';
      return `expected ${values.length === 1 ? values[0] : `one of ${values.join(', ')}`}${hint}`;
    }
    case 'invalid_union':
      return 'not one of the accepted forms';
    default:
      return undefined;
  }
}

interface SchemaDef {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly catchall?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly valueType?: z.ZodType;
  readonly element?: z.ZodType;
  readonly in?: z.ZodType;
}

const defOf = (schema: z.ZodType): SchemaDef => (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch']);

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let def = defOf(current); ; def = defOf(current)) {
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

/** The keys an object schema knows at `path`, for suggestions. */
function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    const def = defOf(current);
    if (def.type === 'object') current = def.shape?.[String(segment)] ?? def.catchall;
    else if (def.type === 'record') current = def.valueType;
    else if (def.type === 'array') current = def.element;
    else current = undefined;
    if (!current) return [];
    current = unwrap(current);
  }
  const def = defOf(current);
  return def.type === 'object' && def.shape ? Object.keys(def.shape).filter((key) => !key.startsWith('$')) : [];
}

const segments = (path: readonly PropertyKey[]): PathSegment[] =>
  path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));

/** One ConfigError per problem zod found in `file`. */
function issuesToErrors(file: string, schema: z.ZodType, issues: readonly z.core.$ZodIssue[]): ConfigError[] {
  const errors: ConfigError[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(schema, issue.path);
      for (const key of issue.keys) {
        errors.push({ file, path: formatPath([...segments(issue.path), key]), message: `unknown key${didYouMean(key, known)}` });
      }
    } else if (issue.code === 'invalid_key') {
      const key = issue.path[issue.path.length - 1];
      const reason = issue.issues[0]?.message ?? issue.message;
      errors.push({ file, path: formatPath(segments(issue.path)), message: `${JSON.stringify(key)} is not a valid name: ${reason}` });
    } else {
      errors.push({ file, path: formatPath(segments(issue.path)), message: issue.message });
    }
  }
  return errors;
}

/** Validates parsed JSON against a schema, with the messages above. */
export function validate<T>(file: string, schema: z.ZodType<T>, data: unknown): Result<T> {
  const parsed = schema.safeParse(data, { error: friendlyMessage });
  return parsed.success ? ok(parsed.data) : failed(issuesToErrors(file, schema, parsed.error.issues));
}
