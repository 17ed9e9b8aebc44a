/**
 * The mouse in the real UI, as SGR reports written to grove the way a terminal sends them: the wheel
 * scrolls into copy mode and out again, and a drag copies what bash printed. Clicks on the sidebar, on
 * panes and into programs that ask for reports are test/ui/mouse.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeLayout, type LayoutMode } from '../../src/core/layout/layout.js';
import { groveSandbox, type GroveSandbox } from './grove.js';

const COLS = 100;
const ROWS = 30;
const STATUS_ROW = ROWS - 1;

/** Where the layout puts each pane, with the UI's own sidebar width. */
function paneRects(mode: LayoutMode, ids: string[], focusedId: string) {
  const layout = computeLayout({ cols: COLS, rows: ROWS, mode, zoomed: false, sessionIds: ids, focusedId, sidebarWidth: 30 });
  if (layout.kind !== 'ok') throw new Error('layout too small');
  return new Map(layout.panes.map((pane) => [pane.id, pane.rect]));
}

describe('the mouse', () => {
  let sandbox: GroveSandbox;
  beforeEach(() => {
    sandbox = groveSandbox();
  });
  afterEach(() => sandbox.dispose());

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
});
