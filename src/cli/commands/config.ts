/**
 * `grove config check` and `grove config path`: the rows for config-commands.ts's functions, which do
 * the work and hand back what to print. They are loaded when one of these commands runs, since they
 * bring the schemas (zod) that the rest of grove's command line starts without.
 */
import { terminalText } from '../../core/text/terminal-text.js';
import type { CommandOutput } from '../config-commands.js';
import { GROVE_KNOWLEDGE } from '../../core/config/knowledge.js';
import type { CliCommand, CliContext } from '../command.js';

/** The config commands' module, loaded when one of them runs (themes.ts's too). */
export const configCommands = () => import('../config-commands.js');

/** Prints a command's output, problems on stderr, and gives its exit status. */
export function emit(output: CommandOutput, context: CliContext): number {
  context.out(output.stdout);
  if (output.stderr) process.stderr.write(terminalText(output.stderr));
  return output.exitCode;
}

export const configCheckCommand: CliCommand = {
  name: 'config check',
  usage: 'grove config check',
  summary: 'Check the config files and themes: each problem as `file: setting: what was expected`',
  options: {},
  positionals: { min: 0, max: 0 },
  run: async (_args, context) => emit(await (await configCommands()).configCheck({ env: context.env, cwd: context.cwd }, GROVE_KNOWLEDGE), context),
};

export const configPathCommand: CliCommand = {
  name: 'config path',
  usage: 'grove config path',
  summary: 'Print where grove reads its config and themes from, and which of those files exist',
  options: {},
  positionals: { min: 0, max: 0 },
  run: async (_args, context) => emit(await (await configCommands()).configPath({ env: context.env, cwd: context.cwd }), context),
};

export const configTrustCommand: CliCommand = {
  name: 'config trust',
  usage: 'grove config trust [--revoke]',
  summary: "Trust this repository's .grove/config.json as it is now, so it may set agents, approval modes and paths (--revoke: no longer)",
  options: { revoke: { type: 'boolean' } },
  positionals: { min: 0, max: 0 },
  run: async (args, context) =>
    emit(await (await configCommands()).configTrust({ env: context.env, cwd: context.cwd }, GROVE_KNOWLEDGE, args.values.revoke === true), context),
};
