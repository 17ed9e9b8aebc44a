#!/usr/bin/env node
// Rewrites the key table in README.md (between <!-- keys:start --> and <!-- keys:end -->) from grove's
// default keymap, the same table the app reads, so the README cannot describe keys grove does not have.
// It reads the compiled keymap in dist/, so run `npm run build` first.
//
//   node scripts/cheatsheet.js           rewrite README.md
//   node scripts/cheatsheet.js --check   exit 1 if README.md is out of date (for CI)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const readmePath = fileURLToPath(new URL('../README.md', import.meta.url));

function fail(message) {
  process.stderr.write(`cheatsheet: ${message}\n`);
  process.exit(1);
}

async function loadKeymap() {
  try {
    const { DEFAULT_BINDINGS, DEFAULT_PREFIX } = await import('../dist/core/keymap/bindings.js');
    const { Keymap } = await import('../dist/core/keymap/keymap.js');
    const help = await import('../dist/core/keymap/help.js');
    return { keymap: Keymap.build({ prefix: DEFAULT_PREFIX, bindings: DEFAULT_BINDINGS }), help };
  } catch (error) {
    if (error && error.code === 'ERR_MODULE_NOT_FOUND') fail('dist/ is missing or stale; run `npm run build` first');
    throw error;
  }
}

const check = process.argv.includes('--check');
const { keymap, help } = await loadKeymap();
const readme = readFileSync(readmePath, 'utf8');
const updated = help.withKeysSection(readme, help.cheatSheetMarkdown(keymap));
if (updated === undefined) fail(`README.md has no ${help.KEYS_SECTION_START} … ${help.KEYS_SECTION_END} section`);

if (check) {
  if (updated !== readme) fail('README.md key table is out of date; run `npm run build && npm run cheatsheet`');
} else if (updated !== readme) {
  writeFileSync(readmePath, updated);
  process.stdout.write('cheatsheet: README.md key table updated\n');
}
