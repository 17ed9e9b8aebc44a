/**
 * The whole loading pipeline on in-memory files: merging user and repository files, defaults, the checks
 * that need to know what exists, and the rule that the result is a whole config or only errors.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/core/commands/registry.js';
import { DEFAULT_CONFIG } from '../../src/core/config/config.js';
import { formatConfigError } from '../../src/core/config/errors.js';
import { loadConfig, SHIPPED_ONLY, type ConfigContext } from '../../src/core/config/load.js';
import { schemaChecks } from '../../src/core/config/schema-checks.js';
import { DEFAULT_BINDINGS } from '../../src/core/keymap/bindings.js';
import { buildThemeCatalog } from '../../src/core/theme/catalog.js';

const USER = '~/.config/grove/config.json';
const REPO = '.grove/config.json';

const builtInTheme = (name: string) => ({
  name,
  file: `themes/${name}.json`,
  text: readFileSync(new URL(`../../themes/${name}.json`, import.meta.url), 'utf8'),
});

const context: ConfigContext = {
  checks: schemaChecks,
  themes: buildThemeCatalog([builtInTheme('default'), builtInTheme('light'), builtInTheme('solarized-dark')], []),
  commands: COMMANDS,
  bindings: DEFAULT_BINDINGS,
  builtinAgents: ['claude', 'codex'],
};

function load(files: Record<string, unknown>, ctx: ConfigContext = context) {
  return loadConfig(
    Object.entries(files).map(([file, data]) => ({ file, text: typeof data === 'string' ? data : JSON.stringify(data) })),
    ctx,
  );
}

function errorsOf(files: Record<string, unknown>, ctx?: ConfigContext): string[] {
  const result = load(files, ctx);
  return result.ok ? [] : result.errors.map(formatConfigError);
}

describe('loadConfig', () => {
  it('gives the defaults with no files', () => {
    const result = load({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { origins: _origins, ...config } = result.value.config;
    const { origins: _none, ...defaults } = DEFAULT_CONFIG;
    expect(config).toEqual(defaults);
    expect(result.value.themeSource.name).toBe('default');
    expect(result.value.keymap.prefix).toBe('C-b');
  });

  it('gives the same defaults when the shipped theme is only parsed, not checked (no file a user wrote)', () => {
    const checked = load({});
    const parsed = load({}, { ...context, checks: SHIPPED_ONLY });
    expect(parsed).toEqual(checked);
    expect(parsed.ok).toBe(true);
  });

  it('lays the repository file over the user file, setting by setting', () => {
    const result = load({
      [USER]: { theme: 'light', approval: { worktree: 'bypass' }, worktree: { copy: ['.env'], branchPrefix: 'me/' }, mouse: false },
      [REPO]: { approval: { workspace: 'autopilot' }, worktree: { copy: ['.env.local'] } },
    });
    if (!result.ok) throw new Error(result.errors.map(formatConfigError).join('\n'));
    const { config, theme } = result.value;
    expect(config.approval).toEqual({ worktree: 'bypass', workspace: 'autopilot' });
    expect(config.worktree).toMatchObject({ copy: ['.env.local'], branchPrefix: 'me/', root: DEFAULT_CONFIG.worktree.root });
    expect(config.mouse).toBe(false);
    expect(theme.sidebar.fg).toBe('black');
    expect(config.origins.get('worktree.copy')).toBe(REPO);
    expect(config.origins.get('theme')).toBe(USER);
  });

  it('merges an agent profile override field by field across files', () => {
    const result = load({
      [USER]: { agents: { mine: { command: 'my-agent', args: ['--fast'] } }, defaultAgent: 'mine' },
      [REPO]: { agents: { mine: { resumeArgs: ['--resume'] }, claude: { modeArgs: { bypass: ['--yolo'] } } } },
    });
    if (!result.ok) throw new Error(result.errors.map(formatConfigError).join('\n'));
    expect(result.value.config.agents).toEqual({
      mine: { command: 'my-agent', args: ['--fast'], resumeArgs: ['--resume'] },
      claude: { modeArgs: { bypass: ['--yolo'] } },
    });
    expect(result.value.config.defaultAgent).toBe('mine');
  });

  it('reports a theme that does not exist, with the nearest and the list', () => {
    expect(errorsOf({ [USER]: { theme: 'solarised-dark' } })).toEqual([
      `${USER}: theme: no theme "solarised-dark" (did you mean "solarized-dark"?); themes: default, light, solarized-dark`,
    ]);
  });

  it('reports the chosen theme\'s own mistakes against the theme file', () => {
    const broken = { name: 'broken', file: '~/.config/grove/themes/broken.json', text: '{ "sidebar": {} ' };
    const themes = buildThemeCatalog([builtInTheme('default')], [broken]);
    expect(errorsOf({ [USER]: { theme: 'broken' } }, { ...context, themes })).toEqual([
      '~/.config/grove/themes/broken.json: not valid JSON: expected \',\' or \'}\', found end of file at 1:17',
    ]);
  });

  it('reports an unknown default agent, and a new agent without a command', () => {
    expect(errorsOf({ [REPO]: { defaultAgent: 'cladue' } })).toEqual([
      `${REPO}: defaultAgent: no agent "cladue" (did you mean "claude"?); agents: claude, codex`,
    ]);
    expect(errorsOf({ [USER]: { agents: { aider: { args: ['--yes'] } } } })).toEqual([
      `${USER}: agents.aider.command: missing: "aider" is not a built-in agent, so it needs a command (built-in agents: claude, codex)`,
    ]);
  });

  it('collects the errors of every file, and gives no config at all when there are any', () => {
    const result = load({ [USER]: { thme: 'light', keys: { prefix: 'C-a' } }, [REPO]: '{ "mouse": tru }' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(formatConfigError)).toEqual([
      `${USER}: thme: unknown key (did you mean "theme"?)`,
      `${REPO}: not valid JSON: expected a value, found "t" at 1:12`,
    ]);
    expect('value' in result).toBe(false);
  });

  it('reports problems from every later check together', () => {
    const errors = errorsOf({ [USER]: { theme: 'nope', defaultAgent: 'nobody', keys: { 'new-session': 'n' } } });
    expect(errors.map((line) => line.split(': ')[1])).toEqual(['theme', 'defaultAgent', 'keys.new-session']);
  });
});
