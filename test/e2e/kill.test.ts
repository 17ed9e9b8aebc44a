/**
 * Killing and closing sessions: a running one is killed only after a yes; a finished one keeps its last
 * screen, says how it ended, and closes without a question.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groveSandbox, type GroveSandbox } from './grove.js';

describe('kill and exit', () => {
  let sandbox: GroveSandbox;
  beforeEach(() => {
    sandbox = groveSandbox();
  });
  afterEach(() => sandbox.dispose());

  it('asks before killing, keeps the session on no, kills on yes', async () => {
    const t = await sandbox.open({ cols: 100, rows: 30 });
    await t.waitForText('Sessions (1)');
    t.press('C-b', 'c');
    await t.waitForText('New session');
    t.press('Enter');
    await t.waitForText('Sessions (2)');

    t.press('C-b', 'x');
    await t.waitForText('kill session bash-2? (y/n)');
    t.press('n');
    await t.waitForGone('kill session');
    expect(t.screenText()).toContain('Sessions (2)');

    t.press('C-b', 'x');
    await t.waitForText('kill session bash-2? (y/n)');
    t.press('y');
    await t.waitForText('Sessions (1)');
    expect((await sandbox.cli(['ls'])).stdout.trim().split('\n')).toHaveLength(1);
  });

  it('keeps the last screen of a program that exits and says how it ended', async () => {
    const t = await sandbox.open({ cols: 100, rows: 30 });
    await t.waitForText('Sessions (1)');
    t.write('printf "last words\\n"; exit 3\r');
    await t.waitForText('exited with status 3');
    expect(t.screenText()).toContain('last words');
    expect(t.screenText()).toMatch(/exit 3/);
    t.press('C-b', 'x');
    await t.waitForText('Sessions (0)');
  });
});
