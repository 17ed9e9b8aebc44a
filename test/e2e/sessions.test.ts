/**
 * Two shell sessions side by side: each one's output lands in its own pane, and the keys switch
 * between them.
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

  it('names a session and runs the command typed in the dialog', async () => {
    const t = await sandbox.open({ cols: 100, rows: 30 });
    await t.waitForText('Sessions (1)');
    t.press('C-b', 'c');
    await t.waitForText('New session');
    t.write('notes');
    t.press('Tab');
    t.write("bash -c 'echo typed-command-ran; sleep 30'");
    t.press('Enter');
    await t.waitForGone('New session');
    await t.waitForText(/│typed-command-ran/);
    expect(t.screenText()).toMatch(/1 . notes/);
  });

  it('keeps the dialog open with the reason when the name is taken, and loses nothing', async () => {
    const t = await sandbox.open({ cols: 100, rows: 30 });
    await t.waitForText('Sessions (1)');
    t.press('C-b', 'c');
    await t.waitForText('New session');
    t.write('bash');
    t.press('Enter');
    await t.waitForText("a session named 'bash' already exists");
    t.press('BSpace', 'BSpace', 'BSpace', 'BSpace');
    t.write('other');
    t.press('Enter');
    await t.waitForText('Sessions (2)');
    expect(t.screenText()).toMatch(/1 . other/);
  });

  it('shows a command that does not exist as an error in its pane, and stays up', async () => {
    const t = await sandbox.open({ cols: 100, rows: 30 });
    await t.waitForText('Sessions (1)');
    t.press('C-b', 'c');
    await t.waitForText('New session');
    t.press('Tab');
    t.write('no-such-program-xyz --flag');
    t.press('Enter');
    await t.waitForText('grove: command not found: no-such-program-xyz');
    await t.waitForText(/exited with status 127|command not found.*x closes/);
    t.press('C-b', 'x');
    await t.waitForText('Sessions (1)');
  });
});
