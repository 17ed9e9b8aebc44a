/**
 * The layouts: tiled shows every session with a title row, arrows move focus between tiles, zoom
 * gives the focused pane the whole screen, and a resized terminal resizes every pane's pty.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groveSandbox, type GroveSandbox } from './grove.js';
import type { TestTerminal } from './harness.js';

async function twoSessions(sandbox: GroveSandbox): Promise<TestTerminal> {
  const t = await sandbox.open({ cols: 100, rows: 30 });
  await t.waitForText('Sessions (1)');
  t.write('echo left-pane\r');
  await t.waitForText('left-pane');
  t.press('C-b', 'c');
  await t.waitForText('New session');
  t.press('Enter');
  await t.waitForText('Sessions (2)');
  t.write('echo right-pane\r');
  await t.waitForText('right-pane');
  return t;
}

describe('layouts', () => {
  let sandbox: GroveSandbox;
  beforeEach(() => {
    sandbox = groveSandbox();
  });
  afterEach(() => sandbox.dispose());

  it('resizes every pane when the terminal is resized, and says when it is too small', async () => {
    const t = await twoSessions(sandbox);
    t.write('tput cols\r');
    await t.waitForText(/│69$/m);
    t.resize(120, 30);
    // The status bar reaches the new right edge once grove has drawn at the new size.
    await t.waitFor(() => t.row(29).length >= 118, 'a redraw at 120 columns');
    t.write('clear; tput cols\r');
    await t.waitForText(/│89$/m);
    t.press('C-b', 'p');
    t.write('clear; tput cols\r');
    await t.waitForText(/│89$/m);

    t.resize(19, 4);
    await t.waitForText('terminal too small');
    await t.waitForText('19×4, need 20×5');
    t.resize(100, 30);
    await t.waitFor(() => t.row(29).length >= 98 && t.screenText().includes('Sessions (2)'), 'a redraw at 100 columns');
  });
});
