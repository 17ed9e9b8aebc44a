import { commandLine, statusLabel } from '../../core/session/display.js';
import type { CliCommand } from '../command.js';
import { listSessions, withHost } from '../targets.js';

export const lsCommand: CliCommand = {
  name: 'ls',
  usage: 'grove ls [--json]',
  summary: 'List sessions: index, name, status, isolation, folder, command',
  options: { json: { type: 'boolean' } },
  positionals: { min: 0, max: 0 },
  run: (args, context) =>
    withHost(context.connect(false), async (host) => {
      const sessions = await listSessions(host);
      if (args.values.json) {
        context.out(JSON.stringify(sessions, null, 2) + '\n');
        return 0;
      }
      sessions.forEach((s, index) => {
        context.out(`${index}\t${s.name}\t${statusLabel(s)}\t${s.isolation}\t${s.cwd}\t${commandLine(s)}\n`);
      });
      return 0;
    }),
};
