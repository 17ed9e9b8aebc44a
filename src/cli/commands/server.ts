import type { CliCommand } from '../command.js';
import { withHost } from '../targets.js';

export const serverStopCommand: CliCommand = {
  name: 'server stop',
  usage: 'grove server stop',
  summary: 'Stop the server and end every session',
  options: {},
  positionals: { min: 0, max: 0 },
  run: (_args, context) =>
    withHost(context.connect(false), async (host) => {
      await host.request('stop', {});
      await host.closed;
      return 0;
    }),
};

export const serverRunCommand: CliCommand = {
  name: 'server run',
  usage: 'grove server run',
  summary: 'Run the server in the foreground (grove starts it by itself when needed)',
  options: {},
  positionals: { min: 0, max: 0 },
  // Loaded here, not at start: only the server process needs the server's code.
  run: async (_args, context) => (await import('../../server/main.js')).runServer(context.location),
};
