/**
 * Copy mode in the real UI: searching a shell's scrollback, copying a line and pasting it back; the
 * scrollback and the copy-mode keys the config asks for. Moving, searching and the frozen view are
 * test/ui/copy-mode.test.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groveSandbox, type GroveSandbox } from './grove.js';
import type { TestTerminal } from './harness.js';

const STATUS_ROW = 29;

async function shellReady(sandbox: GroveSandbox): Promise<TestTerminal> {
  const t = await sandbox.open({ cols: 100, rows: 30 });
  await t.waitForText('Sessions (1)');
  await t.waitForText(/│\$ ?$/m);
  return t;
}

describe('copy mode', () => {
  let sandbox: GroveSandbox;
  beforeEach(() => {
    sandbox = groveSandbox();
  });
  afterEach(() => sandbox.dispose());

  it('searches 500 lines of scrollback, copies one, and prefix ] pastes it into the shell', async () => {
    const t = await shellReady(sandbox);
    t.write("seq -f 'number %g' 500\r");
    await t.waitForText(/│number 500$/m);

    t.press('C-b', '[');
    await t.waitFor(() => /copy mode │ line \d+ of \d+/.test(t.row(STATUS_ROW)), 'the copy mode status');
    expect(t.screenText()).not.toContain('number 137');

    t.write('?number 137');
    await t.waitForText(/^\?number 137$/m);
    t.press('Enter');
    await t.waitForText(/│number 137$/m);
    expect(t.row(STATUS_ROW)).toMatch(/copy mode │ line 13\d of \d+ │ \?number 137/);

    t.press('V', 'y');
    await t.waitForText('copied 10 characters');
    expect(t.screenText()).toMatch(/│number 500$/m);

    t.write('echo pasted:');
    t.press('C-b', ']');
    t.press('Enter');
    await t.waitForText(/│pasted:number 137$/m);
  });

  it('keeps the scrollback the config asks for, across a detach', async () => {
    const configDir = join(sandbox.env.XDG_CONFIG_HOME!, 'grove');
    mkdirSync(configDir, { recursive: true });
    writeFileSync(join(configDir, 'config.json'), JSON.stringify({ scrollback: 50 }));
    const first = await shellReady(sandbox);
    first.write("seq -f 'kept %g' 300\r");
    await first.waitForText(/│kept 300$/m);
    first.press('C-b', 'd');
    await first.exited;

    const t = await sandbox.open({ cols: 100, rows: 30 });
    await t.waitForText(/│kept 300$/m);
    t.press('C-b', '[', 'g');
    // 50 lines of scrollback above the pane's 29 rows; the prompt is the last of them.
    await t.waitFor(() => /copy mode │ line 1 of 79$/.test(t.row(STATUS_ROW)), 'the top of the scrollback');
    expect(t.row(0)).toMatch(/│kept 223$/);
  });

  it('does what the config binds copy-mode keys to, and nothing for the keys it took away', async () => {
    const configDir = join(sandbox.env.XDG_CONFIG_HOME!, 'grove');
    mkdirSync(configDir, { recursive: true });
    writeFileSync(join(configDir, 'config.json'), JSON.stringify({ keys: { 'copy-mode-vi': { cancel: 'x', 'cursor-up': 'u' } } }));
    const t = await shellReady(sandbox);
    t.write("seq -f 'row %g' 100\r");
    await t.waitForText(/│row 100$/m);
    t.press('C-b', '[');
    await t.waitFor(() => /copy mode │ line \d+ of \d+/.test(t.row(STATUS_ROW)), 'the copy mode status');
    const start = Number(/line (\d+) of/.exec(t.row(STATUS_ROW))![1]);

    // Keys are handled in order: once u has moved the cursor, k and q have been and done nothing.
    t.press('k', 'q', 'u');
    await t.waitForText(new RegExp(`copy mode │ line ${start - 1} of`));
    t.press('u');
    await t.waitForText(new RegExp(`copy mode │ line ${start - 2} of`));
    t.press('x');
    await t.waitFor(() => !t.row(STATUS_ROW).includes('copy mode'), 'copy mode to end');

    // Nothing typed in copy mode reached the shell: this command line starts empty.
    t.write('echo left-$((2+3))\r');
    await t.waitForText(/│left-5$/m);
  });
});
