/**
 * The JSON schemas shipped for editors (schema/config.schema.json, schema/theme.schema.json), generated
 * from the zod schemas by zod's own z.toJSONSchema, so they cannot drift from what grove accepts.
 * scripts/config-schema.js writes them; a test fails when the files are stale.
 *
 * The zod schema cannot list command names (commands come and go in the registry), so the generator is
 * given them and adds them as the allowed names under `keys`, which is what lets an editor complete them.
 * Copy actions are a fixed list in core, so the names under `keys["copy-mode-vi"]` come from it directly.
 */
import { z } from 'zod';
import { COPY_ACTIONS } from '../copy-mode/copy-keys.js';
import { themeSchema } from '../theme/theme-schema.js';
import { configFileSchema } from './schema.js';

type JsonObject = Record<string, unknown>;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

export function configJsonSchema(commandNames: readonly string[]): JsonObject {
  const schema = z.toJSONSchema(configFileSchema, { io: 'input' }) as JsonObject;
  const keys = (schema['properties'] as Record<string, JsonObject>)['keys']!;
  const commands = [...commandNames].sort().map(escapeRegExp).join('|');
  const commandLine = `(${commands})( [^ ]+)*`;
  keys['propertyNames'] = { pattern: `^(prefix|root|copy-mode-vi|${commandLine})$` };
  const tables = keys['properties'] as Record<string, JsonObject>;
  tables['root']!['propertyNames'] = { pattern: `^${commandLine}$` };
  tables['copy-mode-vi']!['propertyNames'] = { pattern: `^(${COPY_ACTIONS.map(escapeRegExp).join('|')})$` };
  return withTitle('grove configuration', schema);
}

export function themeJsonSchema(): JsonObject {
  return withTitle('grove theme', z.toJSONSchema(themeSchema, { io: 'input' }) as JsonObject);
}

function withTitle(title: string, { $schema, ...rest }: JsonObject): JsonObject {
  return { $schema, title, ...rest };
}

/** The text of a schema file, as written to disk. */
export function schemaFileText(schema: JsonObject): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
