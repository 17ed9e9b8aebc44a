/**
 * The help overlay is generated from the keymap table: every row of it is on screen, copy mode's keys in
 * a section of their own after the commands.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_BINDINGS, DEFAULT_PREFIX } from '../../src/core/keymap/bindings.js';
import { helpSections } from '../../src/core/keymap/help.js';
import { Keymap } from '../../src/core/keymap/keymap.js';
import { groveSandbox, type GroveSandbox } from './grove.js';

describe('help overlay', () => {
  let sandbox: GroveSandbox;
  beforeEach(() => {
    sandbox = groveSandbox();
  });
  afterEach(() => sandbox.dispose());

  it('lists every binding of the keymap table, copy mode\'s last, and closes with q', async () => {
    // Tall enough for every section without scrolling.
    const t = await sandbox.open({ cols: 100, rows: 64 });
    await t.waitForText('Sessions (1)');
    t.press('C-b', '?');
    // The overlay's last line: the whole frame has been drawn, not just its first chunk.
    await t.waitForText('q closes');
    const sections = helpSections(Keymap.build({ prefix: DEFAULT_PREFIX, bindings: DEFAULT_BINDINGS }));
    for (const row of sections.flatMap((section) => section.rows)) {
      expect(t.screenText(), row.keys).toContain(row.keys);
      expect(t.screenText(), row.description).toContain(row.description);
    }
    const lines = t.screenText().split('\n');
    const at = (pattern: RegExp) => lines.findIndex((line) => pattern.test(line));
    expect(at(/│ Copy mode +│/)).toBeGreaterThan(at(/C-b C-b +Send the prefix key to the pane/));
    expect(at(/h, Left +Cursor left/)).toBe(at(/│ Copy mode +│/) + 1);
    expect(t.screenText()).toMatch(/q, Escape, C-c +Leave copy mode/);
    t.write('q');
    await t.waitForGone('q closes');
  });
});
