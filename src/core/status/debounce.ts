/**
 * The status debouncer: raw detections in, the status people see out, without flapping.
 *
 * A pure state machine over plain data. Each event carries its own `now`, so time is whatever the caller
 * says it is (tests use a fake clock; the server passes Date.now()). The published status changes only
 * when a different raw status has been seen in every observation for long enough:
 *
 *   starting ──first observation──▶ any
 *   working ⇄ waiting ⇄ idle        after the candidate persists for enterMs[candidate], or ruleMs when a
 *                                   profile rule says it (a drawn marker is firmer evidence than quiet)
 *   leaving waiting                 needs max(enterMs[candidate], leaveWaitingMs) unless a rule says so:
 *                                   the user was asked something, so one redraw without the question
 *                                   must not drop the flag
 *   any ──the agent reported──▶ its status              at once: the agent knows (agent-events.ts)
 *   any ──exit──▶ exited, any ──server died──▶ dead      at once, and for good
 *
 * The caller observes on every frame and on a timer (a quiet screen sends no frames, yet time passes),
 * and only after the program's first output: until then the session is `starting`.
 */
import type { SessionStatus } from '../session/session.js';
import type { RawStatus } from './rules.js';

export interface DebounceTiming {
  readonly enterMs: Readonly<Record<RawStatus, number>>;
  readonly leaveWaitingMs: number;
  /** The most a status a rule matched must persist: an idle prompt box need not wait out two quiet seconds. */
  readonly ruleMs: number;
}

export const DEFAULT_DEBOUNCE_TIMING: DebounceTiming = {
  enterMs: {
    // Work should show promptly: a spinner that persists for a few frames is real.
    working: 300,
    // Menus are drawn in one or two frames; half a second hides the half-drawn ones.
    waiting: 500,
    // Agents pause between tool calls and redraw between turns; only two quiet seconds mean rest.
    idle: 2000,
  },
  leaveWaitingMs: 1000,
  // Long enough to skip a frame drawn halfway, short enough that a turn's end shows within half a second.
  ruleMs: 300,
};

export interface StatusState {
  readonly status: SessionStatus;
  /** When `status` was published. */
  readonly since: number;
  /** A raw status that differs from `status`, and when it was first seen without interruption. */
  readonly candidate?: { readonly status: RawStatus; readonly since: number; readonly byRule?: boolean };
}

export type StatusEvent =
  | { readonly kind: 'observed'; readonly status: RawStatus; readonly now: number; readonly byRule?: boolean }
  | { readonly kind: 'reported'; readonly status: RawStatus; readonly now: number }
  | { readonly kind: 'exited'; readonly now: number }
  | { readonly kind: 'died'; readonly now: number };

export function initialStatus(now: number): StatusState {
  return { status: 'starting', since: now };
}

export function nextStatus(state: StatusState, event: StatusEvent, timing: DebounceTiming = DEFAULT_DEBOUNCE_TIMING): StatusState {
  if (state.status === 'exited' || state.status === 'dead') return state;
  if (event.kind === 'exited') return { status: 'exited', since: event.now };
  if (event.kind === 'died') return { status: 'dead', since: event.now };

  const { status, now } = event;
  if (event.kind === 'reported') return status === state.status && !state.candidate ? state : { status, since: status === state.status ? state.since : now };
  if (state.status === 'starting') return { status, since: now };
  if (status === state.status) return state.candidate ? { status: state.status, since: state.since } : state;

  const byRule = event.byRule === true;
  const same = state.candidate?.status === status;
  const candidate = same && state.candidate!.byRule === byRule ? state.candidate! : { status, since: same ? state.candidate!.since : now, ...(byRule ? { byRule } : {}) };
  if (now - candidate.since >= requiredMs(state.status, candidate, timing)) return { status, since: now };
  return candidate === state.candidate ? state : { ...state, candidate };
}

/** When the pending candidate would be published if every observation until then agrees, or undefined. */
export function pendingUntil(state: StatusState, timing: DebounceTiming = DEFAULT_DEBOUNCE_TIMING): number | undefined {
  if (!state.candidate) return undefined;
  return state.candidate.since + requiredMs(state.status, state.candidate, timing);
}

function requiredMs(from: SessionStatus, { status: to, byRule }: NonNullable<StatusState['candidate']>, timing: DebounceTiming): number {
  const enter = byRule ? Math.min(timing.enterMs[to], timing.ruleMs) : timing.enterMs[to];
  // A marker drawn for the new status is the answer itself; only quiet must outlast a redraw of the question.
  return from === 'waiting' && !byRule ? Math.max(enter, timing.leaveWaitingMs) : enter;
}
