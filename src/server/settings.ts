/**
 * The settings the server runs with: how many lines of scrollback each pane keeps, and whether programs
 * may set the user's clipboard.
 *
 * They are read once, when the server starts, as tmux reads its server options. The server outlives any
 * one repository, so they are the user's own settings: the config is looked up from the server's state
 * folder, where no repository's `.grove/config.json` applies (a repository must not be able to let its
 * programs write to the user's clipboard). A config with problems leaves the defaults in place; the
 * problems go to the server log, since there is no terminal to show them on.
 */
import { DEFAULT_CONFIG } from '../core/config/config.js';
import { formatConfigError } from '../core/config/errors.js';
import { loadGroveConfig } from '../io/config-files.js';
import { GROVE_KNOWLEDGE } from '../core/config/knowledge.js';

export interface ServerSettings {
  readonly scrollback: number;
  readonly programClipboard: boolean;
}

export async function loadServerSettings(env: NodeJS.ProcessEnv, stateFolder: string, log: (line: string) => void): Promise<ServerSettings> {
  const loaded = await loadGroveConfig({ env, cwd: stateFolder }, GROVE_KNOWLEDGE);
  if (!loaded.ok) {
    for (const error of loaded.errors) log(`config: ${formatConfigError(error)} (using the defaults)`);
    return { scrollback: DEFAULT_CONFIG.scrollback, programClipboard: DEFAULT_CONFIG.programClipboard };
  }
  const { scrollback, programClipboard } = loaded.value.config;
  return { scrollback, programClipboard };
}
