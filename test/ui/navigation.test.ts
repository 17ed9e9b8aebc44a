/**
 * Moving around the UI, in process (ui-harness.ts): sessions created from the dialog, switched between,
 * laid out, zoomed and resized; the help screen; and commands a command line sends to the attached UI.
 * Keys are pressed through the keymap by command name. The real-binary smoke tests of these flows are
 * test/e2e/sessions.test.ts and layouts.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_BINDINGS, DEFAULT_PREFIX } from '../../src/core/keymap/bindings.js';
import { helpSections } from '../../src/core/keymap/help.js';
import { Keymap } from '../../src/core/keymap/keymap.js';
import { UiHarness } from './ui-harness.js';

let ui: UiHarness | undefined;
afterEach(async () => ui?.dispose());

/** The UI with two shell sessions, `sh` (printed left-pane) and `sh-2` (right-pane), the second focused. */
async function twoSessions(): Promise<UiHarness> {
  ui = new UiHarness({ installed: [] });
  await ui.startDefault();
  ui.type('echo left-pane\r');
  await ui.waitForText(/│left-pane$/mu);
  ui.run('new-session');
  await ui.waitForText('New session');
  ui.press('Enter');
  await ui.waitForText('Sessions (2)');
  ui.type('echo right-pane\r');
  await ui.waitForText(/│right-pane$/mu);
  return ui;
}

describe('sessions', () => {
  it('keeps each session\'s output in its own pane, and the keys switch between them', async () => {
    const ui = await twoSessions();
    expect(ui.snapshot()).not.toContain('left-pane');
    expect(ui.lines()[29]).toMatch(/1:sh-2/u);
    ui.run('previous-session');
    await ui.waitForText(/│left-pane$/mu);
    expect(ui.snapshot()).not.toContain('right-pane');
    ui.press('C-b', '1');
    await ui.waitForText(/│right-pane$/mu);
    ui.run('next-session');
    await ui.waitForText(/│left-pane$/mu);
  });

  it('names a session and runs the command typed in the dialog, with its arguments', async () => {
    ui = new UiHarness({ installed: [], programs: { mytool: (pty) => pty.print('typed-command-ran') } });
    await ui.startDefault();
    ui.run('new-session');
    await ui.waitForText('New session');
    ui.type('notes');
    ui.press('Tab');
    ui.type('mytool --flag');
    ui.press('Enter');
    await ui.waitForText(/│typed-command-ran/u);
    expect(ui.snapshot()).not.toContain('New session');
    expect(ui.snapshot()).toMatch(/1 . notes/u);
    expect(ui.ptys[1]).toMatchObject({ file: 'mytool', args: ['--flag'] });
  });

  it('keeps the dialog open with the reason when the name is taken, and loses nothing typed', async () => {
    ui = new UiHarness({ installed: [] });
    await ui.startDefault();
    ui.run('new-session');
    await ui.waitForText('New session');
    ui.type('sh');
    ui.press('Enter');
    await ui.waitForText("a session named 'sh' already exists");
    ui.press('BSpace', 'BSpace');
    ui.type('other');
    ui.press('Enter');
    await ui.waitForText('Sessions (2)');
    expect(ui.snapshot()).toMatch(/1 . other/u);
  });

  it('shows a command that is not installed as an error in its pane, and stays up', async () => {
    ui = new UiHarness();
    await ui.startDefault();
    ui.run('new-session');
    await ui.waitForText('New session');
    ui.press('Tab');
    ui.type('missing --flag');
    ui.press('Enter');
    await ui.waitForText('grove: command not found: missing');
    ui.run('kill-session');
    await ui.waitForText('Sessions (1)');
  });
});

