/**
 * A recorded agent session replayed through grove's status logic on a virtual clock: the recording's
 * output into an emulator, its keystrokes and hook reports at their times, and an observation every
 * TICK_MS weighed as the server's tracker weighs it (core/status/weigh.ts). Compared with the recording's
 * truth marks, it gives the figures the status benchmark prints and the recordings test holds:
 * accuracy (overall, and away from transitions), the lag of each transition, and flaps.
 *
 * Recordings come from scripts/record-agents.js: `events` of output (`o`), input (`i`) and hook reports
 * (`hook`, with `notification` for Notification hooks), and `marks`, each the true status from its time on.
 */
import { compileStatusRules } from '../core/status/rules.js';
import { initialStatus, type StatusState } from '../core/status/debounce.js';
import { detectStatus } from '../core/status/detect.js';
import { screenText } from '../core/status/observation.js';
import { agentReport, reportedStatus } from '../core/status/agent-events.js';
import { afterInput, weigh } from '../core/status/weigh.js';
import type { RawStatus, StatusRule } from '../core/status/rules.js';
import type { SessionStatus, StatusSource } from '../core/session/session.js';
import { PaneEmulator } from './pane-emulator.js';

const TICK_MS = 100;
/** Samples this close after a transition are "near" it; the rest must be right without excuse. */
const NEAR_TRANSITION_MS = 1000;
/** A published status that changes back within this while the truth holds is a flap. */
const FLAP_MS = 2000;

export interface Recording {
  readonly scenario: string;
  readonly agent: string;
  readonly version: string;
  readonly cols: number;
  readonly rows: number;
  readonly end: number;
  readonly marks: readonly { readonly t: number; readonly status: RawStatus }[];
  readonly events: readonly RecordedEvent[];
}

export type RecordedEvent =
  | { readonly t: number; readonly o: string }
  | { readonly t: number; readonly i: string }
  | { readonly t: number; readonly hook: string; readonly notification?: string };

export interface ReplayResult {
  readonly samples: number;
  readonly right: number;
  readonly steadySamples: number;
  readonly steadyRight: number;
  /** Per transition: ms from the true change to grove showing it (undefined: never, before the next); `reported`: the agent's hook said so. */
  readonly lags: readonly { readonly to: RawStatus; readonly ms: number | undefined; readonly reported: boolean }[];
  readonly flaps: number;
  /** What grove showed at each sample, for a failing test's message. */
  readonly timeline: readonly { readonly t: number; readonly truth: RawStatus; readonly shown: SessionStatus }[];
}

export async function replayStatus(recording: Recording, rules: readonly StatusRule[], useHooks = true): Promise<ReplayResult> {
  const compiled = compileStatusRules(rules);
  const emulator = new PaneEmulator({ cols: recording.cols, rows: recording.rows, scrollback: 0, onReply: () => undefined });
  const events = [...recording.events].sort((a, b) => a.t - b.t);
  let state: StatusState = initialStatus(0);
  let source: StatusSource = 'lifecycle';
  let lastOutputAt: number | undefined;
  let lastInputAt: number | undefined;
  let reported: RawStatus | undefined;
  let next = 0;
  const shown: { t: number; status: SessionStatus }[] = [];
  const observe = (now: number): void => {
    if (lastOutputAt === undefined) return void shown.push({ t: now, status: state.status });
    const { lines, cursorText } = screenText(emulator.frame());
    const detection = detectStatus(compiled, { lines, cursorText, title: emulator.title, now, lastOutputAt, ...(lastInputAt !== undefined ? { lastInputAt } : {}) });
    ({ state, source } = weigh(state, source, detection, reported, now));
    shown.push({ t: now, status: state.status });
  };
  try {
    for (let now = 0; now <= recording.end; now += TICK_MS) {
      for (; next < events.length && events[next]!.t <= now; next++) {
        const event = events[next]!;
        if ('o' in event) {
          await new Promise<void>((done) => emulator.write(event.o, done));
          lastOutputAt = event.t;
        } else if ('i' in event) {
          lastInputAt = event.t;
          reported = afterInput(reported);
        } else if (useHooks) {
          const status = hookStatus(event);
          if (status !== undefined) {
            reported = status;
            lastOutputAt ??= event.t;
            observe(event.t);
          }
        }
      }
      observe(now);
    }
  } finally {
    emulator.dispose();
  }
  return score(recording, shown.filter((s) => s.t % TICK_MS === 0), shown, useHooks);
}

function hookStatus(event: { readonly hook: string; readonly notification?: string }): RawStatus | undefined {
  return reportedStatus(agentReport(event.hook, event.notification ? { notification_type: event.notification } : {}));
}

function score(recording: Recording, samples: { t: number; status: SessionStatus }[], all: { t: number; status: SessionStatus }[], useHooks: boolean): ReplayResult {
  // The agent knows when its turn ended before its screen shows it: a hook that reports the status of the
  // next mark, within a second before it, moves that mark to the hook's time.
  const hooks = useHooks ? recording.events.filter((e): e is Extract<RecordedEvent, { hook: string }> => 'hook' in e) : [];
  const marks = recording.marks.map((mark) => {
    const early = hooks.find((e) => e.t < mark.t && mark.t - e.t < NEAR_TRANSITION_MS && hookStatus(e) === mark.status);
    return early ? { ...mark, t: early.t } : mark;
  });
  const truthAt = (t: number) => [...marks].reverse().find((m) => m.t <= t);
  const timeline = samples.filter((s) => truthAt(s.t)).map((s) => ({ t: s.t, truth: truthAt(s.t)!.status, shown: s.status }));
  const steady = timeline.filter((s) => s.t - truthAt(s.t)!.t >= NEAR_TRANSITION_MS);
  const lags = marks.map((mark, index) => {
    const until = marks[index + 1]?.t ?? Infinity;
    const seen = all.find((s) => s.t >= mark.t && s.t < until && s.status === mark.status);
    const hookNear = useHooks && recording.events.some((e) => 'hook' in e && Math.abs(e.t - mark.t) < NEAR_TRANSITION_MS && hookStatus(e) === mark.status);
    return { to: mark.status, ms: seen ? seen.t - mark.t : undefined, reported: hookNear };
  });
  let flaps = 0;
  for (let i = 1; i < timeline.length; i++) {
    if (timeline[i]!.shown === timeline[i - 1]!.shown) continue;
    const back = timeline.slice(i + 1).find((s) => s.t - timeline[i]!.t <= FLAP_MS && s.shown === timeline[i - 1]!.shown);
    if (back && truthAt(back.t) === truthAt(timeline[i - 1]!.t)) flaps++;
  }
  return {
    samples: timeline.length,
    right: timeline.filter((s) => s.shown === s.truth).length,
    steadySamples: steady.length,
    steadyRight: steady.filter((s) => s.shown === s.truth).length,
    lags,
    flaps,
    timeline,
  };
}
