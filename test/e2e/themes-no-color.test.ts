/**
 * NO_COLOR (https://no-color.org): whatever the theme, and whatever colours the programs in the panes
 * ask for, grove's output to the terminal carries no colour at all; focus is still shown, in reverse video.
 *
 * Every SGR sequence the client writes is recorded as the harness's terminal parses it, from the first
 * byte on, so nothing drawn between two looks at the screen escapes the check.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groveSandbox, type GroveSandbox } from './grove.js';

/** SGR parameters that set a colour: 30–39 and 40–49 (including 38/48 extended), 90–97 and 100–107. */
const isColorParam = (param: number): boolean => (param >= 30 && param <= 49) || (param >= 90 && param <= 97) || (param >= 100 && param <= 107);

describe('NO_COLOR', () => {
  let sandbox: GroveSandbox;
  beforeEach(() => {
    sandbox = groveSandbox();
    mkdirSync(join(sandbox.env.XDG_CONFIG_HOME!, 'grove'), { recursive: true });
    writeFileSync(join(sandbox.env.XDG_CONFIG_HOME!, 'grove', 'config.json'), JSON.stringify({ theme: 'solarized-dark' }));
  });
  afterEach(() => sandbox.dispose());

  it('gives no colour escapes at all, even for a colourful theme and a pane printing colours', async () => {
    sandbox.env.NO_COLOR = '1';
    sandbox.env.COLORTERM = 'truecolor';
    const t = await sandbox.open({ cols: 100, rows: 24 });
    // Registered before any output can have been parsed: the pty's data arrives in a later turn.
    const sgr: string[] = [];
    t.term.parser.registerCsiHandler({ final: 'm' }, (params) => {
      sgr.push(params.map((param) => (Array.isArray(param) ? param.join(':') : String(param))).join(';'));
      return false;
    });

    await t.waitForText('Sessions (1)');
    await t.waitForText(/│\$ ?$/m);
    t.write("printf '\\033[31;42mred\\033[38;5;208m orange\\033[38;2;1;2;3m rgb\\033[m\\n'\r");
    await t.waitForText(/│red orange rgb$/m);
    t.press('C-b', 'c');
    await t.waitForText('New session');
    t.press('Escape');
    await t.waitForGone('New session');
    t.press('C-b', '?');
    await t.waitForText('q closes');
    t.write('q');
    await t.waitForGone('q closes');

    expect(sgr.length).toBeGreaterThan(0);
    const colored = sgr.filter((params) => params.split(/[;:]/u).some((param) => isColorParam(Number(param))));
    expect(colored).toEqual([]);

    const focused = t.term.buffer.active.getLine(t.term.buffer.active.viewportY + 1)!.getCell(0)!;
    expect([focused.getChars(), focused.isInverse() !== 0]).toEqual(['0', true]);
  });
});
