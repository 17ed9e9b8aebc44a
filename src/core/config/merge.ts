/**
 * Laying config files over each other: a later file's setting replaces an earlier one's, objects merge
 * key by key all the way down, and anything else (a list, a string, null) replaces whole.
 *
 * Along the way every setting's formatted path is recorded with the file that set it last, so errors
 * found in the merged result (an unknown theme, a key conflict) can name the right file.
 */
import { formatPath, type PathSegment } from './errors.js';

export interface ParsedFile<T> {
  readonly file: string;
  readonly data: T;
}

export interface Merged<T> {
  readonly data: T;
  readonly origins: ReadonlyMap<string, string>;
}

type Json = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function mergeInto(target: Json, source: Json, file: string, path: PathSegment[], origins: Map<string, string>): void {
  for (const [key, value] of Object.entries(source)) {
    if (value === undefined || key === '$schema') continue;
    const here = [...path, key];
    origins.set(formatPath(here), file);
    const existing = target[key];
    if (isPlainObject(value)) {
      const base: Json = isPlainObject(existing) ? { ...existing } : {};
      mergeInto(base, value, file, here, origins);
      target[key] = base;
    } else {
      target[key] = value;
    }
  }
}

/** Merges files in order (later wins); all must already be valid against the same schema. */
export function mergeFiles<T extends object>(files: readonly ParsedFile<T>[]): Merged<T> {
  const data: Json = {};
  const origins = new Map<string, string>();
  for (const { file, data: fileData } of files) mergeInto(data, fileData as Json, file, [], origins);
  return { data: data as T, origins };
}

/** The file that set `path` or, failing that, the nearest enclosing setting. */
export function originOf(origins: ReadonlyMap<string, string>, path: readonly PathSegment[]): string | undefined {
  for (let length = path.length; length > 0; length--) {
    const file = origins.get(formatPath(path.slice(0, length)));
    if (file !== undefined) return file;
  }
  return undefined;
}
