/**
 * Every key command from a shell: `grove NAME [SESSION] [ARGS]` has the attached UI run it as the key
 * would, through the real binary, a real server and a real UI in a pty; `grove keys` prints the keys.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groveSandbox, type GroveSandbox } from './grove.js';

describe('key commands from the command line', () => {
  let sandbox: GroveSandbox;
  beforeEach(() => {
    sandbox = groveSandbox();
  });
  afterEach(() => sandbox.dispose());

  it('says plainly when no UI is attached to run one', async () => {
    expect((await sandbox.cli(['new', '--name', 'api', '--', 'sleep', '60'])).code).toBe(0);
    const result = await sandbox.cli(['next-layout']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('grove: next-layout runs in the grove UI, and none is attached: `grove` starts one\n');
  });

  it('runs in the attached UI: a layout, a zoom of a named session, a focus by index, and refusals', async () => {
    expect((await sandbox.cli(['new', '--name', 'api', '--', 'bash', '-c', 'echo in-api; sleep 60'])).code).toBe(0);
    const t = await sandbox.open({ cols: 100, rows: 30 });
    await t.waitForText('Sessions (1)');
    t.press('C-b', 'c');
    await t.waitForText('New session');
    t.press('Enter');
    await t.waitForText('Sessions (2)');

    expect(await sandbox.cli(['next-layout'])).toMatchObject({ code: 0, stderr: '' });
    await t.waitForText(/0 api · .*1 bash · /);

    // Named by the index `grove ls` gives it here: the UI focuses it and gives it the whole screen.
    expect((await sandbox.cli(['zoom', '0'])).code).toBe(0);
    await t.waitForGone(/1 bash · /);
    expect(t.screenText()).toContain('in-api');

    expect((await sandbox.cli(['zoom'])).code).toBe(0);
    await t.waitForText(/1 bash · /);

    expect(await sandbox.cli(['select-pane', 'sideways'])).toMatchObject({ code: 1, stderr: 'grove: select-pane: needs a direction: left, right, up or down\n' });
    expect(await sandbox.cli(['open-worktree', 'api'])).toMatchObject({ code: 1, stderr: 'grove: open-worktree: api works in the checkout, not a worktree\n' });
    expect(await sandbox.cli(['select-session'])).toMatchObject({ code: 2 });
    expect(await sandbox.cli(['zoom', 'nosuch'])).toMatchObject({ code: 1 });

    // A question the user is answering is not interrupted.
    t.press('C-b', 'x');
    await t.waitForText('(y/n)');
    expect(await sandbox.cli(['next-layout'])).toMatchObject({ code: 1, stderr: 'grove: the UI is waiting for an answer in a dialog\n' });
    t.write('n');
    await t.waitForGone('(y/n)');
  });

  it('lists the keys with the config applied, as the help screen does', async () => {
    const result = await sandbox.cli(['keys']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^C-b c +New session$/mu);
    expect(result.stdout).toContain('Copy mode');
    expect((await sandbox.cli(['help'])).stdout).toMatch(/^usage: grove /u);
  });
});
