import { resolve } from 'node:path';
import { stringOption, type CliCommand } from '../command.js';
import { withHost } from '../targets.js';

export const newCommand: CliCommand = {
  name: 'new',
  usage: 'grove new [--name NAME] [--cwd DIR] [-- COMMAND ARGS…]',
  summary: 'Start a session (default command: $SHELL) and print its name',
  options: { name: { type: 'string', short: 'n' }, cwd: { type: 'string', short: 'c' } },
  positionals: { min: 0, max: 0 },
  takesRest: true,
  run: (args, context) =>
    withHost(context.connect(true), async (host) => {
      const [command, ...rest] = args.rest.length ? args.rest : [context.env.SHELL || '/bin/sh'];
      const name = stringOption(args, 'name');
      const session = await host.create({
        ...(name !== undefined ? { name } : {}),
        command: command!,
        args: rest,
        cwd: resolve(context.cwd, stringOption(args, 'cwd') ?? '.'),
      });
      context.out(`${session.name}\n`);
      return 0;
    }),
};
