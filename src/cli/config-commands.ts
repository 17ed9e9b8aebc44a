/**
 * `grove config check`, `grove config path` and `grove themes`: the configuration as the user sees it
 * from the command line. Each is a function from its inputs to exit status and output, so their rows in
 * the command table (commands/config.ts, commands/themes.ts) only have to print, and tests need no process.
 */
import { formatConfigError, type ConfigError } from '../core/config/errors.js';
import { loadConfig } from '../core/config/load.js';
import { parseConfigText, parseTheme, schemaChecks } from '../core/config/schema-checks.js';
import { withoutPrivileged } from '../core/config/trust.js';
import { detectColorDepth } from '../core/screen/color.js';
import { themePreview } from '../core/theme/preview.js';
import { resolveTheme } from '../core/theme/resolve-theme.js';
import {
  configLocations,
  loadGroveConfig,
  readConfigTexts,
  readThemeCatalog,
  type ConfigEnvironment,
} from '../io/config-files.js';
import type { ConfigKnowledge } from '../core/config/knowledge.js';
import { readTextFile } from '../io/host-facts.js';
import { contentHash, recordTrust } from '../io/trust-store.js';

export interface CommandOutput {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

const lines = (...text: string[]): string => (text.length ? `${text.join('\n')}\n` : '');

const errorLines = (errors: readonly ConfigError[]): string => lines(...errors.map(formatConfigError));

/** Validates the config files and every user theme; exit status 1 if anything is wrong. */
export async function configCheck(environment: ConfigEnvironment, knowledge: ConfigKnowledge): Promise<CommandOutput> {
  const loaded = await loadGroveConfig(environment, knowledge);
  const locations = await configLocations(environment);
  const themes = await readThemeCatalog(locations, environment.env);
  const themeErrors = [...themes.values()]
    .filter((theme) => theme.origin === 'user')
    .flatMap((theme) => {
      const parsed = parseTheme(theme);
      return parsed.ok ? [] : parsed.errors;
    });
  // The theme in use is checked by the loader already; report each problem once.
  const seen = new Set<string>();
  const errors = [...(loaded.ok ? [] : loaded.errors), ...themeErrors].filter((error) => {
    const line = formatConfigError(error);
    return !seen.has(line) && seen.add(line);
  });
  if (errors.length) return { exitCode: 1, stdout: '', stderr: errorLines(errors) };

  const files = [locations.user, locations.repo].filter((location) => location?.exists).map((location) => `${location!.label}: ok`);
  const summary = loaded.ok ? `theme: ${loaded.value.config.theme} (${loaded.value.themeSource.file})` : '';
  const notices = loaded.ok ? loaded.value.notices : [];
  return { exitCode: 0, stdout: lines(...(files.length ? files : ['no config files; using the defaults']), summary, ...notices), stderr: '' };
}

/**
 * `grove config trust`: records the hash of this repository's `.grove/config.json` as it is now, so the
 * settings only a trusted file may make apply (core/config/trust.ts); `--revoke` forgets it. A file with
 * problems is not trusted: what would be trusted must be what grove can read.
 */
export async function configTrust(environment: ConfigEnvironment, knowledge: ConfigKnowledge, revoke: boolean): Promise<CommandOutput> {
  const { repo } = await configLocations(environment);
  if (!repo.exists) return { exitCode: 1, stdout: '', stderr: `grove: no repository config to trust (${repo.path} does not exist)\n` };
  const text = readTextFile(repo.path);
  if (revoke) {
    await recordTrust(environment.env, repo.path, undefined);
    return { exitCode: 0, stdout: lines(`${repo.label}: no longer trusted`), stderr: '' };
  }
  const parsed = parseConfigText({ file: repo.label, text });
  if (!parsed.ok) return { exitCode: 1, stdout: '', stderr: errorLines(parsed.errors) };
  await recordTrust(environment.env, repo.path, contentHash(text));
  const { ignored } = withoutPrivileged(parsed.value, knowledge.builtinAgents);
  const applies = ignored.length ? `; it may now set ${ignored.join(', ')}` : '';
  return { exitCode: 0, stdout: lines(`${repo.label}: trusted as it is now${applies} (a change to it asks again)`), stderr: '' };
}

/** Where grove reads configuration from, and which of those files exist. */
export async function configPath(environment: ConfigEnvironment): Promise<CommandOutput> {
  const locations = await configLocations(environment);
  const state = (exists: boolean): string => (exists ? '' : ' (not found)');
  const out = [
    locations.user
      ? `user:       ${locations.user.path}${state(locations.user.exists)}`
      : 'user:       (none: neither XDG_CONFIG_HOME nor HOME is set)',
    `repository: ${locations.repo.path}${state(locations.repo.exists)}`,
    ...(locations.userThemesDir ? [`themes:     ${locations.userThemesDir}/<name>.json`] : []),
    `built-in:   ${locations.builtinThemesDir.replace(/\/$/u, '')}`,
  ];
  return { exitCode: 0, stdout: lines(...out), stderr: '' };
}

/**
 * Every theme with a sample line in its own colours (plain text when not writing to a terminal); the
 * theme in use is marked with `*`.
 */
export async function themesCommand(environment: ConfigEnvironment, knowledge: ConfigKnowledge, isTTY: boolean): Promise<CommandOutput> {
  const locations = await configLocations(environment);
  const themes = await readThemeCatalog(locations, environment.env);
  const texts = await readConfigTexts(locations, environment.env);
  const loaded = texts.ok ? loadConfig(texts.value, { ...knowledge, themes, checks: schemaChecks }) : undefined;
  const current = loaded?.ok ? loaded.value.config.theme : configuredThemeName(texts.ok ? texts.value : []);

  const depth = isTTY ? detectColorDepth(environment.env) : 'mono';
  const width = Math.max(...[...themes.keys()].map((name) => name.length));
  const out = [...themes.values()].map((source) => {
    const marker = source.name === current ? '*' : ' ';
    const name = source.name.padEnd(width);
    const parsed = parseTheme(source);
    if (!parsed.ok) return `${marker} ${name}  invalid: ${formatConfigError(parsed.errors[0]!)}`;
    const origin = source.origin === 'user' ? (source.shadowsBuiltIn ? ' (yours, replaces the built-in)' : ' (yours)') : '';
    const preview = themePreview(resolveTheme(parsed.value, depth), !isTTY);
    return `${marker} ${name}  ${preview}  ${parsed.value.description ?? ''}${origin}`.trimEnd();
  });
  return { exitCode: 0, stdout: lines(...out), stderr: '' };
}

/** The theme named by the last file that names one, even if something else in the files is wrong. */
function configuredThemeName(texts: readonly { file: string; text: string }[]): string {
  let theme = 'default';
  for (const text of texts) {
    const parsed = parseConfigText(text);
    if (parsed.ok && parsed.value.theme) theme = parsed.value.theme;
  }
  return theme;
}
