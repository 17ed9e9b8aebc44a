/**
 * Output arriving in a pane redraws only that pane, and never over what covers it: an overlay open on top
 * of a busy pane stays whole, and the pane comes back whole when the overlay closes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groveSandbox, type GroveSandbox } from './grove.js';
import type { TestTerminal } from './harness.js';

/** A program that prints a new numbered line ten times a second, for as long as it runs. */
const TICKER = 'i=0; while :; do i=$((i+1)); echo "tick $i"; sleep 0.1; done';

/** The text inside the overlay's frame (its top-left ┌ to its bottom-right ┘), row by row. */
function overlayBox(t: TestTerminal): string[] {
  const lines = t.screenText().split('\n');
  const top = lines.findIndex((line) => line.includes('┌'));
  const bottom = lines.findIndex((line, y) => y > top && line.includes('└'));
  const left = lines[top]!.indexOf('┌');
  const right = lines[top]!.indexOf('┐');
  expect(top >= 0 && bottom > top && right > left, t.snapshot()).toBe(true);
  return lines.slice(top, bottom + 1).map((line) => line.padEnd(right + 1).slice(left, right + 1));
}

describe('pane output', () => {
  let sandbox: GroveSandbox;
  beforeEach(() => {
    sandbox = groveSandbox();
  });
  afterEach(() => sandbox.dispose());

  it('keeps an overlay whole while the pane under it prints, and shows the pane again when it closes', async () => {
    expect((await sandbox.cli(['new', '--name', 'ticker', '--', 'bash', '-c', TICKER])).code).toBe(0);
    const t = await sandbox.open({ cols: 100, rows: 40 });
    await t.waitForText(/tick 3\b/);
    t.press('C-b', '?');
    await t.waitForText('q closes');
    const box = overlayBox(t);
    const lastTick = async () => Number([...(await sandbox.cli(['capture', 'ticker'])).stdout.matchAll(/tick (\d+)/g)].pop()?.[1] ?? 0);
    const before = await lastTick();
    // Lines keep arriving in the pane under the overlay; each is drawn, and none may land on the overlay.
    while ((await lastTick()) < before + 5);
    expect(overlayBox(t)).toEqual(box);
    t.write('q');
    await t.waitForGone('q closes');
    // The pane is whole again, and still follows its program.
    const latest = await lastTick();
    await t.waitForText(new RegExp(`tick ${latest + 2}\\b`));
    expect(t.screenText()).not.toMatch(/[┌└]/);
  });
});
