/**
 * What the user types while grove is still starting a session is not lost: it reaches that session once
 * it runs, as a terminal keeps typeahead — the very first session, and one made with C-b c.
 */
import { afterEach, beforeEach, describe, it } from 'vitest';
import { groveSandbox, type GroveSandbox } from './grove.js';

describe('typeahead', () => {
  let sandbox: GroveSandbox;
  beforeEach(() => {
    sandbox = groveSandbox();
  });
  afterEach(() => sandbox.dispose());

  it('delivers keys typed before the first session exists to it', async () => {
    const t = await sandbox.open({ cols: 100, rows: 30 });
    // No waiting: the server and the first session are still starting.
    t.write('echo early-$((40+2))\r');
    await t.waitForText(/│early-42$/m);
  });

  it('delivers keys typed right after C-b c and Enter to the new session, in order', async () => {
    const t = await sandbox.open({ cols: 100, rows: 30 });
    await t.waitForText('Sessions (1)');
    // One write: the dialog's Enter and what follows arrive before the session can exist.
    t.write('\x02c\recho fast-$((6*7))\r');
    await t.waitForText('Sessions (2)');
    await t.waitForText(/│fast-42$/m);
  });
});
