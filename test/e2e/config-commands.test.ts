/**
 * `grove config path`, `grove config check` and `grove themes`, run as a user would: the binary, in a
 * sandbox whose XDG_CONFIG_HOME holds the user's config and whose project holds `.grove/config.json`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groveSandbox, type GroveSandbox } from './grove.js';

describe('grove config and grove themes', () => {
  let sandbox: GroveSandbox;
  let userDir: string;
  const write = (path: string, content: unknown): void => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  };
  beforeEach(() => {
    sandbox = groveSandbox();
    userDir = join(sandbox.env.XDG_CONFIG_HOME!, 'grove');
  });
  afterEach(() => sandbox.dispose());

  it('config path prints where the files are read from, and which exist', async () => {
    write(join(userDir, 'config.json'), {});
    const { code, stdout } = await sandbox.cli(['config', 'path']);
    expect(code).toBe(0);
    expect(stdout).toContain(`user:       ${join(userDir, 'config.json')}\n`);
    expect(stdout).toContain(`repository: ${join(sandbox.project, '.grove', 'config.json')} (not found)\n`);
    expect(stdout).toContain(`themes:     ${join(userDir, 'themes')}/<name>.json\n`);
  });

  it('config check passes good files and fails bad ones with one line per problem', async () => {
    write(join(userDir, 'config.json'), { theme: 'light', keys: { prefix: 'C-a' } });
    const good = await sandbox.cli(['config', 'check']);
    expect(good).toEqual({ code: 0, stdout: '~/.config/grove/config.json: ok\ntheme: light (themes/light.json)\n', stderr: '' });

    write(join(sandbox.project, '.grove', 'config.json'), '{ "thme": "mono", }');
    const notJson = await sandbox.cli(['config', 'check']);
    expect(notJson).toMatchObject({ code: 1, stdout: '', stderr: '.grove/config.json: not valid JSON: trailing comma at 1:17\n' });

    write(join(sandbox.project, '.grove', 'config.json'), { thme: 'mono', keys: { zoom: 'Ctrl+Z' } });
    const bad = await sandbox.cli(['config', 'check']);
    expect(bad.code).toBe(1);
    expect(bad.stderr.split('\n')).toEqual([
      '.grove/config.json: keys.zoom: expected a key like "C-a"',
      '.grove/config.json: thme: unknown key (did you mean "theme"?)',
      '',
    ]);
  });

  it('config check reports a user theme whose colour is not a colour, even when it is not in use', async () => {
    write(join(userDir, 'themes', 'neon.json'), { sidebar: { fg: 'pinkish' } });
    const { code, stderr } = await sandbox.cli(['config', 'check']);
    expect(code).toBe(1);
    expect(stderr).toContain('~/.config/grove/themes/neon.json: sidebar.fg: expected a colour: "#rrggbb", a name like "blue" or "bright-blue", "default", or 0–255\n');
    expect(stderr).toContain('~/.config/grove/themes/neon.json: status: missing\n');
  });

  it('themes lists every theme with a sample, marks the one in use, and includes the user\'s', async () => {
    const listed = await sandbox.cli(['themes']);
    expect(listed.code).toBe(0);
    const names = (stdout: string) => stdout.split('\n').filter(Boolean).map((line) => line.slice(0, 2) + line.slice(2).split(/ +/u)[0]);
    expect(names(listed.stdout)).toEqual(['* default', '  high-contrast', '  light', '  mono', '  solarized-dark']);
    // Not a terminal, so the sample is plain text: a focused entry, the status symbols, the status bar.
    expect(listed.stdout).not.toContain('\x1b');
    expect(listed.stdout).toMatch(/^\* default +session +focused +◌●◆○✕† +│┃ +status bar/mu);

    write(join(userDir, 'themes', 'neon.json'), readFileSync(new URL('../../themes/default.json', import.meta.url), 'utf8'));
    write(join(userDir, 'config.json'), { theme: 'neon' });
    const withMine = await sandbox.cli(['themes']);
    expect(names(withMine.stdout)).toEqual(['  default', '  high-contrast', '  light', '  mono', '* neon', '  solarized-dark']);
    expect(withMine.stdout).toMatch(/^\* neon .*\(yours\)$/mu);
  });

  it('a user theme drives the UI', async () => {
    write(join(userDir, 'themes', 'neon.json'), {
      sidebar: { fg: 201, bg: 'default', focusedFg: 'black', focusedBg: 201, dim: 'grey' },
      status: { starting: 'grey', working: 'green', waiting: 'yellow', idle: 'blue', exited: 'grey', dead: 'red' },
      border: { focused: 201, unfocused: 'grey' },
      statusBar: { fg: 'black', bg: 201, accent: 'white' },
      dialog: { fg: 'white', bg: 'black', border: 201, field: 'blue', dim: 'grey', error: 'red' },
      banner: { fg: 'black', bg: 'yellow' },
      diff: { added: 'green', removed: 'red', header: 'bright-white', hunk: 'cyan' },
    });
    write(join(userDir, 'config.json'), { theme: 'neon' });
    const t = await sandbox.open({ cols: 100, rows: 24 });
    await t.waitForText('Sessions (1)');
    const cell = (row: number, col: number) => t.term.buffer.active.getLine(t.term.buffer.active.viewportY + row)!.getCell(col)!;
    await t.waitFor(() => cell(0, 1).getFgColor() === 201 && cell(1, 0).getBgColor() === 201 && cell(23, 1).getBgColor() === 201, 'magenta sidebar and status bar');
  });
});
