/**
 * The mouse in process (ui-harness.ts), as SGR reports a terminal sends: clicks select sessions and focus
 * panes, and a program that asked for mouse reports gets them at its own coordinates. The wheel and a drag
 * that copies into bash are the real-binary test/e2e/mouse.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { computeLayout, type LayoutMode } from '../../src/core/layout/layout.js';
import { UiHarness, type FakeProgram } from './ui-harness.js';

const COLS = 100;
const ROWS = 30;
const STATUS_ROW = ROWS - 1;

let ui: UiHarness | undefined;
afterEach(async () => ui?.dispose());

/** A press and release of the left button at a screen cell (0-based), in SGR form. */
function click(ui: UiHarness, x: number, y: number): void {
  ui.type(`\x1b[<0;${x + 1};${y + 1}M\x1b[<0;${x + 1};${y + 1}m`);
}

/** Where the layout puts each pane, with the UI's own sidebar width. */
function paneRects(mode: LayoutMode, ids: string[], focusedId: string) {
  const layout = computeLayout({ cols: COLS, rows: ROWS, mode, zoomed: false, sessionIds: ids, focusedId, sidebarWidth: 30 });
  if (layout.kind !== 'ok') throw new Error('layout too small');
  return new Map(layout.panes.map((pane) => [pane.id, pane.rect]));
}

/** Asks for mouse reports (SGR), then prints what it is sent. */
const mouseEcho: FakeProgram = (pty) => {
  pty.print('\x1b[?1000h\x1b[?1006hready\r\n');
  pty.onInput((data) => pty.print(`got ${JSON.stringify(data).replaceAll('\\u001b', 'ESC')}\r\n`));
};

async function twoSessions(programs: Record<string, FakeProgram> = {}): Promise<UiHarness> {
  ui = new UiHarness({ cols: COLS, rows: ROWS, installed: [], programs });
  await ui.startDefault();
  ui.run('new-session');
  await ui.waitForText('New session');
  if (programs['mouse-echo']) [ui.press('Tab'), ui.type('mouse-echo')];
  ui.press('Enter');
  await ui.waitForText('Sessions (2)');
  return ui;
}

describe('the mouse', () => {
  it('selects a session by its sidebar entry and focuses a tiled pane by clicking it', async () => {
    const ui = await twoSessions();
    await ui.waitFor(() => /1:sh-2 │/u.test(ui.lines()[STATUS_ROW]!), 'session 1 focused');
    // The first entry's two rows are right under the sidebar's heading.
    click(ui, 4, 2);
    await ui.waitFor(() => /0:sh │/u.test(ui.lines()[STATUS_ROW]!), 'session 0 to be focused');
    ui.run('next-layout');
    await ui.waitForText(/0 sh · .*1 sh-2 · /u);
    const right = paneRects('tiled', ['s1', 's2'], 's1').get('s2')!;
    click(ui, right.x + 5, right.y + 3);
    await ui.waitFor(() => /1:sh-2 │/u.test(ui.lines()[STATUS_ROW]!), 'session 1 to be focused');
    expect(ui.ptys.map((pty) => pty.typed)).toEqual(['', '']);
  });

  it('passes clicks to a program that asked for mouse reports, at its own coordinates', async () => {
    const ui = await twoSessions({ 'mouse-echo': mouseEcho });
    await ui.waitForText(/│ready$/mu);
    const pane = paneRects('focus', ['s1', 's2'], 's2').get('s2')!;
    click(ui, pane.x + 10, pane.y + 5);
    await ui.waitForText('ESC[<0;11;6M');
    await ui.waitForText('ESC[<0;11;6m');
    expect(ui.lines()[STATUS_ROW]).not.toContain('copy mode');
  });
});
