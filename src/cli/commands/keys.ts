/**
 * `grove keys`: the key bindings as `prefix ?` shows them, with the user's config applied (tmux's
 * `list-keys`), so they can be read, searched or grepped outside the UI.
 */
import { loadUiConfig } from '../../client/ui-config.js';
import { helpLines } from '../../client/views/help-overlay.js';
import { formatConfigError } from '../../core/config/errors.js';
import type { CliCommand } from '../command.js';

export const keysCommand: CliCommand = {
  name: 'keys',
  usage: 'grove keys',
  summary: 'List the key bindings, as the UI\'s help (C-b ?) shows them with your config',
  options: {},
  positionals: { min: 0, max: 0 },
  run: async (_args, context) => {
    const loaded = await loadUiConfig(context.env, context.cwd);
    if (!loaded.ok) throw new Error(`${formatConfigError(loaded.errors[0]!)} (grove config check lists every problem)`);
    context.out(`${helpLines(loaded.value.keymap, loaded.value.agents.profiles).join('\n')}\n`);
    return 0;
  },
};
