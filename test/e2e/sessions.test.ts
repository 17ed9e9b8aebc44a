/**
 * Two shell sessions through the real binary and bash: each one's output lands in its own pane, and the
 * keys switch between them. The dialog's other paths are test/ui/navigation.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groveSandbox, type GroveSandbox } from './grove.js';

describe('sessions', () => {
  let sandbox: GroveSandbox;
  beforeEach(() => {
    sandbox = groveSandbox();
  });
  afterEach(() => sandbox.dispose());

  it('starts with a shell, creates a second, and keeps their output apart', async () => {
    const t = await sandbox.open({ cols: 100, rows: 30 });
    await t.waitForText('Sessions (1)');
    await t.waitForText(/│\$ ?$/m);
    t.write('echo first-$((20+1))\r');
    await t.waitForText('first-21');

    t.press('C-b', 'c');
    await t.waitForText('New session');
    t.press('Enter');
    await t.waitForText('Sessions (2)');
    await t.waitForGone('first-21');
    t.write('echo second-$((40+2))\r');
    await t.waitForText('second-42');
    expect(t.screenText()).not.toContain('first-21');
    expect(t.row(29)).toMatch(/1:bash-2/);

    t.press('C-b', 'p');
    await t.waitForText('first-21');
    expect(t.screenText()).not.toContain('second-42');
    t.press('C-b', '1');
    await t.waitForText('second-42');
    t.press('C-b', 'n');
    await t.waitForText('first-21');
  });
});
