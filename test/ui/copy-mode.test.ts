/**
 * Copy mode in process (ui-harness.ts): moving through a program's scrollback, searching it, and the pane
 * staying frozen while output keeps arriving. The real-binary smoke test (search, copy, paste into bash)
 * and the config's copy-mode keys and scrollback are test/e2e/copy-mode.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { UiHarness, type FakePty } from './ui-harness.js';

const STATUS_ROW = 29;
let ui: UiHarness | undefined;
afterEach(async () => ui?.dispose());

/** A program that prints `item 1` … `item N` when it starts, then whatever it is told to. */
async function printing(count: number): Promise<{ ui: UiHarness; pty: () => FakePty }> {
  ui = new UiHarness({ programs: { sh: (pty) => pty.print(`$ seq\r\n${Array.from({ length: count }, (_, i) => `item ${i + 1}`).join('\r\n')}\r\n$ `) } });
  await ui.startDefault();
  await ui.waitForText(/│item 300$/mu);
  return { ui, pty: () => ui!.ptys[0]! };
}

const status = () => ui!.lines()[STATUS_ROW]!;

describe('copy mode', () => {
  it('moves by line, page and to either end, and n steps through the matches', async () => {
    const { ui } = await printing(300);
    ui.run('copy-mode');
    await ui.waitFor(() => /copy mode │ line \d+ of \d+/u.test(status()), 'the copy mode status');
    ui.press('g');
    await ui.waitForText(/copy mode │ line 1 of \d+/u);
    await ui.waitForText(/│\$ seq$/mu);
    ui.press('j', 'j');
    await ui.waitForText(/copy mode │ line 3 of/u);
    ui.press('NPage');
    await ui.waitForText(/copy mode │ line 3[0-9] of/u);
    ui.press('G');
    await ui.waitForText(/│item 300$/mu);

    ui.type('/item 1');
    ui.press('Enter');
    await ui.waitForText(/copy mode │ line 2 of \d+ │ \/item 1 │ search wrapped/u);
    ui.press('n');
    await ui.waitForText(/copy mode │ line 11 of \d+ │ \/item 1/u);
    ui.press('N');
    await ui.waitForText(/copy mode │ line 2 of \d+ │ \/item 1/u);

    ui.press('q');
    await ui.waitFor(() => !status().includes('copy mode'), 'copy mode to end');
    expect(ui.ptys[0]!.typed).toBe('');
  });

  it('keeps the view frozen while output arrives, and shows that output after leaving', async () => {
    const { ui, pty } = await printing(300);
    ui.run('copy-mode');
    await ui.waitFor(() => status().includes('copy mode'), 'the copy mode status');
    pty().print('\r\narrived-late\r\n');
    const id = ui.host.list()[0]!.id;
    while (!(await ui.host.capture(id, { ansi: false, scrollback: false })).includes('arrived-late')) await new Promise((resolve) => setTimeout(resolve, 10));
    // Drawn since: a frame of the session has reached the UI and been held back.
    await new Promise((resolve) => setTimeout(resolve, 100));
    ui.screenNow();
    expect(ui.snapshot()).not.toContain('arrived-late');
    ui.press('q');
    await ui.waitForText(/│arrived-late$/mu);
  });
});
