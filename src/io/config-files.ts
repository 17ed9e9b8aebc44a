/**
 * Configuration on disk: finds the user's and the repository's config files and the theme files, reads
 * them, and hands their texts to the pure loader (src/core/config/load.ts). Also asks tmux for its prefix.
 *
 * The environment and working directory are parameters, never process.env or process.cwd(), so tests
 * run against a temporary HOME. Only a missing file counts as "not configured"; any other failure to
 * read one (permissions, a folder where a file should be) is a config error like a bad value.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { failed, ok, type ConfigError, type Result } from '../core/config/errors.js';
import type { ConfigKnowledge } from '../core/config/knowledge.js';
import { DEFAULT_CONFIG } from '../core/config/config.js';
import { loadConfig, SHIPPED_ONLY, type ConfigChecks, type ConfigText, type LoadedConfig } from '../core/config/load.js';
import { displayPath, repoConfigFile, userConfigFile, userThemesDir, type Env } from '../core/config/paths.js';
import { buildThemeCatalog, themeNameOf, type ThemeCatalog, type ThemeSource } from '../core/theme/catalog.js';
import { trustOf } from './trust-store.js';

export interface ConfigEnvironment {
  readonly env: Env;
  readonly cwd: string;
}

/** What exists in this build of grove, for the checks the schema cannot make. */
export interface ConfigFileLocation {
  readonly path: string;
  /** As shown in messages: `~/.config/grove/config.json`, `.grove/config.json`. */
  readonly label: string;
  readonly exists: boolean;
}

export interface ConfigLocations {
  /** undefined when neither XDG_CONFIG_HOME nor HOME is set. */
  readonly user: ConfigFileLocation | undefined;
  /** The repository's file, or where it would be (the repository root, else the working directory). */
  readonly repo: ConfigFileLocation;
  readonly userThemesDir: string | undefined;
  readonly builtinThemesDir: string;
}

export interface LoadedGroveConfig extends LoadedConfig {
  readonly locations: ConfigLocations;
}

/** The package's own themes/ folder (this file is src/io, dist/io or dist/bundle: two levels below the package root). */
const BUILTIN_THEMES_DIR = fileURLToPath(new URL('../../themes/', import.meta.url));

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

/**
 * The repository's config file: `.grove/config.json` at the top of the repository holding `cwd` (a
 * folder with `.git`, which a worktree has too), never in a folder above it. Outside a repository, only
 * `cwd`'s own: a `.grove` folder planted in a parent such as /tmp applies to nobody.
 */
async function findRepoConfig(cwd: string, env: Env): Promise<ConfigFileLocation> {
  const start = resolve(cwd);
  for (let dir = start; ; dir = dirname(dir)) {
    if (await exists(join(dir, '.git'))) {
      const path = repoConfigFile(dir);
      return { path, label: labelFor(path, start, env), exists: await exists(path) };
    }
    if (dirname(dir) === dir) break;
  }
  const path = repoConfigFile(start);
  return { path, label: labelFor(path, start, env), exists: await exists(path) };
}

function labelFor(path: string, cwd: string, env: Env): string {
  const near = relative(cwd, path);
  return near.split('/').filter((part) => part === '..').length <= 2 ? near : displayPath(path, env);
}

export async function configLocations({ env, cwd }: ConfigEnvironment): Promise<ConfigLocations> {
  const userPath = userConfigFile(env);
  const user = userPath === undefined ? undefined : { path: userPath, label: displayPath(userPath, env), exists: await exists(userPath) };
  return { user, repo: await findRepoConfig(cwd, env), userThemesDir: userThemesDir(env), builtinThemesDir: BUILTIN_THEMES_DIR };
}

/** Reads a file, treating only "no such file" as absent. */
async function readIfPresent(path: string, label: string): Promise<Result<string | undefined>> {
  try {
    return ok(await readFile(path, 'utf8'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return ok(undefined);
    return failed([{ file: label, path: '', message: `cannot read: ${code ?? (err as Error).message}` }]);
  }
}

type FoundTheme = Omit<ThemeSource, 'origin' | 'shadowsBuiltIn'>;

/** The theme files in a folder (none if it does not exist), each labelled by `label`. */
async function readThemesIn(dir: string | undefined, label: (path: string, name: string) => string): Promise<FoundTheme[]> {
  if (dir === undefined) return [];
  const fileNames = await readdir(dir).catch(() => [] as string[]);
  const themes = await Promise.all(
    fileNames.map(async (fileName) => {
      const name = themeNameOf(fileName);
      if (name === undefined) return undefined;
      const path = join(dir, fileName);
      const text = await readFile(path, 'utf8').catch(() => undefined);
      return text === undefined ? undefined : { name, file: label(path, name), text };
    }),
  );
  return themes.filter((theme) => theme !== undefined);
}

export async function readThemeCatalog(locations: ConfigLocations, env: Env): Promise<ThemeCatalog> {
  const [builtIn, user] = await Promise.all([
    readThemesIn(locations.builtinThemesDir, (_path, name) => `themes/${name}.json`),
    readThemesIn(locations.userThemesDir, (path) => displayPath(path, env)),
  ]);
  return buildThemeCatalog(builtIn, user);
}

/** The config files that exist, user first, as texts for the loader; the repository's with its trust. */
export async function readConfigTexts(locations: ConfigLocations, env: Env): Promise<Result<ConfigText[]>> {
  const texts: ConfigText[] = [];
  const errors: ConfigError[] = [];
  for (const location of [locations.user, locations.repo]) {
    if (!location?.exists) continue;
    const read = await readIfPresent(location.path, location.label);
    if (!read.ok) errors.push(...read.errors);
    else if (read.value === undefined) continue;
    else if (location === locations.user) texts.push({ file: location.label, text: read.value });
    else texts.push({ file: location.label, text: read.value, trust: await trustOf(env, location.path, read.value) });
  }
  return errors.length ? failed(errors) : ok(texts);
}

/** Everything grove needs from configuration, or every problem with it. */
export async function loadGroveConfig(
  environment: ConfigEnvironment,
  knowledge: ConfigKnowledge,
): Promise<Result<LoadedGroveConfig>> {
  const locations = await configLocations(environment);
  const [texts, themes] = await Promise.all([readConfigTexts(locations, environment.env), readThemeCatalog(locations, environment.env)]);
  if (!texts.ok) return texts;
  const loaded = loadConfig(texts.value, { ...knowledge, themes, checks: await checksFor(texts.value, themes) });
  return loaded.ok ? ok({ ...loaded.value, locations }) : loaded;
}

/**
 * How the files read are checked. A file a user wrote is checked against its schema, which means loading
 * zod: the largest module grove has, a fifth of the UI's start-up when it was always loaded. With no
 * config file and the built-in default theme, nothing a user wrote is read, and zod stays unloaded.
 */
async function checksFor(texts: readonly ConfigText[], themes: ThemeCatalog): Promise<ConfigChecks> {
  if (texts.length === 0 && themes.get(DEFAULT_CONFIG.theme)?.origin === 'built-in') return SHIPPED_ONLY;
  return (await import('../core/config/schema-checks.js')).schemaChecks;
}

/** tmux's global prefix (`C-b`), or undefined when tmux is not there to ask. */
export function queryTmuxPrefix(env: Env): Promise<string | undefined> {
  return new Promise((done) => {
    execFile('tmux', ['show-options', '-gv', 'prefix'], { env: { ...env }, timeout: 2000 }, (err, stdout) => {
      const prefix = String(stdout).trim();
      done(err || !prefix || prefix === 'None' ? undefined : prefix);
    });
  });
}
