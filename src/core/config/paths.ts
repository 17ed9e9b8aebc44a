/**
 * Where grove looks for configuration, computed from the environment it is given (core never reads
 * process.env): the user's folder follows the XDG base directory spec, `$XDG_CONFIG_HOME/grove`, else
 * `~/.config/grove`; a repository's settings live in `.grove/config.json` at its root.
 */

export type Env = Readonly<Record<string, string | undefined>>;

const CONFIG_FILE_NAME = 'config.json';
const REPO_CONFIG_DIR = '.grove';
const THEMES_DIR_NAME = 'themes';

const join = (...parts: string[]): string => parts.join('/').replace(/\/{2,}/gu, '/');

/** The user's grove config folder, or undefined when neither XDG_CONFIG_HOME nor HOME is usable. */
function userConfigDir(env: Env): string | undefined {
  // The spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const xdg = env['XDG_CONFIG_HOME'];
  if (xdg && xdg.startsWith('/')) return join(xdg, 'grove');
  const home = env['HOME'];
  return home && home.startsWith('/') ? join(home, '.config', 'grove') : undefined;
}

export function userConfigFile(env: Env): string | undefined {
  const dir = userConfigDir(env);
  return dir === undefined ? undefined : join(dir, CONFIG_FILE_NAME);
}

export function userThemesDir(env: Env): string | undefined {
  const dir = userConfigDir(env);
  return dir === undefined ? undefined : join(dir, THEMES_DIR_NAME);
}

export function repoConfigFile(repoRoot: string): string {
  return join(repoRoot, REPO_CONFIG_DIR, CONFIG_FILE_NAME);
}

/** A path as shown to the user: under HOME it starts with `~`. */
export function displayPath(path: string, env: Env): string {
  const home = env['HOME'];
  if (home && home !== '/' && (path === home || path.startsWith(`${home.replace(/\/$/u, '')}/`))) {
    return `~${path.slice(home.replace(/\/$/u, '').length)}`;
  }
  return path;
}

/**
 * Where the hashes of the repository config files the user trusted are kept (trust.ts): user data, not
 * configuration, so a repository's file can never name itself trusted. `$XDG_DATA_HOME/grove`, else
 * `~/.local/share/grove`.
 */
export function trustStoreFile(env: Env): string | undefined {
  const xdg = env['XDG_DATA_HOME'];
  if (xdg && xdg.startsWith('/')) return join(xdg, 'grove', 'trusted.json');
  const home = env['HOME'];
  return home && home.startsWith('/') ? join(home, '.local', 'share', 'grove', 'trusted.json') : undefined;
}
