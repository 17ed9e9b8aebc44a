/**
 * 24-bit colour from a program in a pane to the user's terminal: on a terminal that says it shows true
 * colour (COLORTERM=truecolor) the cell arrives with the exact RGB value; without that it arrives as a
 * palette colour. The harness's headless xterm plays the user's terminal.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IBufferCell } from '@xterm/headless';
import { groveSandbox, type GroveSandbox } from './grove.js';
import type { TestTerminal } from './harness.js';
import { nearest256 } from '../../src/core/screen/color.js';
import { rgb } from '../../src/core/screen/frame.js';

/** The cell showing the X the pane printed alone on its line, just right of the pane's border. */
function printedX(t: TestTerminal): IBufferCell {
  const buffer = t.term.buffer.active;
  for (let y = 0; y < t.term.rows; y++) {
    const text = t.row(y);
    if (/│X$/u.test(text)) return buffer.getLine(buffer.viewportY + y)!.getCell(text.length - 1)!;
  }
  throw new Error(`no X on screen:\n${t.snapshot()}`);
}

describe('24-bit colour in a pane', () => {
  let sandbox: GroveSandbox;
  beforeEach(() => {
    sandbox = groveSandbox();
  });
  afterEach(() => sandbox.dispose());

  // \130 is X, so the echoed command line does not match /│X$/.
  const print = "printf '\\033[38;2;255;100;0m\\130\\033[m\\n'\r";

  it('reaches a true-colour terminal as the same RGB value', async () => {
    sandbox.env.COLORTERM = 'truecolor';
    const t = await sandbox.open({ cols: 100, rows: 24 });
    await t.waitForText(/│\$ ?$/m);
    t.write(print);
    await t.waitForText(/│X$/m);
    const cell = printedX(t);
    expect([cell.getChars(), cell.isFgRGB(), cell.getFgColor()]).toEqual(['X', true, (255 << 16) | (100 << 8) | 0]);
  });

  it('reaches a 256-colour terminal as a palette colour', async () => {
    delete sandbox.env.COLORTERM;
    const t = await sandbox.open({ cols: 100, rows: 24 });
    await t.waitForText(/│\$ ?$/m);
    t.write(print);
    await t.waitForText(/│X$/m);
    const cell = printedX(t);
    expect([cell.getChars(), cell.isFgRGB(), cell.isFgPalette(), cell.getFgColor()]).toEqual(['X', false, true, nearest256(rgb(255, 100, 0))]);
  });
});
