import type { CliCommand } from '../command.js';
import { resolveTarget, withHost } from '../targets.js';

export const killCommand: CliCommand = {
  name: 'kill',
  usage: 'grove kill SESSION',
  summary: 'End a session: SIGTERM to its programs, SIGKILL if they linger',
  options: {},
  positionals: { min: 1, max: 1 },
  run: (args, context) =>
    withHost(context.connect(false), async (host) => {
      const session = await resolveTarget(host, args.positionals[0]!, context.cwd);
      await host.kill(session.id);
      return 0;
    }),
};
