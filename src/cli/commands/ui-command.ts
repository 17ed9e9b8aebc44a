/**
 * `grove NAME [SESSION] [ARGS]` for every key command that has no grove command of its own (a layout, a
 * zoom, copy mode): the server hands it to the attached UI, which runs it as the key would — on the session
 * named, found by the one resolver as `grove ls` numbers sessions here, or on its focused one. So any key
 * can be pressed from a script, as tmux's commands can be run from a shell.
 */
import type { Command } from '../../core/commands/command.js';
import type { CliCommand } from '../command.js';
import { resolveTarget, withHost } from '../targets.js';

export function uiCommand(command: Command): CliCommand {
  const args = command.args ?? [];
  const takesSession = command.target !== 'none';
  return {
    name: command.name,
    usage: ['grove', command.name, ...(takesSession ? ['[SESSION]'] : []), ...args].join(' '),
    summary: command.description,
    options: {},
    positionals: { min: args.length, max: args.length + (takesSession ? 1 : 0) },
    run: (parsed, context) =>
      withHost(context.connect(false), async (host) => {
        const named = takesSession && parsed.positionals.length > args.length ? parsed.positionals[0]! : undefined;
        const session = named === undefined ? undefined : (await resolveTarget(host, named, context.cwd)).id;
        await host.request('command', { name: command.name, ...(session ? { session } : {}), args: parsed.positionals.slice(named === undefined ? 0 : 1) });
        return 0;
      }),
  };
}
