/**
 * Killing and closing sessions: a running one is killed only after a yes; a finished one keeps its last
 * screen, says how it ended, and closes without a question.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { groveSandbox, isAlive, until, type GroveSandbox } from './grove.js';

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

  it('ends the whole process tree: helpers in a session of their own, and ones that ignore SIGTERM', async () => {
    const pids = join(sandbox.dir, 'pids');
    // A daemon that left with setsid, and a job that ignores SIGTERM, as agents' helpers do.
    const script = `setsid sleep 1000 & echo $! >> ${pids}; (trap '' TERM; exec sleep 1001) & echo $! >> ${pids}; echo started; wait`;
    expect((await sandbox.cli(['new', '--name', 'agent', '--', 'bash', '-c', script])).code).toBe(0);
    await until(async () => (await sandbox.cli(['capture', 'agent'])).stdout.includes('started'), 'the helpers');
    const helpers = readFileSync(pids, 'utf8').trim().split('\n').map(Number);
    expect(helpers).toHaveLength(2);
    expect(helpers.every(isAlive)).toBe(true);
    expect((await sandbox.cli(['kill', 'agent'])).code).toBe(0);
    await until(() => !helpers.some(isAlive), 'every helper to end', 5000);
  });
});
