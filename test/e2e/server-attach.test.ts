/**
 * The server keeps sessions while clients come and go: a detached UI attaches again to the same screen,
 * two UIs see the same session live, and panes take the size of the client that typed last.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groveSandbox, until, type GroveSandbox } from './grove.js';

describe('attach and detach', () => {
  let sandbox: GroveSandbox;
  beforeEach(() => {
    sandbox = groveSandbox();
  });
  afterEach(() => sandbox.dispose());

  it('detaches, and attaching again shows the same screen at once', async () => {
    const first = await sandbox.open({ cols: 100, rows: 30 });
    await first.waitForText('Sessions (1)');
    first.write('for i in 1 2 3; do echo "kept line $i"; done\r');
    await first.waitForText('kept line 3');
    first.press('C-b', 'd');
    await first.exited;

    const second = await sandbox.open({ cols: 100, rows: 30 });
    await second.waitForText('kept line 3');
    expect(second.screenText()).toContain('kept line 1');
    expect(second.screenText()).toContain('Sessions (1)');
  });

  it('attaching again focuses the session the user left, not the first', async () => {
    expect((await sandbox.cli(['new', '--name', 'alpha', '--', 'bash', '-c', 'echo in-alpha; sleep 60'])).code).toBe(0);
    expect((await sandbox.cli(['new', '--name', 'beta', '--', 'bash', '-c', 'echo in-beta; sleep 60'])).code).toBe(0);
    const first = await sandbox.open({ cols: 100, rows: 30 });
    await first.waitForText('│in-alpha');
    first.press('C-b', '1');
    await first.waitForText('│in-beta');
    first.press('C-b', 'd');
    await first.exited;
    const second = await sandbox.open({ cols: 100, rows: 30 });
    await second.waitForText('│in-beta');
    expect(second.row(29)).toMatch(/1:beta/);
  });

  it('attaches to a named session, and refuses one that does not exist', async () => {
    expect((await sandbox.cli(['new', '--name', 'alpha', '--', 'bash', '-c', 'echo in-alpha; sleep 60'])).code).toBe(0);
    expect((await sandbox.cli(['new', '--name', 'beta', '--', 'bash', '-c', 'echo in-beta; sleep 60'])).code).toBe(0);
    const t = await sandbox.open({ cols: 100, rows: 30, args: ['attach', 'alpha'] });
    await t.waitForText('│in-alpha');
    expect(t.row(29)).toMatch(/0:alpha/);
    const missing = await sandbox.open({ cols: 100, rows: 30, args: ['attach', 'gamma'] });
    expect((await missing.exited).exitCode).toBe(1);
    expect(missing.screenText()).toMatch(/^grove: no session gamma \(grove ls lists them\)$/m);
  });

  it('shows the same session live in two clients', async () => {
    const a = await sandbox.open({ cols: 100, rows: 30 });
    await a.waitForText('Sessions (1)');
    const b = await sandbox.open({ cols: 100, rows: 30 });
    await b.waitForText('Sessions (1)');
    a.write('echo typed-in-a\r');
    await b.waitForText(/│typed-in-a/);
    b.write('echo typed-in-b\r');
    await a.waitForText(/│typed-in-b/);
  });

  it('sizes hidden sessions for the client too, in the background, and shows each at its size', async () => {
    // Three sessions made from the command line, at the size a session gets with no client attached.
    for (const name of ['one', 'two', 'three']) {
      expect((await sandbox.cli(['new', '--name', name, '--', 'bash', '--norc'])).code).toBe(0);
    }
    const t = await sandbox.open({ cols: 100, rows: 30 });
    await t.waitForText('Sessions (3)');
    // The hidden ones get the pane's size soon after the first frame, without being shown.
    const sizeOf = async (name: string) => {
      await sandbox.cli(['send', name, 'echo "cols=$(tput cols)"', '--enter']);
      return (await sandbox.cli(['capture', name])).stdout;
    };
    for (const name of ['two', 'three']) await until(async () => /cols=69\b/.test(await sizeOf(name)), `${name} at the pane's width`);
    t.press('C-b', 'n');
    await t.waitForText(/│cols=69$/m);
  });

  it('sizes panes for the client that typed last', async () => {
    const small = await sandbox.open({ cols: 100, rows: 30 });
    await small.waitForText('Sessions (1)');
    const large = await sandbox.open({ cols: 140, rows: 30 });
    await large.waitForText('Sessions (1)');
    small.write('clear; tput cols\r');
    await small.waitForText(/│69$/m);
    large.write('clear; tput cols\r');
    await large.waitForText(/│109$/m);
  });

  it('a smaller client follows what the bigger one types, in a window around its cursor, marked with the size', async () => {
    const big = await sandbox.open({ cols: 160, rows: 45 });
    await big.waitForText('Sessions (1)');
    const small = await sandbox.open({ cols: 80, rows: 24 });
    await small.waitForText('Sessions (1)');
    // Typing in the big client gives the pane its size; the output lands below the small one's rows.
    big.write('clear; for i in $(seq 1 40); do echo line-$i; done; echo at-the-bottom\r');
    await big.waitForText(/│at-the-bottom/);
    await small.waitForText(/│at-the-bottom/);
    await small.waitForText(/ 129×44$/m);
  });
});
