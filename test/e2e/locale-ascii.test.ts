/**
 * A terminal whose locale is not UTF-8 (LANG=C) gets ASCII only, as tmux gives it: grove's lines and
 * marks turn into their ASCII stand-ins, and a program's UTF-8 output into "_".
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groveSandbox, type GroveSandbox } from './grove.js';

describe('LANG=C', () => {
  let sandbox: GroveSandbox;
  beforeEach(() => {
    sandbox = groveSandbox();
  });
  afterEach(() => sandbox.dispose());

  it('draws the screen in ASCII', async () => {
    const t = await sandbox.open({ cols: 100, rows: 30, env: { LANG: 'C' } });
    await t.waitForText('Sessions (1)');
    t.write("printf 'caf\\303\\251 ok\\n'\r");
    await t.waitForText(/\|caf_ ok$/m);
    // The divider is '|', the status mark ASCII, and nothing on screen is outside ASCII.
    expect(t.screenText()).toMatch(/^ Sessions \(1\) +\|/m);
    expect(t.screenText()).toMatch(/^0 [*o.!] bash/m);
    expect(t.screenText()).toMatch(/^[\x20-\x7e\n]*$/u);
  });
});
