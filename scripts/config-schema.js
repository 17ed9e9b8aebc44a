#!/usr/bin/env node
/**
 * Writes the JSON schemas for grove's config and theme files into schema/, from the zod schemas in
 * src/core/config (via the compiled dist/, so run `npm run build` first). Editors use them for completion
 * and checking; test/unit/config-schema.test.ts fails when the files are stale.
 *
 *     npm run build && node scripts/config-schema.js
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { COMMANDS } from '../dist/core/commands/registry.js';
import { configJsonSchema, schemaFileText, themeJsonSchema } from '../dist/core/config/json-schema.js';

const dir = new URL('../schema/', import.meta.url);
mkdirSync(dir, { recursive: true });
const files = {
  'config.schema.json': configJsonSchema(COMMANDS.map((command) => command.name)),
  'theme.schema.json': themeJsonSchema(),
};
for (const [name, schema] of Object.entries(files)) {
  writeFileSync(new URL(name, dir), schemaFileText(schema));
  console.log(`wrote schema/${name}`);
}
