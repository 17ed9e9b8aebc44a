import { filter, firstValueFrom, map, timeout } from 'rxjs';
import type { SessionInfo, SessionStatus } from '../../core/session/session.js';
import { stringOption, UsageError, type CliCommand } from '../command.js';
import { resolveTarget, withHost } from '../targets.js';

const UNTIL = ['working', 'waiting', 'idle', 'exited'] as const;

/** Whether `session` has reached `until`; a session that has ended has reached every state it ever will. */
function reached(session: SessionInfo, until: SessionStatus): boolean {
  return session.status === until || (until === 'exited' && session.status === 'dead');
}

export const waitCommand: CliCommand = {
  name: 'wait',
  usage: 'grove wait SESSION --until working|waiting|idle|exited [--timeout SECONDS]',
  summary: 'Block until a session reaches a status (exit 0), or the timeout passes (exit 1)',
  options: { until: { type: 'string', short: 'u' }, timeout: { type: 'string', short: 't' } },
  positionals: { min: 1, max: 1 },
  run: (args, context) => {
    const until = stringOption(args, 'until');
    if (!until || !(UNTIL as readonly string[]).includes(until)) throw new UsageError(`wait: --until must be one of ${UNTIL.join(', ')}`);
    const seconds = Number(stringOption(args, 'timeout') ?? 'Infinity');
    if (!(seconds > 0)) throw new UsageError('wait: --timeout must be a number of seconds above 0');
    return withHost(context.connect(false), async (host) => {
      const { id, name } = await resolveTarget(host, args.positionals[0]!, context.cwd);
      const status$ = host.sessions$.pipe(map((list) => list.find((s) => s.id === id)));
      let outcome = status$.pipe(filter((session) => session === undefined || reached(session, until as SessionStatus)));
      if (Number.isFinite(seconds)) outcome = outcome.pipe(timeout({ first: seconds * 1000 }));
      try {
        const session = await firstValueFrom(outcome);
        if (!session) throw new Error(`session ${name} went away`);
        return 0;
      } catch (err) {
        if ((err as Error).name !== 'TimeoutError') throw err;
        const now = (await firstValueFrom(status$))?.status ?? 'gone';
        throw new Error(`timed out after ${seconds}s waiting for ${name} to be ${until} (it is ${now})`);
      }
    });
  },
};
