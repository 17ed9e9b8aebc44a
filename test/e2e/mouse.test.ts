/**
 * The mouse in the real UI, as SGR reports written to grove the way a terminal sends them: clicks
 * select sessions and focus panes, the wheel scrolls into copy mode and out again, a drag copies, and a
 * program that asked for mouse reports gets them at its own coordinates.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeLayout, type LayoutMode } from '../../src/core/layout/layout.js';
import { groveSandbox, type GroveSandbox } from './grove.js';
import type { TestTerminal } from './harness.js';

const COLS = 100;
const ROWS = 30;
const STATUS_ROW = ROWS - 1;

/** A press and release of the left button at a screen cell (0-based), in SGR form. */
function click(t: TestTerminal, x: number, y: number): void {
  t.write(`\x1b[<0;${x + 1};${y + 1}M\x1b[<0;${x + 1};${y + 1}m`);
}

/** Where the layout puts each pane, with the UI's own sidebar width. */
function paneRects(mode: LayoutMode, ids: string[], focusedId: string) {
  const layout = computeLayout({ cols: COLS, rows: ROWS, mode, zoomed: false, sessionIds: ids, focusedId, sidebarWidth: 30 });
  if (layout.kind !== 'ok') throw new Error('layout too small');
  return new Map(layout.panes.map((pane) => [pane.id, pane.rect]));
}

async function twoShells(sandbox: GroveSandbox): Promise<TestTerminal> {
  const t = await sandbox.open({ cols: COLS, rows: ROWS });
  await t.waitForText('Sessions (1)');
  await t.waitForText(/│\$ ?$/m);
  t.press('C-b', 'c');
  await t.waitForText('New session');
  t.press('Enter');
  await t.waitForText('Sessions (2)');
  await t.waitForText(/1:bash-2 │/);
  return t;
}

describe('the mouse', () => {
  let sandbox: GroveSandbox;
  beforeEach(() => {
    sandbox = groveSandbox();
  });
  afterEach(() => sandbox.dispose());

  it('selects a session by its sidebar entry and focuses a tiled pane by clicking it', async () => {
    const t = await twoShells(sandbox);
    // The first entry's two rows are right under the sidebar's heading.
    click(t, 4, 2);
    await t.waitFor(() => /0:bash │/.test(t.row(STATUS_ROW)), 'session 0 to be focused');

    t.press('C-b', 'Space');
    await t.waitForText(/0 bash · .*1 bash-2 · /);
    const right = paneRects('tiled', ['s1', 's2'], 's1').get('s2')!;
    click(t, right.x + 5, right.y + 3);
    await t.waitFor(() => /1:bash-2 │/.test(t.row(STATUS_ROW)), 'session 1 to be focused');
  });

  it('scrolls back with the wheel, copies a dragged selection, and scrolls out at the bottom', async () => {
    const t = await sandbox.open({ cols: COLS, rows: ROWS });
    await t.waitForText(/│\$ ?$/m);
    t.write("seq -f 'entry %g' 120\r");
    await t.waitForText(/│entry 120$/m);
    const pane = paneRects('focus', ['s1'], 's1').get('s1')!;
    const wheel = (code: number) => t.write(`\x1b[<${code};${pane.x + 10};${pane.y + 10}M`);

    wheel(64);
    await t.waitFor(() => t.row(STATUS_ROW).includes('copy mode'), 'copy mode');
    // One notch is three lines: the prompt, entry 120 and entry 119 go below the bottom.
    await t.waitFor(() => /│entry 118$/.test(t.row(ROWS - 2)), 'the view to scroll up three lines');
    expect(t.screenText()).not.toMatch(/│entry 120$/m);

    // Press on the first column of "entry 100", drag to its last, let go.
    const row = t.screenText().split('\n').findIndex((text) => /│entry 100$/.test(text));
    expect(row).toBeGreaterThan(0);
    t.write(`\x1b[<0;${pane.x + 1};${row + 1}M`);
    t.write(`\x1b[<32;${pane.x + 5};${row + 1}M`);
    t.write(`\x1b[<32;${pane.x + 9};${row + 1}M\x1b[<0;${pane.x + 9};${row + 1}m`);
    await t.waitForText('copied 9 characters');
    await t.waitForText(/│entry 120$/m);
    t.write('echo dragged:');
    t.press('C-b', ']');
    t.press('Enter');
    await t.waitForText(/│dragged:entry 100$/m);

    wheel(64);
    await t.waitFor(() => t.row(STATUS_ROW).includes('copy mode'), 'copy mode again');
    wheel(65);
    await t.waitFor(() => !t.row(STATUS_ROW).includes('copy mode'), 'the wheel to scroll out of copy mode');
  });

  it('passes clicks to a program that asked for mouse reports, at its own coordinates', async () => {
    const script = join(sandbox.dir, 'mouse-echo.js');
    writeFileSync(script, [
      "process.stdout.write('\\x1b[?1000h\\x1b[?1006hready\\r\\n');",
      'process.stdin.setRawMode(true);',
      "process.stdin.on('data', (data) => process.stdout.write('got ' + JSON.stringify(String(data)).replaceAll('\\\\u001b', 'ESC') + '\\r\\n'));",
    ].join('\n'));
    const t = await sandbox.open({ cols: COLS, rows: ROWS });
    await t.waitForText('Sessions (1)');
    t.press('C-b', 'c');
    await t.waitForText('New session');
    t.press('Tab');
    t.write(`${process.execPath} ${script}`);
    t.press('Enter');
    await t.waitForText(/│ready$/m);

    const pane = paneRects('focus', ['s1', 's2'], 's2').get('s2')!;
    click(t, pane.x + 10, pane.y + 5);
    await t.waitForText('ESC[<0;11;6M');
    await t.waitForText('ESC[<0;11;6m');
    expect(t.row(STATUS_ROW)).not.toContain('copy mode');
  });
});
