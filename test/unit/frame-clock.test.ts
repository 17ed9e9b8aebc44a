/**
 * The frame clock on a fake clock: when marks become frames. Timers are vitest's fake timers (setTimeout,
 * setImmediate and Date together), so "a frame later" is exact rather than slept for.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FRAME_MS } from '../../src/core/screen/frame.js';
import { FLOOD_AFTER_FRAMES, FLOOD_FRAME_MS, FrameClock } from '../../src/server/frame-clock.js';

let flushed: string[][];
let clock: FrameClock;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'Date'] });
  flushed = [];
  clock = new FrameClock((ids) => flushed.push([...ids].sort()));
});

afterEach(() => {
  clock.dispose();
  vi.useRealTimers();
});

/** Runs what is due now (immediates and zero-delay timers), without moving the clock. */
const settle = () => vi.advanceTimersByTime(0);

describe('coalescing', () => {
  it('sends the first change after a quiet spell on this turn, then at most one frame per interval', () => {
    clock.mark('a');
    settle();
    expect(flushed).toEqual([['a']]);
    clock.mark('a');
    clock.mark('b');
    clock.mark('a');
    settle();
    expect(flushed).toHaveLength(1); // inside the frame: held
    vi.advanceTimersByTime(FRAME_MS - 1);
    expect(flushed).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(flushed).toEqual([['a'], ['a', 'b']]);
  });

  it('arms nothing while nothing is dirty', () => {
    settle();
    vi.advanceTimersByTime(FRAME_MS * 10);
    expect(flushed).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('flushNow hands over one dirty session at once, and nothing for a clean one', () => {
    clock.mark('a');
    clock.mark('b');
    clock.flushNow('a');
    clock.flushNow('c');
    expect(flushed).toEqual([['a']]);
    settle();
    expect(flushed).toEqual([['a'], ['b']]);
  });

  it('forgets a removed session', () => {
    clock.mark('a');
    clock.forget('a');
    settle();
    expect(flushed).toEqual([]);
  });
});

describe('echo after a keystroke', () => {
  it("sends a typed session's next change without waiting for the frame boundary", () => {
    clock.mark('a');
    settle(); // a frame just went out
    clock.typed('a');
    clock.mark('a');
    settle();
    expect(flushed).toEqual([['a'], ['a']]);
  });

  it('sends an echo alone: what else is dirty keeps its frame boundary', () => {
    clock.mark('flood');
    settle();
    clock.mark('flood'); // waits for the boundary
    clock.typed('shell');
    clock.mark('shell');
    settle();
    expect(flushed).toEqual([['flood'], ['shell']]);
    vi.advanceTimersByTime(FRAME_MS);
    expect(flushed).toEqual([['flood'], ['shell'], ['flood']]);
  });

  it('sends an echo already waiting for the boundary at once, and not again at the boundary', () => {
    clock.mark('shell');
    settle();
    clock.mark('shell'); // waits for the boundary
    clock.typed('shell');
    clock.mark('shell');
    settle();
    vi.advanceTimersByTime(FRAME_MS);
    expect(flushed).toEqual([['shell'], ['shell']]);
  });

  it('makes only the first change after a key eager; the rest of the flood waits as before', () => {
    clock.mark('a');
    settle();
    clock.typed('a');
    clock.mark('a');
    settle();
    clock.mark('a');
    settle();
    expect(flushed).toHaveLength(2);
    vi.advanceTimersByTime(FRAME_MS);
    expect(flushed).toHaveLength(3);
  });

  it('does not hurry other sessions: a key typed into one leaves another on the frame clock', () => {
    clock.mark('b');
    settle();
    clock.typed('a');
    clock.mark('b');
    settle();
    expect(flushed).toHaveLength(1);
  });
});

describe('a flood', () => {
  /** Output arriving every millisecond for `ms` milliseconds; returns the times frames went out. */
  function flood(ms: number): number[] {
    const times: number[] = [];
    const start = Date.now();
    let seen = flushed.length;
    for (let t = 0; t < ms; t++) {
      clock.mark('a');
      vi.advanceTimersByTime(1);
      if (flushed.length > seen) {
        seen = flushed.length;
        times.push(Date.now() - start);
      }
    }
    return times;
  }

  const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]!);

  it('is drawn every FRAME_MS at first, then every FLOOD_FRAME_MS once it has gone on for FLOOD_AFTER_FRAMES frames', () => {
    const frameGaps = gaps(flood(1000));
    expect(frameGaps.slice(0, FLOOD_AFTER_FRAMES - 1).every((gap) => gap <= FRAME_MS + 1)).toBe(true);
    expect(frameGaps.slice(FLOOD_AFTER_FRAMES + 1).every((gap) => gap >= FLOOD_FRAME_MS && gap <= FLOOD_FRAME_MS + 1)).toBe(true);
  });

  it('goes back to FRAME_MS after a quiet spell', () => {
    flood(1000);
    vi.advanceTimersByTime(200);
    const frameGaps = gaps(flood(100));
    expect(frameGaps.length).toBeGreaterThan(4);
    expect(frameGaps.every((gap) => gap <= FRAME_MS + 1)).toBe(true);
  });

  it('does not hold an echo: a key typed during a flood is drawn on the next turn', () => {
    flood(1000);
    const before = flushed.length;
    clock.typed('a');
    clock.mark('a');
    settle();
    expect(flushed.length).toBe(before + 1);
  });
});
