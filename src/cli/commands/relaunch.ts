import { listedSessions } from '../../core/session/targets.js';
import { repositoryOf } from '../../io/repository.js';
import { UsageError, type CliCommand } from '../command.js';
import { listSessions, resolveTarget, withHost } from '../targets.js';

export const relaunchCommand: CliCommand = {
  name: 'relaunch',
  usage: 'grove relaunch SESSION | --all',
  summary: "Start an exited or dead session again, in the same folder, resuming its conversation (--all: every session of this repository whose server stopped)",
  options: { all: { type: 'boolean', short: 'a' } },
  positionals: { min: 0, max: 1 },
  run: (args, context) => {
    const all = args.values.all === true;
    if (all === (args.positionals.length === 1)) throw new UsageError('relaunch: name one session, or --all');
    return withHost(context.connect(true), async (host) => {
      const sessions = all
        ? listedSessions(await listSessions(host), repositoryOf(context.cwd)).filter((s) => s.status === 'dead')
        : [await resolveTarget(host, args.positionals[0]!, context.cwd)];
      for (const session of sessions) {
        await host.relaunch(session.id);
        if (all) context.out(`${session.name}\n`);
      }
      return 0;
    });
  },
};
