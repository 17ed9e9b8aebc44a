import type { CliCommand } from '../command.js';
import { resolveTarget, withHost } from '../targets.js';

export const explainCommand: CliCommand = {
  name: 'explain',
  usage: 'grove explain SESSION',
  summary: 'Say why a session has its status: the agent report or screen rule, and the lines it matched',
  options: {},
  positionals: { min: 1, max: 1 },
  run: (args, context) =>
    withHost(context.connect(false), async (host) => {
      const session = await resolveTarget(host, args.positionals[0]!, context.cwd);
      const lines = await host.request('explain', { session: session.id });
      context.out(`${session.name}: ${lines.join('\n')}\n`);
      return 0;
    }),
};
