import type { CliCommand } from '../command.js';
import { resolveTarget, withHost } from '../targets.js';

export const captureCommand: CliCommand = {
  name: 'capture',
  usage: 'grove capture SESSION [--ansi] [--scrollback]',
  summary: "Print a session's screen as text (--ansi keeps colours, --scrollback includes history)",
  options: { ansi: { type: 'boolean', short: 'e' }, scrollback: { type: 'boolean', short: 'S' } },
  positionals: { min: 1, max: 1 },
  run: (args, context) =>
    withHost(context.connect(false), async (host) => {
      const session = await resolveTarget(host, args.positionals[0]!, context.cwd);
      const ansi = args.values.ansi === true;
      const text = await host.capture(session.id, { ansi, scrollback: args.values.scrollback === true });
      // --ansi asks for the pane's escape sequences (as tmux capture-pane -e does); grove wrote them from cells.
      (ansi ? context.outExact : context.out)(text.endsWith('\n') || text === '' ? text : text + '\n');
      return 0;
    }),
};
