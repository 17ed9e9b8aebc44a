/**
 * What the user types while grove is still starting its server and first session is not lost: it reaches
 * that session once it runs, as a terminal keeps typeahead. After C-b c: test/ui/sessions.test.ts.
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
});
