/**
 * `grove wait`: a script's way to wait for a session, and the waiting half of `grove send --wait`.
 *
 * A status is a state, but a script usually waits for an event: "the turn my prompt started has ended".
 * So besides `--until STATUS` (at once if the session is already there), `--next` waits for the next
 * arrival at it, and `turnEnd` for the first rest after a given moment. Exit codes tell the outcomes
 * apart without parsing text: 0 reached (for a turn: idle), 3 it waits for the user, 4 it exited,
 * 1 the timeout passed.
 */
import { filter, firstValueFrom, map, timeout, type Observable } from 'rxjs';
import type { RemoteHost } from '../../client/remote-host.js';
import type { SessionInfo, SessionStatus } from '../../core/session/session.js';
import { stringOption, UsageError, type CliCommand, type ParsedArgs } from '../command.js';
import { resolveTarget, withHost } from '../targets.js';

const UNTIL = ['working', 'waiting', 'idle', 'exited'] as const;

const WAIT_EXIT = { reached: 0, timeout: 1, waiting: 3, exited: 4 } as const;

/** Whether `session` has reached `until`; a session that has ended has reached every state it ever will. */
function reached(session: SessionInfo, until: SessionStatus): boolean {
  return session.status === until || (until === 'exited' && session.status === 'dead');
}

function ended(session: SessionInfo): boolean {
  return session.status === 'exited' || session.status === 'dead';
}

/** The timeout option in milliseconds (Infinity without one). */
export function timeoutOption(args: ParsedArgs, command: string): number {
  const seconds = Number(stringOption(args, 'timeout') ?? 'Infinity');
  if (!(seconds > 0)) throw new UsageError(`${command}: --timeout must be a number of seconds above 0`);
  return seconds * 1000;
}

/** The first record of session `id` that satisfies `done`, or a one-line error on timeout or disappearance. */
async function firstWhere(host: RemoteHost, session: SessionInfo, ms: number, what: string, done: (s: SessionInfo) => boolean): Promise<SessionInfo> {
  const status$: Observable<SessionInfo | undefined> = host.sessions$.pipe(map((list) => list.find((s) => s.id === session.id)));
  let outcome = status$.pipe(filter((s) => s === undefined || done(s)));
  if (Number.isFinite(ms)) outcome = outcome.pipe(timeout({ first: ms }));
  try {
    const found = await firstValueFrom(outcome);
    if (!found) throw new Error(`session ${session.name} went away`);
    return found;
  } catch (err) {
    if ((err as Error).name !== 'TimeoutError') throw err;
    const now = (await firstValueFrom(status$))?.status ?? 'gone';
    throw new Error(`timed out after ${ms / 1000}s waiting for ${session.name} ${what} (it is ${now})`);
  }
}

/** Waits for the first rest (idle, waiting, exited) that began at or after `since` (server time); its exit code. */
export async function waitForTurnEnd(host: RemoteHost, session: SessionInfo, since: number, ms: number): Promise<number> {
  const rest = (s: SessionInfo) => (s.status === 'idle' || s.status === 'waiting' || ended(s)) && s.statusSince >= since;
  const end = await firstWhere(host, session, ms, 'to finish its turn', rest);
  return end.status === 'idle' ? WAIT_EXIT.reached : end.status === 'waiting' ? WAIT_EXIT.waiting : WAIT_EXIT.exited;
}

export const waitCommand: CliCommand = {
  name: 'wait',
  usage: 'grove wait SESSION --until working|waiting|idle|exited [--next] [--timeout SECONDS]',
  summary: 'Block until a session reaches a status (with --next: arrives at it anew); exit 0, or 1 on timeout',
  options: { until: { type: 'string', short: 'u' }, next: { type: 'boolean', short: 'n' }, timeout: { type: 'string', short: 't' } },
  positionals: { min: 1, max: 1 },
  run: (args, context) => {
    const until = stringOption(args, 'until');
    if (!until || !(UNTIL as readonly string[]).includes(until)) throw new UsageError(`wait: --until must be one of ${UNTIL.join(', ')}`);
    const ms = timeoutOption(args, 'wait');
    return withHost(context.connect(false), async (host) => {
      const session = await resolveTarget(host, args.positionals[0]!, context.cwd);
      // --next: an arrival after the status the session has now, so the current one does not count.
      const after = args.values.next ? session.statusSince : -Infinity;
      const done = (s: SessionInfo) => reached(s, until as SessionStatus) && (s.statusSince > after || (ended(s) && !ended(session)));
      await firstWhere(host, session, ms, `to be ${until}`, done);
      return WAIT_EXIT.reached;
    });
  },
};
