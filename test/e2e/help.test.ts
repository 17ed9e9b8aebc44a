/**
 * The help overlay is generated from the keymap table: every row of it is on screen.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_BINDINGS, DEFAULT_PREFIX } from '../../src/core/keymap/bindings.js';
import { helpRows } from '../../src/core/keymap/help.js';
import { Keymap } from '../../src/core/keymap/keymap.js';
import { groveSandbox, type GroveSandbox } from './grove.js';

describe('help overlay', () => {
  let sandbox: GroveSandbox;
  beforeEach(() => {
    sandbox = groveSandbox();
  });
  afterEach(() => sandbox.dispose());

  it('lists every binding of the keymap table, and closes with q', async () => {
    const t = await sandbox.open({ cols: 100, rows: 40 });
    await t.waitForText('Sessions (1)');
    t.press('C-b', '?');
    // The overlay's last line: the whole frame has been drawn, not just its first chunk.
    await t.waitForText('q closes');
    const rows = helpRows(Keymap.build({ prefix: DEFAULT_PREFIX, bindings: DEFAULT_BINDINGS }));
    for (const row of rows) {
      expect(t.screenText(), row.keys).toContain(row.keys);
      expect(t.screenText(), row.description).toContain(row.description);
    }
    t.write('q');
    await t.waitForGone('q closes');
  });
});
