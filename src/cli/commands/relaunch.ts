import type { CliCommand } from '../command.js';
import { resolveTarget, withHost } from '../targets.js';

export const relaunchCommand: CliCommand = {
  name: 'relaunch',
  usage: 'grove relaunch SESSION',
  summary: 'Start an exited or dead session again, in the same folder',
  options: {},
  positionals: { min: 1, max: 1 },
  run: (args, context) =>
    withHost(context.connect(true), async (host) => {
      const session = await resolveTarget(host, args.positionals[0]!, context.cwd);
      await host.relaunch(session.id);
      return 0;
    }),
};
