import type { CliCommand } from '../command.js';
import { listSessions, resolveTarget, withHost } from '../targets.js';

export const sendCommand: CliCommand = {
  name: 'send',
  usage: 'grove send SESSION TEXT [--enter]',
  summary: 'Type TEXT into a session (with --enter, press Enter after it)',
  options: { enter: { type: 'boolean', short: 'e' } },
  positionals: { min: 2, max: 2 },
  run: (args, context) =>
    withHost(context.connect(false), async (host) => {
      const [target, text] = args.positionals as [string, string];
      const session = await resolveTarget(host, target, context.cwd);
      host.input(session.id, text + (args.values.enter ? '\r' : ''));
      // One round trip, so the input has reached the server before we hang up.
      await listSessions(host);
      return 0;
    }),
};