describe('layouts', () => {
  it('tiles both sessions with titles, moves focus with arrows, and zooms', async () => {
    const ui = await twoSessions();
    ui.run('next-layout');
    await ui.waitForText(/0 sh · .*1 sh-2 · /u);
    expect(ui.snapshot()).toContain('left-pane');
    expect(ui.snapshot()).not.toContain('Sessions (');
    ui.press('C-b', 'Left');
    await ui.waitForText(/0:sh │/u);
    ui.type('echo typed-left\r');
    await ui.waitFor(() => (ui.lines().find((line) => line.includes('typed-left')) ?? '').indexOf('typed-left') < 50, 'typed-left in the left tile');
    expect(ui.ptys[0]!.typed).toBe('echo left-pane\recho typed-left\r');
    ui.run('zoom');
    await ui.waitFor((screen) => !screen.includes('right-pane'), 'the zoomed pane alone');
    expect(ui.snapshot()).not.toContain('1 sh-2');
    ui.run('zoom');
    await ui.waitForText('right-pane');
  });

  it('resizes every pane\'s pty with the terminal, and says when it is too small', async () => {
    const ui = await twoSessions();
    // The focus layout: the pane is the width less the 30-column sidebar and its border.
    await ui.waitFor(() => ui.ptys.every((pty) => pty.size.cols === 69), 'panes of 69 columns');
    ui.resize(120, 30);
    await ui.waitFor(() => ui.ptys.every((pty) => pty.size.cols === 89), 'panes of 89 columns');
    ui.resize(19, 4);
    await ui.waitForText('terminal too small');
    await ui.waitForText('19×4, need 20×5');
    ui.resize(100, 30);
    await ui.waitForText('Sessions (2)');
  });
});

describe('the help screen', () => {
  it("lists every binding of the keymap table, copy mode's last, and closes with q", async () => {
    ui = new UiHarness({ rows: 72 });
    await ui.startDefault();
    ui.run('help');
    await ui.waitForText('q closes');
    const screen = ui.snapshot();
    const sections = helpSections(Keymap.build({ prefix: DEFAULT_PREFIX, bindings: DEFAULT_BINDINGS }));
    for (const row of sections.flatMap((section) => section.rows)) {
      expect(screen, row.keys).toContain(row.keys);
      expect(screen, row.description).toContain(row.description);
    }
    const at = (pattern: RegExp) => ui!.lines().findIndex((line) => pattern.test(line));
    expect(at(/│ Copy mode +│/u)).toBeGreaterThan(at(/C-b C-b +Send the prefix key to the pane/u));
    expect(at(/h, Left +Cursor left/u)).toBe(at(/│ Copy mode +│/u) + 1);
    ui.press('q');
    await ui.waitFor((text) => !text.includes('q closes'), 'the help closed');
  });
});

describe('commands a command line sends', () => {
  it('run as their keys do, on the session named, and are refused while a dialog waits', async () => {
    const ui = await twoSessions();
    const [first] = ui.host.list();
    expect(ui.app.runCommand({ name: 'next-layout', session: undefined, args: [] })).toBeUndefined();
    await ui.waitForText(/0 sh · .*1 sh-2 · /u);
    expect(ui.app.runCommand({ name: 'zoom', session: first!.id, args: [] })).toBeUndefined();
    await ui.waitFor((screen) => !screen.includes('right-pane') && screen.includes('left-pane'), 'sh zoomed');
    expect(ui.app.runCommand({ name: 'open-worktree', session: first!.id, args: [] })).toBe('open-worktree: sh works in the checkout, not a worktree');
    expect(ui.app.runCommand({ name: 'select-session', session: undefined, args: [] })).toBe('select-session: needs index');
    ui.run('new-session');
    await ui.waitForText('New session');
    expect(ui.app.runCommand({ name: 'next-layout', session: undefined, args: [] })).toBe('the UI is waiting for an answer in a dialog');
  });

  it('say so when no session waits for the user', async () => {
    ui = new UiHarness();
    await ui.startDefault();
    ui.run('jump-waiting');
    await ui.waitForText('jump-waiting: no session is waiting');
  });
});
