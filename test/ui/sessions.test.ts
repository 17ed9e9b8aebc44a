/**
 * Sessions in the UI, in process: the app, the server's session host and fake programs (ui-harness.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { UiHarness } from './ui-harness.js';

let ui: UiHarness | undefined;
afterEach(async () => ui?.dispose());

describe('the UI, in process', () => {
  it('starts a session with C-b c, and keys typed before it runs reach it in order', async () => {
    ui = new UiHarness();
    await ui.startDefault();
    ui.run('new-session');
    await ui.waitForText('New session');
    // Enter, and a command, in the same breath: the session does not exist yet when they arrive.
    ui.press('Enter');
    ui.type('echo typed-ahead\r');
    await ui.waitForText('Sessions (2)');
    await ui.waitForText(/│typed-ahead$/mu);
    expect(ui.ptys[1]!.typed).toBe('echo typed-ahead\r');
  });

  it('asks before killing a running session, keeps it on n, and kills on y', async () => {
    ui = new UiHarness();
    await ui.startDefault();
    ui.run('kill-session');
    await ui.waitForText('kill session sh? (y/n)');
    ui.press('n');
    await ui.waitFor((screen) => !screen.includes('kill session'), 'the question gone');
    expect(ui.host.list()).toHaveLength(1);
    ui.run('kill-session');
    await ui.waitForText('kill session sh? (y/n)');
    ui.press('y');
    await ui.waitForText('Sessions (0)');
    expect(ui.host.list()).toHaveLength(0);
    expect(ui.ptys[0]!.exited).toBe(true);
  });

  it('keeps the last screen of a program that exits, says how it ended, and closes it without asking', async () => {
    ui = new UiHarness({ programs: { sh: (pty) => [pty.print('last words\r\n'), setTimeout(() => pty.exit(3), 20)] } });
    await ui.startDefault();
    await ui.waitForText('exited with status 3');
    expect(ui.snapshot()).toMatch(/│last words$/mu);
    ui.run('kill-session');
    await ui.waitForText('Sessions (0)');
  });

  it('names each session\'s repository when every repository is listed', async () => {
    const repositoryOf = (folder: string) => (folder.startsWith('/web') ? '/web' : '/api');
    ui = new UiHarness({ cwd: '/web', repositoryOf });
    await ui.host.create({ name: 'elsewhere', command: 'sh', args: [], cwd: '/api' });
    await ui.startDefault();
    expect(ui.snapshot()).not.toContain('elsewhere');
    ui.run('show-all');
    await ui.waitForText('Sessions (2)');
    // Grouped by repository, each entry naming its own.
    expect(ui.lines().filter((line) => /^\s{3}(api|web): /u.test(line)).map((line) => line.trim().split(' ')[0])).toEqual(['api:', 'web:']);
  });
});
