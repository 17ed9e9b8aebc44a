/**
 * Leaving grove always gives the user's terminal back as it was — main screen, cursor visible — and
 * leaves the sessions running in the server, whether by detach or by a hang-up.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GROVE_BIN, groveSandbox, type GroveSandbox } from './grove.js';
import { startTerminal } from './harness.js';

describe('leaving', () => {
  let sandbox: GroveSandbox;
  beforeEach(() => {
    sandbox = groveSandbox();
  });
  afterEach(() => sandbox.dispose());

  it('detaches with C-b d, restoring the terminal, and the session keeps running', async () => {
    const t = await sandbox.open({ cols: 100, rows: 30 });
    await t.waitForText('Sessions (1)');
    expect(t.isAltScreen()).toBe(true);
    t.write('echo still-here\r');
    await t.waitForText('still-here');
    t.press('C-b', 'd');
    const exit = await t.exited;
    expect(exit.exitCode).toBe(0);
    expect(t.isAltScreen()).toBe(false);
    expect(t.isCursorVisible()).toBe(true);
    expect(t.screenText()).toMatch(/^\[detached \(from session bash\)\]$/m);
    const ls = await sandbox.cli(['ls']);
    expect(ls.stdout).toMatch(/^0\tbash\t(idle|working)/);
  });

  it('says [server exited] and exits 0 when the server is stopped on purpose', async () => {
    const t = await sandbox.open({ cols: 100, rows: 30 });
    await t.waitForText('Sessions (1)');
    expect((await sandbox.cli(['server', 'stop'])).code).toBe(0);
    expect((await t.exited).exitCode).toBe(0);
    expect(t.screenText()).toMatch(/^\[server exited\]$/m);
  });

  it('restores the terminal on SIGTERM and on a hang-up, with sessions left running', async () => {
    for (const signal of ['SIGTERM', 'SIGHUP']) {
      const t = await sandbox.open({ cols: 100, rows: 30 });
      await t.waitForText('Sessions (1)');
      t.kill(signal);
      await t.exited;
      expect(t.isAltScreen(), signal).toBe(false);
      expect(t.isCursorVisible(), signal).toBe(true);
    }
    expect((await sandbox.cli(['ls'])).stdout.trim().split('\n')).toHaveLength(1);
  });

  it('refuses to start without a usable TERM, with one line', async () => {
    // node-pty always sets TERM in the child, so `env -u` takes it away for the unset case.
    for (const term of ['dumb', undefined]) {
      const env = { ...sandbox.env, TERM: term ?? 'xterm-256color' };
      const argv = term === undefined ? ['-u', 'TERM', process.execPath, GROVE_BIN] : ['TERM=dumb', process.execPath, GROVE_BIN];
      const t = await startTerminal({ cols: 80, rows: 24, cwd: sandbox.project, env, command: 'env', args: argv });
      const exit = await t.exited;
      expect(exit.exitCode).toBe(2);
      expect(t.screenText()).toMatch(/^grove: TERM (is 'dumb'|is not set)/m);
      await t.dispose();
    }
  });
});
