/**
 * Key bindings from config files, driven through the real binary: a rebound prefix works for commands,
 * is sent to the pane when pressed twice, and is what every hint on screen shows; the old prefix is just
 * a key again. Overrides come from the user's file and from the repository's `.grove/config.json`.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groveSandbox, type GroveSandbox } from './grove.js';

function writeJson(path: string, value: unknown): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, JSON.stringify(value));
}

describe('key bindings from config', () => {
  let sandbox: GroveSandbox;
  let userConfig: string;
  beforeEach(() => {
    sandbox = groveSandbox();
    userConfig = join(sandbox.env.XDG_CONFIG_HOME!, 'grove', 'config.json');
  });
  afterEach(() => sandbox.dispose());

  it('rebinds the prefix to C-a: C-a c opens the dialog, C-b c is typed into the shell, C-a C-a sends C-a', async () => {
    writeJson(userConfig, { keys: { prefix: 'C-a' } });
    const t = await sandbox.open({ cols: 100, rows: 24 });
    await t.waitForText(/│\$ ?$/m);
    expect(t.row(23)).toMatch(/C-a \? help$/);

    t.press('C-a', 'c');
    await t.waitForText('New session');
    t.press('Escape');
    await t.waitForGone('New session');

    // In bash, C-b moves back a character: `echo ab`, C-b, `c` runs `echo acb`.
    t.write('echo ab');
    t.press('C-b', 'c');
    t.press('Enter');
    await t.waitForText(/│acb$/m);
    expect(t.screenText()).not.toContain('New session');

    // C-a C-a reaches bash as one C-a, beginning-of-line: `cho sent-$((1+1))` becomes `echo sent-2`.
    t.write('cho sent-$((1+1))');
    t.press('C-a', 'C-a');
    t.write('e');
    t.press('Enter');
    await t.waitForText(/│sent-2$/m);
    expect(t.screenText()).not.toContain('command not found');
  });

  it('takes C-s as the prefix and a key override from the repository file, and shows them in the hints', async () => {
    writeJson(userConfig, { keys: { prefix: 'C-s' } });
    writeJson(join(sandbox.project, '.grove', 'config.json'), { keys: { help: 'h', 'kill-session': 'K' } });
    // Tall enough for the whole help list without scrolling.
    const t = await sandbox.open({ cols: 100, rows: 50 });
    await t.waitForText(/│\$ ?$/m);
    expect(t.row(49)).toMatch(/C-s h help$/);

    t.press('C-s', 'h');
    await t.waitForText('q closes');
    expect(t.screenText()).toMatch(/C-s h +List key bindings/);
    expect(t.screenText()).toMatch(/C-s K +Kill session/);
    expect(t.screenText()).toMatch(/C-s C-s +Send the prefix key/);
    t.write('q');
    await t.waitForGone('q closes');

    t.press('C-s', 'c');
    await t.waitForText('New session');
    t.press('Escape');
    await t.waitForGone('New session');

    t.write('exit 4\r');
    await t.waitForText('exited with status 4 · C-s K closes');
    t.press('C-s', 'K');
    await t.waitForText('Sessions (0)');
    await t.waitForText('C-s c: new session');
  });

  it('binds keys without the prefix in the root table', async () => {
    writeJson(userConfig, { keys: { root: { 'new-session': 'M-n' } } });
    const t = await sandbox.open({ cols: 100, rows: 24 });
    await t.waitForText('Sessions (1)');
    t.press('M-n');
    await t.waitForText('New session');
  });

  /** grove runs inside a tmux (TMUX set) whose stand-in answers `tmux show-options -gv prefix` as a default tmux would. */
  function insideDefaultTmux(): void {
    const bin = join(sandbox.dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'tmux'), '#!/bin/sh\necho C-b\n');
    chmodSync(join(bin, 'tmux'), 0o755);
    sandbox.env.PATH = `${bin}:${sandbox.env.PATH}`;
    sandbox.env.TMUX = '/tmp/tmux-test/default,1,0';
  }

  it('warns in the status bar when it runs inside a tmux that has the same prefix', async () => {
    insideDefaultTmux();
    const t = await sandbox.open({ cols: 80, rows: 24 });
    await t.waitForText('tmux also uses C-b as its prefix: press it twice for grove, or set keys.prefix');
  });

  it('does not warn inside a tmux with another prefix', async () => {
    writeJson(userConfig, { keys: { prefix: 'C-a' } });
    insideDefaultTmux();
    const t = await sandbox.open({ cols: 160, rows: 24 });
    await t.waitForText(/│\$ ?$/m);
    expect(t.row(23)).toMatch(/C-a \? help$/);
    expect(t.screenText()).not.toContain('tmux also uses');
  });
});

describe('a config with a mistake', () => {
  let sandbox: GroveSandbox;
  beforeEach(() => {
    sandbox = groveSandbox();
  });
  afterEach(() => sandbox.dispose());

  it('stops grove before the screen opens, with exit status 1 and the problem on one line', async () => {
    writeJson(join(sandbox.env.XDG_CONFIG_HOME!, 'grove', 'config.json'), { keys: { prefix: 'Ctrl+A' } });
    const t = await sandbox.open({ cols: 120, rows: 24 });
    const { exitCode } = await t.exited;
    expect(exitCode).toBe(1);
    expect(t.isAltScreen()).toBe(false);
    expect(t.screenText().trim().split('\n')).toEqual([
      '~/.config/grove/config.json: keys.prefix: expected a key like "C-a"',
    ]);
    // No server was started for a UI that never opened.
    expect((await sandbox.cli(['ls'])).code).not.toBe(0);
  });

  it('reports every problem, one line each: a theme that does not exist, and both sides of a key conflict', async () => {
    writeJson(join(sandbox.project, '.grove', 'config.json'), { theme: 'solarised-dark', keys: { 'new-session': 'n' } });
    const t = await sandbox.open({ cols: 160, rows: 24 });
    expect((await t.exited).exitCode).toBe(1);
    expect(t.screenText().trim().split('\n')).toEqual([
      '.grove/config.json: theme: no theme "solarised-dark" (did you mean "solarized-dark"?); themes: default, high-contrast, light, mono, solarized-dark',
      '.grove/config.json: keys.new-session: C-b n is bound to both new-session and next-session (its default key; free it with "next-session": null)',
    ]);
  });
});
