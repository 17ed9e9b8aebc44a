/**
 * The debouncer on a fake clock: observations carry their own times, so every hysteresis edge is an
 * exact millisecond.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DEBOUNCE_TIMING,
  initialStatus,
  nextStatus,
  pendingUntil,
  type StatusState,
} from '../../src/core/status/debounce.js';
import type { RawStatus } from '../../src/core/status/rules.js';

const { enterMs, leaveWaitingMs } = DEFAULT_DEBOUNCE_TIMING;

/** Feeds `status` at each of `times` and returns the state after the last. */
function observe(state: StatusState, status: RawStatus, ...times: number[]): StatusState {
  return times.reduce((current, now) => nextStatus(current, { kind: 'observed', status, now }), state);
}

/** A state that has shown `status` since time 0. */
function settled(status: RawStatus): StatusState {
  return observe(initialStatus(0), status, 0);
}

describe('the published status', () => {
  it('is starting until the first observation, which it takes at once', () => {
    expect(initialStatus(0).status).toBe('starting');
    expect(observe(initialStatus(0), 'waiting', 10)).toEqual({ status: 'waiting', since: 10 });
  });

  it('changes only once a different status persists for its enter time', () => {
    const working = settled('working');
    const almost = observe(working, 'idle', 1000, 1000 + enterMs.idle - 1);
    expect(almost.status).toBe('working');
    expect(pendingUntil(almost)).toBe(1000 + enterMs.idle);
    expect(observe(almost, 'idle', 1000 + enterMs.idle)).toEqual({ status: 'idle', since: 1000 + enterMs.idle });
  });

  it('restarts the wait whenever the evidence is interrupted', () => {
    const flapping = observe(observe(observe(settled('working'), 'idle', 100), 'working', 1500), 'idle', 1600);
    expect(observe(flapping, 'idle', 100 + enterMs.idle).status).toBe('working');
    expect(observe(flapping, 'idle', 1600 + enterMs.idle).status).toBe('idle');
  });

  it('forgets a candidate when the published status is seen again', () => {
    const back = observe(observe(settled('idle'), 'working', 100), 'idle', 200);
    expect(back).toEqual({ status: 'idle', since: 0 });
    expect(pendingUntil(back)).toBeUndefined();
  });

  it('follows a new candidate from when it first appeared', () => {
    const state = observe(observe(settled('idle'), 'waiting', 100), 'working', 200);
    expect(state.candidate).toEqual({ status: 'working', since: 200 });
    expect(observe(state, 'working', 200 + enterMs.working).status).toBe('working');
  });

  it('leaves waiting only after the longer leave time, even for a quickly entered status', () => {
    expect(leaveWaitingMs).toBeGreaterThan(enterMs.working);
    const waiting = settled('waiting');
    expect(observe(waiting, 'working', 100, 100 + enterMs.working).status).toBe('waiting');
    expect(observe(waiting, 'working', 100, 100 + leaveWaitingMs).status).toBe('working');
    // The same step from idle needs only the enter time.
    expect(observe(settled('idle'), 'working', 100, 100 + enterMs.working).status).toBe('working');
  });

  it('enters waiting after its own enter time', () => {
    const idle = settled('idle');
    expect(observe(idle, 'waiting', 100, 100 + enterMs.waiting - 1).status).toBe('idle');
    expect(observe(idle, 'waiting', 100, 100 + enterMs.waiting).status).toBe('waiting');
  });

  it('takes exited and dead at once and keeps them', () => {
    const exited = nextStatus(settled('working'), { kind: 'exited', now: 70 });
    expect(exited).toEqual({ status: 'exited', since: 70 });
    expect(observe(exited, 'idle', 80, 10_000)).toBe(exited);
    expect(nextStatus(exited, { kind: 'died', now: 90 })).toBe(exited);
    expect(nextStatus(settled('waiting'), { kind: 'died', now: 5 }).status).toBe('dead');
  });

  it('uses the timing it is given', () => {
    const quick = { enterMs: { working: 0, waiting: 0, idle: 10 }, leaveWaitingMs: 0, ruleMs: 0 };
    const state = nextStatus(settled('working'), { kind: 'observed', status: 'idle', now: 5 }, quick);
    expect(nextStatus(state, { kind: 'observed', status: 'idle', now: 15 }, quick).status).toBe('idle');
  });

  it('takes an agent\'s own report at once, over a pending candidate, but never after the end', () => {
    const pending = observe(settled('working'), 'idle', 1000);
    expect(nextStatus(pending, { kind: 'reported', status: 'idle', now: 1001 })).toEqual({ status: 'idle', since: 1001 });
    expect(nextStatus(settled('idle'), { kind: 'reported', status: 'idle', now: 5 })).toEqual({ status: 'idle', since: 0 });
    const exited = nextStatus(settled('working'), { kind: 'exited', now: 10 });
    expect(nextStatus(exited, { kind: 'reported', status: 'idle', now: 11 }).status).toBe('exited');
  });

  it('settles a status a rule says in ruleMs, out of waiting too, where quiet alone needs its full time', () => {
    const { ruleMs } = DEFAULT_DEBOUNCE_TIMING;
    const byRule = (state: StatusState, status: RawStatus, now: number) => nextStatus(state, { kind: 'observed', status, now, byRule: true });
    const waiting = settled('waiting');
    expect(byRule(byRule(waiting, 'idle', 100), 'idle', 100 + ruleMs)).toEqual({ status: 'idle', since: 100 + ruleMs });
    // The same rest read from quiet must outlast a redraw of the question.
    expect(observe(waiting, 'idle', 100, 100 + ruleMs).status).toBe('waiting');
    expect(pendingUntil(byRule(settled('working'), 'idle', 50))).toBe(50 + ruleMs);
  });
});
