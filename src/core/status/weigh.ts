/**
 * One observation weighed: what the screen says (detect.ts), what the agent last reported
 * (agent-events.ts), and the debouncer (debounce.ts) give the next published status and its source.
 *
 * The agent's word is taken at once and over the screen's rules; only a question on screen — a rule that
 * says `waiting`, or the terminal being read — beats it, because a menu drawn without a report is still
 * the user's to answer. The server's tracker and the status benchmark's replay both weigh through here.
 *
 * A keystroke ends a report of rest or of a question (`afterInput`): the user answered, or is starting a
 * turn that an agent reporting only turn ends (Codex's notify) will not announce, so the screen decides
 * until the agent's next report. A report of work holds: typing ahead does not stop a turn.
 */
import type { StatusSource } from '../session/session.js';
import { nextStatus, type DebounceTiming, DEFAULT_DEBOUNCE_TIMING, type StatusState } from './debounce.js';
import { detectionSource, type Detection } from './detect.js';
import type { RawStatus } from './rules.js';

export interface Weighed {
  readonly state: StatusState;
  readonly source: StatusSource;
}

export function weigh(
  state: StatusState,
  source: StatusSource,
  detection: Detection,
  reported: RawStatus | undefined,
  now: number,
  timing: DebounceTiming = DEFAULT_DEBOUNCE_TIMING,
): Weighed {
  if (reported !== undefined && detection.status !== 'waiting') {
    return { state: nextStatus(state, { kind: 'reported', status: reported, now }, timing), source: 'hook' };
  }
  const next = nextStatus(state, { kind: 'observed', status: detection.status, now, byRule: detection.reason.kind === 'rule' }, timing);
  return { state: next, source: next.status === detection.status ? detectionSource(detection) : source };
}

/** What is left of the agent's last report once the user types (see above). */
export function afterInput(reported: RawStatus | undefined): RawStatus | undefined {
  return reported === 'working' ? reported : undefined;
}
