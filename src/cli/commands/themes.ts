/**
 * `grove themes`: the row for config-commands.ts's listing. Samples are coloured only on a terminal, so
 * the output of `grove themes > file` is plain text.
 */
import { GROVE_KNOWLEDGE } from '../../core/config/knowledge.js';
import type { CliCommand } from '../command.js';
import { configCommands, emit } from './config.js';

export const themesCommand: CliCommand = {
  name: 'themes',
  usage: 'grove themes',
  summary: 'List the themes, each with a sample in its colours; * marks the one in use',
  options: {},
  positionals: { min: 0, max: 0 },
  run: async (_args, context) => {
    const { themesCommand: listThemes } = await configCommands();
    return emit(await listThemes({ env: context.env, cwd: context.cwd }, GROVE_KNOWLEDGE, process.stdout.isTTY === true), context);
  },
};
