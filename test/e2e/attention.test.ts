/**
 * A session that starts waiting while the user looks elsewhere: the terminal bell rings, a desktop
 * notification goes out (OSC 777 here, as configured), the sidebar marks it with `!`, and `prefix w`
 * jumps to it, which clears the mark.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groveSandbox, type GroveSandbox } from './grove.js';

describe('attention', () => {
  let sandbox: GroveSandbox;
  beforeEach(() => {
    sandbox = groveSandbox();
    mkdirSync(join(sandbox.env.XDG_CONFIG_HOME!, 'grove'), { recursive: true });
    writeFileSync(join(sandbox.env.XDG_CONFIG_HOME!, 'grove', 'config.json'), JSON.stringify({ notify: { bell: true, desktop: true } }));
  });
  afterEach(() => sandbox.dispose());

  it('rings, notifies and marks a session that starts waiting, and prefix w goes there', async () => {
    const t = await sandbox.open({ cols: 100, rows: 30 });
    const notifications: string[] = [];
    let bells = 0;
    t.term.parser.registerOscHandler(777, (data) => {
      notifications.push(data);
      return true;
    });
    t.term.onBell(() => bells++);
    await t.waitForText('Sessions (1)');

    const asker = "echo thinking; sleep 1; read -p 'Deploy? [y/n] ' answer; echo \"answer=$answer\"; sleep 60";
    expect((await sandbox.cli(['new', '--name', 'asker', '--', 'bash', '-c', asker])).code).toBe(0);
    await t.waitForText(/1 ◆ asker\s+! ws/);
    await t.waitFor(() => notifications.some((n) => n === 'notify;grove;asker is waiting for you'), 'the desktop notification');
    expect(bells).toBeGreaterThan(0);
    expect(t.row(29)).toMatch(/0:bash/);

    t.press('C-b', 'w');
    await t.waitForText(/1:asker │/);
    await t.waitForText(/1 ◆ asker\s+ws/);
    t.write('y\r');
    await t.waitForText(/│answer=y/);
  });
});
