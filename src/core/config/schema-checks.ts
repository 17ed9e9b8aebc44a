/**
 * Files users write, checked against their schemas: a config file against configFileSchema, a theme
 * against themeSchema. This is the only way in to zod on the UI's side, and the UI loads it only when
 * there is such a file to read (src/io/config-files.ts): zod is the largest module grove has.
 */
import type { z } from 'zod';
import type { Theme } from '../theme/theme.js';
import { themeSchema } from '../theme/theme-schema.js';
import { ok, type Result } from './errors.js';
import { validate } from './issues.js';
import { parseJsonText } from './json-text.js';
import type { ConfigChecks, ConfigText } from './load.js';
import { configFileSchema, type ConfigFile } from './schema.js';

/** A file's JSON, checked against `schema`. */
function parseChecked<T>(source: ConfigText, schema: z.ZodType<T>): Result<T> {
  const json = parseJsonText(source.file, source.text);
  return json.ok ? validate(source.file, schema, json.value) : json;
}

/** Parses and checks one config file on its own. */
export function parseConfigText(source: ConfigText): Result<ConfigFile> {
  return parseChecked(source, configFileSchema);
}

/** Parses and checks one theme file. */
export function parseTheme(source: ConfigText): Result<Theme> {
  const checked = parseChecked(source, themeSchema);
  // The schema is built from THEME_PARTS, so zod cannot spell out the Theme type it checks.
  return checked.ok ? ok(checked.value as Theme) : checked;
}

export const schemaChecks: ConfigChecks = { configFile: parseConfigText, theme: parseTheme };
