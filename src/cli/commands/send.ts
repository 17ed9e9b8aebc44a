import type { CliCommand } from '../command.js';
import { resolveTarget, withHost } from '../targets.js';
import { timeoutOption, waitForTurnEnd } from './wait.js';

export const sendCommand: CliCommand = {
  name: 'send',
  usage: 'grove send SESSION TEXT [--enter [--wait [--timeout SECONDS]]]',
  summary: 'Type TEXT into a session (--enter submits it; --wait then waits for the turn: 0 idle, 3 waiting, 4 exited, 1 timeout)',
  options: { enter: { type: 'boolean', short: 'e' }, wait: { type: 'boolean', short: 'w' }, timeout: { type: 'string', short: 't' } },
  positionals: { min: 2, max: 2 },
  run: (args, context) => {
    const ms = timeoutOption(args, 'send');
    return withHost(context.connect(false), async (host) => {
      const [target, text] = args.positionals as [string, string];
      const session = await resolveTarget(host, target, context.cwd);
      const enter = args.values.enter === true || args.values.wait === true;
      // Answered once the server has written Enter, as its own write after the text (hosted-session.ts).
      const { sentAt } = await host.request('send', { session: session.id, text, enter });
      return args.values.wait ? waitForTurnEnd(host, session, sentAt, ms) : 0;
    });
  },
};
