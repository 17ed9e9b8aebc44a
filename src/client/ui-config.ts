/**
 * What the UI takes from configuration before it draws anything: the keymap, the palette, the agents the
 * new-session dialog offers, and a warning worth showing once.
 *
 * It is all or nothing. Any problem in any config file, or in the theme it names, means no UI: every
 * problem is returned, to be printed one line each before the screen opens, so grove never runs on a
 * half-applied config. NO_COLOR needs no theme of its own: at depth `mono` every theme resolves to what the
 * `mono` theme says (resolve-theme.ts), so the configured theme is still checked and then drawn without colour.
 */
import { agentCatalog, type AgentCatalog } from '../core/agents/user-profiles.js';
import type { HostConfig } from '../core/config/config.js';
import { ok, type Result } from '../core/config/errors.js';
import type { Env } from '../core/config/paths.js';
import { tmuxPrefixWarning } from '../core/config/tmux-prefix.js';
import { Keymap } from '../core/keymap/keymap.js';
import { detectColorDepth, type ColorDepth } from '../core/screen/color.js';
import { paletteFor, type Palette } from './views/palette.js';
import { loadGroveConfig, queryTmuxPrefix } from '../io/config-files.js';
import { GROVE_KNOWLEDGE } from '../core/config/knowledge.js';

export interface UiConfig {
  readonly keymap: Keymap;
  readonly palette: Palette;
  /** What the terminal shows, for the renderer. */
  readonly depth: ColorDepth;
  /** For the status bar at start: settings of an untrusted repository config left out, or grove and the tmux around it share a prefix. */
  readonly warning: string | undefined;
  /** Whether grove takes the mouse. */
  readonly mouse: boolean;
  /** How a session that needs the user is announced. */
  readonly notify: { readonly bell: boolean; readonly desktop: boolean };
  /** Built-in agents as the config customises them, the ones it adds, and the default approval modes. */
  readonly agents: AgentCatalog;
  /** Other machines whose sessions the UI shows too. */
  readonly hosts: Readonly<Record<string, HostConfig>>;
}

export async function loadUiConfig(env: Env, cwd: string): Promise<Result<UiConfig>> {
  const loaded = await loadGroveConfig({ env, cwd }, GROVE_KNOWLEDGE);
  if (!loaded.ok) return loaded;
  const keymap = Keymap.build(loaded.value.keymap);
  const depth = detectColorDepth(env);
  // tmux is only asked when we run inside it: outside, there is nothing to clash with.
  const tmuxWarning = env['TMUX'] ? tmuxPrefixWarning(env, await queryTmuxPrefix(env), keymap.prefix) : undefined;
  // What an untrusted repository config was not allowed to set matters more than a shared prefix.
  const warning = loaded.value.notices[0] ?? tmuxWarning;
  const { mouse, notify, hosts } = loaded.value.config;
  return ok({ keymap, palette: paletteFor(loaded.value.theme, depth), depth, warning, mouse, notify, agents: agentCatalog(loaded.value.config), hosts });
}
