/**
 * Loading configuration, start to finish, without touching a disk: the io layer reads the files and the
 * themes and hands their texts here (src/io/config-files.ts), so every step is testable with strings.
 *
 * The steps: parse each file as JSON and check it against the schema; merge them in order (user, then
 * repository); fill in defaults; then check what the schema could not — that the theme exists and is
 * itself valid, that agents and commands named exist, that key bindings do not clash. Every problem from
 * every step is collected, and the result is the whole configuration or only errors.
 *
 * Checking a file against its schema is a port (ConfigChecks): schema-checks.ts does it with zod, and
 * SHIPPED_ONLY stands in when no file a user wrote is read, so the UI starts without loading zod.
 */
import type { KeyBinding } from '../keymap/bindings.js';
import type { KeymapConfig } from '../keymap/keymap.js';
import type { ThemeCatalog, ThemeSource } from '../theme/catalog.js';
import type { Theme } from '../theme/theme.js';
import { withDefaults, type GroveConfig } from './config.js';
import { failed, formatPath, ok, type ConfigError, type PathSegment, type Result } from './errors.js';
import { parseJsonText } from './json-text.js';
import { resolveKeymapConfig, type CommandInfo } from './keymap-config.js';
import { mergeFiles, originOf, type ParsedFile } from './merge.js';
import type { ConfigFile } from './schema.js';
import { didYouMean } from './suggest.js';
import { ignoredNotice, withoutPrivileged, type RepoTrust } from './trust.js';

/** A config file's text and how to name it in messages; files later in a list override earlier ones. */
export interface ConfigText {
  readonly file: string;
  readonly text: string;
  /** A repository's file, and whether the user trusted this text of it (trust.ts); absent for the user's own. */
  readonly trust?: RepoTrust;
}

/** Parsing and checking one file of each kind against its schema. */
export interface ConfigChecks {
  configFile(source: ConfigText): Result<ConfigFile>;
  theme(source: ConfigText): Result<Theme>;
}

/**
 * The checks when nothing a user wrote is read: no config file, and a theme shipped with grove, which
 * the tests check against the theme schema (test/unit/theme-resolve.test.ts), so it is only parsed.
 */
export const SHIPPED_ONLY: ConfigChecks = {
  configFile: (source) => failed([{ file: source.file, path: '', message: 'was read without its schema (a bug in grove)' }]),
  theme: (source) => {
    const json = parseJsonText(source.file, source.text);
    return json.ok ? ok(json.value as Theme) : json;
  },
};

/** What exists, for the checks the schema cannot make, and how files are checked. */
export interface ConfigContext {
  readonly checks: ConfigChecks;
  readonly themes: ThemeCatalog;
  readonly commands: readonly CommandInfo[];
  /** The default key table (DEFAULT_BINDINGS). */
  readonly bindings: readonly KeyBinding[];
  /** Names of the agents grove knows without configuration. */
  readonly builtinAgents: readonly string[];
}

export interface LoadedConfig {
  readonly config: GroveConfig;
  /** For Keymap.build. */
  readonly keymap: KeymapConfig;
  readonly theme: Theme;
  readonly themeSource: ThemeSource;
  /** One line per file whose settings were left out until the user trusts it, to be shown, never logged only. */
  readonly notices: readonly string[];
}

export function loadConfig(files: readonly ConfigText[], context: ConfigContext): Result<LoadedConfig> {
  const parsed: ParsedFile<ConfigFile>[] = [];
  const errors: ConfigError[] = [];
  const notices: string[] = [];
  for (const source of files) {
    const result = context.checks.configFile(source);
    if (!result.ok) errors.push(...result.errors);
    else if (source.trust === undefined || source.trust === 'trusted') parsed.push({ file: source.file, data: result.value });
    else {
      const restricted = withoutPrivileged(result.value, context.builtinAgents);
      parsed.push({ file: source.file, data: restricted.file });
      if (restricted.ignored.length) notices.push(ignoredNotice(source.file, source.trust, restricted.ignored));
    }
  }
  if (errors.length) return failed(errors);

  const merged = mergeFiles(parsed);
  const config = withDefaults(merged.data, merged.origins);
  const report = (path: readonly PathSegment[], message: string): void => {
    errors.push({ file: originOf(config.origins, path) ?? 'config', path: formatPath(path), message });
  };

  const themeSource = context.themes.get(config.theme);
  let theme: Theme | undefined;
  if (!themeSource) {
    const names = [...context.themes.keys()];
    report(['theme'], `no theme "${config.theme}"${didYouMean(config.theme, names)}; themes: ${names.join(', ')}`);
  } else {
    const result = context.checks.theme(themeSource);
    if (result.ok) theme = result.value;
    else errors.push(...result.errors);
  }

  checkAgents(config, context.builtinAgents, report);

  const keymap = resolveKeymapConfig(config, context.bindings, context.commands);
  if (!keymap.ok) errors.push(...keymap.errors);

  if (errors.length || !keymap.ok || !theme || !themeSource) return failed(errors);
  return ok({ config, keymap: keymap.value, theme, themeSource, notices });
}

function checkAgents(
  config: GroveConfig,
  builtinAgents: readonly string[],
  report: (path: readonly PathSegment[], message: string) => void,
): void {
  const known = [...new Set([...builtinAgents, ...Object.keys(config.agents)])];
  const builtins = builtinAgents.length ? `built-in agents: ${builtinAgents.join(', ')}` : 'there are no built-in agents';
  for (const [name, profile] of Object.entries(config.agents)) {
    if (!builtinAgents.includes(name) && profile.command === undefined) {
      report(['agents', name, 'command'], `missing: "${name}" is not a built-in agent, so it needs a command (${builtins})`);
    }
  }
  // The default names an agent only if someone set it; the built-in default need not exist in every build.
  if (config.origins.has('defaultAgent') && !known.includes(config.defaultAgent)) {
    report(['defaultAgent'], `no agent "${config.defaultAgent}"${didYouMean(config.defaultAgent, known)}; agents: ${known.join(', ')}`);
  }
}
