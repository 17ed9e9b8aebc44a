// The README's key table must be what the keymap generates; `npm run build && npm run cheatsheet` fixes it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BINDINGS, DEFAULT_PREFIX } from '../../src/core/keymap/bindings.js';
import { cheatSheetMarkdown, withKeysSection } from '../../src/core/keymap/help.js';
import { Keymap } from '../../src/core/keymap/keymap.js';

describe('README key cheat-sheet', () => {
  it('matches the default keymap', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const markdown = cheatSheetMarkdown(Keymap.build({ prefix: DEFAULT_PREFIX, bindings: DEFAULT_BINDINGS }));
    const regenerated = withKeysSection(readme, markdown);
    expect(regenerated, 'README.md has no <!-- keys:start --> … <!-- keys:end --> section').toBeDefined();
    expect(readme, 'README.md key table is stale: run `npm run build && npm run cheatsheet`').toBe(regenerated);
  });
});
