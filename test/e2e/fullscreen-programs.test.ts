/**
 * Full-screen programs draw in a pane as they would in a terminal of the pane's size: less and vim on a
 * file, with the program's own status lines where they belong.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groveSandbox, type GroveSandbox } from './grove.js';

describe('full-screen programs in a pane', () => {
  let sandbox: GroveSandbox;
  beforeEach(() => {
    sandbox = groveSandbox();
    const lines = Array.from({ length: 200 }, (_, i) => `line ${String(i + 1).padStart(3, '0')} of the file`);
    writeFileSync(join(sandbox.project, 'notes.txt'), lines.join('\n') + '\n');
  });
  afterEach(() => sandbox.dispose());

  it('draws less, pages it, and gives the screen back when it quits', async () => {
    const t = await sandbox.open({ cols: 100, rows: 30 });
    await t.waitForText('Sessions (1)');
    t.write('less notes.txt\r');
    await t.waitForText('line 001 of the file');
    // The pane is 29 rows high: less shows 28 lines and its prompt on the last one.
    await t.waitForText('line 028 of the file');
    expect(t.screenText()).not.toContain('line 029 of the file');
    t.press('Space');
    await t.waitForText('line 056 of the file');
    t.write('q');
    await t.waitForGone('line 056 of the file');
  });

  it('draws vim with its status line at the bottom of the pane', async () => {
    const t = await sandbox.open({ cols: 100, rows: 30 });
    await t.waitForText('Sessions (1)');
    t.write('vim -u NONE -N notes.txt\r');
    await t.waitForText('line 001 of the file');
    await t.waitForText(/"notes\.txt" 200L/);
    const rows = t.screenText().split('\n');
    expect(rows[28]).toMatch(/│"notes\.txt" 200L/);
    expect(rows[0]).toMatch(/│line 001 of the file/);
    t.write('G');
    await t.waitForText('line 200 of the file');
    t.write(':q!\r');
    await t.waitForGone('line 200 of the file');
  });
});
