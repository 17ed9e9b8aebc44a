/**
 * Configuration on a real disk: a temporary HOME and repository, the environment passed in as the CLI
 * would, and the `grove config …` / `grove themes` commands run as functions.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configCheck, configPath, themesCommand } from '../../src/cli/config-commands.js';
import { COMMANDS } from '../../src/core/commands/registry.js';
import { formatConfigError } from '../../src/core/config/errors.js';
import { DEFAULT_BINDINGS } from '../../src/core/keymap/bindings.js';
import type { ConfigKnowledge } from '../../src/core/config/knowledge.js';
import { configLocations, loadGroveConfig, queryTmuxPrefix } from '../../src/io/config-files.js';

const knowledge: ConfigKnowledge = { commands: COMMANDS, bindings: DEFAULT_BINDINGS, builtinAgents: ['claude'] };

let root: string;
let home: string;
let repo: string;

function write(path: string, content: unknown): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'grove-config-'));
  home = join(root, 'home');
  repo = join(root, 'project');
  mkdirSync(join(home, '.config'), { recursive: true });
  mkdirSync(join(repo, '.git'), { recursive: true });
  mkdirSync(join(repo, 'src', 'deep'), { recursive: true });
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

async function load(env: Record<string, string>, cwd = repo) {
  const result = await loadGroveConfig({ env, cwd }, knowledge);
  if (!result.ok) throw new Error(result.errors.map(formatConfigError).join('\n'));
  return result.value;
}

describe('finding config files', () => {
  it('reads ~/.config/grove/config.json when XDG_CONFIG_HOME is not set', async () => {
    write(join(home, '.config/grove/config.json'), { theme: 'light' });
    const loaded = await load({ HOME: home });
    expect(loaded.config.theme).toBe('light');
    expect(loaded.locations.user).toMatchObject({ label: '~/.config/grove/config.json', exists: true });
  });

  it('reads $XDG_CONFIG_HOME/grove/config.json in preference', async () => {
    const xdg = join(root, 'xdg');
    write(join(home, '.config/grove/config.json'), { theme: 'light' });
    write(join(xdg, 'grove/config.json'), { theme: 'high-contrast' });
    expect((await load({ HOME: home, XDG_CONFIG_HOME: xdg })).config.theme).toBe('high-contrast');
  });

  it('finds the repository file from a subfolder and lets it override the user file', async () => {
    write(join(home, '.config/grove/config.json'), { theme: 'light', mouse: false });
    write(join(repo, '.grove/config.json'), { theme: 'mono' });
    const loaded = await load({ HOME: home }, join(repo, 'src', 'deep'));
    expect([loaded.config.theme, loaded.config.mouse]).toEqual(['mono', false]);
    expect(loaded.locations.repo).toMatchObject({ label: '../../.grove/config.json', exists: true });
  });

  it('does not look above the repository root', async () => {
    write(join(root, '.grove/config.json'), { theme: 'light' });
    const loaded = await load({ HOME: home });
    expect(loaded.config.theme).toBe('default');
    expect(loaded.locations.repo).toMatchObject({ path: join(repo, '.grove/config.json'), exists: false });
  });

  it('reports a file it cannot read, naming it', async () => {
    mkdirSync(join(home, '.config/grove/config.json'), { recursive: true });
    const result = await loadGroveConfig({ env: { HOME: home }, cwd: repo }, knowledge);
    expect(result.ok ? [] : result.errors.map(formatConfigError)).toEqual(['~/.config/grove/config.json: cannot read: EISDIR']);
  });

  it('reports a bad file with its path, and starts with nothing half-applied', async () => {
    write(join(home, '.config/grove/config.json'), '{\n  "theme": "light",\n  "keys": { "prefix": "Control-Alt" }\n}');
    const result = await loadGroveConfig({ env: { HOME: home }, cwd: repo }, knowledge);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map(formatConfigError)).toEqual([
      '~/.config/grove/config.json: keys.prefix: expected a key like "C-a"',
    ]);
  });
});

describe('user themes', () => {
  const custom = JSON.parse(readFileSync(new URL('../../themes/default.json', import.meta.url), 'utf8'));

  it('shadow a built-in theme of the same name', async () => {
    write(join(home, '.config/grove/themes/default.json'), { ...custom, sidebar: { ...custom.sidebar, bg: '#101010' } });
    const loaded = await load({ HOME: home });
    expect(loaded.themeSource).toMatchObject({ origin: 'user', shadowsBuiltIn: true, file: '~/.config/grove/themes/default.json' });
    expect(loaded.theme.sidebar.bg).toBe('#101010');
  });

  it('are checked against the schema even with no config file, when one replaces the default theme', async () => {
    // With nothing a user wrote, only the shipped theme is read and it is not checked again; a user's
    // default.json is theirs, and is.
    write(join(home, '.config/grove/themes/default.json'), { ...custom, sidebar: { ...custom.sidebar, bg: 'reed' } });
    const result = await loadGroveConfig({ env: { HOME: home }, cwd: repo }, knowledge);
    expect(result.ok ? [] : result.errors.map(formatConfigError)).toEqual([
      expect.stringMatching(/^~\/\.config\/grove\/themes\/default\.json: sidebar\.bg: expected a colour.*did you mean "red"/),
    ]);
  });

  it('can be chosen by name', async () => {
    write(join(home, '.config/grove/themes/neon.json'), { ...custom, description: 'Mine' });
    write(join(home, '.config/grove/config.json'), { theme: 'neon' });
    expect((await load({ HOME: home })).theme.description).toBe('Mine');
  });
});

describe('grove config check / path, grove themes', () => {
  it('check passes on good files and fails, exit 1, naming each problem', async () => {
    write(join(home, '.config/grove/config.json'), { theme: 'light' });
    const good = await configCheck({ env: { HOME: home }, cwd: repo }, knowledge);
    expect(good).toEqual({ exitCode: 0, stdout: '~/.config/grove/config.json: ok\ntheme: light (themes/light.json)\n', stderr: '' });

    write(join(repo, '.grove/config.json'), { thme: 'light' });
    const bad = await configCheck({ env: { HOME: home }, cwd: repo }, knowledge);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toBe('.grove/config.json: thme: unknown key (did you mean "theme"?)\n');
  });

  it('check also validates user themes that are not in use', async () => {
    write(join(home, '.config/grove/themes/draft.json'), { sidebar: { fg: 'pink' } });
    const result = await configCheck({ env: { HOME: home }, cwd: repo }, knowledge);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('~/.config/grove/themes/draft.json: sidebar.fg: expected a colour');
  });

  it('path prints where config is read from, and whether it is there', async () => {
    const xdg = join(root, 'xdg');
    write(join(repo, '.grove/config.json'), {});
    const { stdout, exitCode } = await configPath({ env: { HOME: home, XDG_CONFIG_HOME: xdg }, cwd: repo });
    expect(exitCode).toBe(0);
    expect(stdout).toContain(`user:       ${xdg}/grove/config.json (not found)\n`);
    expect(stdout).toContain(`repository: ${repo}/.grove/config.json\n`);
    expect(stdout).toContain(`themes:     ${xdg}/grove/themes/<name>.json\n`);
  });

  it('themes lists every theme with a preview, marking the one in use and the user\'s', async () => {
    write(join(home, '.config/grove/config.json'), { theme: 'solarized-dark' });
    write(join(home, '.config/grove/themes/light.json'), readFileSync(new URL('../../themes/light.json', import.meta.url), 'utf8'));
    const plain = await themesCommand({ env: { HOME: home }, cwd: repo }, knowledge, false);
    const lines = plain.stdout.trimEnd().split('\n');
    expect(lines.map((line) => line.slice(0, 16).trim())).toEqual(['default', 'high-contrast', 'light', 'mono', '* solarized-dark']);
    expect(plain.stdout).not.toContain('\x1b');
    expect(lines[2]).toMatch(/^ {2}light +session +focused .*\(yours, replaces the built-in\)$/u);

    const coloured = await themesCommand({ env: { HOME: home, COLORTERM: 'truecolor' }, cwd: repo }, knowledge, true);
    expect(coloured.stdout).toContain('\x1b[38;2;');
  });
});

describe('configLocations', () => {
  it('has no user file without HOME or XDG_CONFIG_HOME', async () => {
    expect((await configLocations({ env: {}, cwd: repo })).user).toBeUndefined();
  });
});

const hasTmux = (() => {
  try {
    execFileSync('tmux', ['-V']);
    return true;
  } catch {
    return false;
  }
})();

describe('queryTmuxPrefix', () => {
  it.skipIf(!hasTmux)('asks the running tmux server for its prefix', async () => {
    const tmuxDir = join(root, 'tmux');
    mkdirSync(tmuxDir);
    chmodSync(tmuxDir, 0o700);
    const env = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', TMUX_TMPDIR: tmuxDir, HOME: home };
    const tmux = (...args: string[]) => execFileSync('tmux', ['-f', '/dev/null', ...args], { env });
    try {
      tmux('new-session', '-d', '-s', 'grove-test', 'sleep 30');
      tmux('set-option', '-g', 'prefix', 'C-a');
      expect(await queryTmuxPrefix(env)).toBe('C-a');
    } finally {
      tmux('kill-server');
    }
  });

  it('is undefined when no tmux server answers', async () => {
    const tmuxDir = join(root, 'no-tmux');
    mkdirSync(tmuxDir);
    expect(await queryTmuxPrefix({ PATH: process.env['PATH'] ?? '', TMUX_TMPDIR: tmuxDir })).toBeUndefined();
  });
});
