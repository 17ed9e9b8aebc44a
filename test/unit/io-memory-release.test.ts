/**
 * io/memory-release.ts: memory goes back once, when reported work has stopped for the quiet interval;
 * work keeps pushing it back, and a release disposed of never runs. A release in steps gets each step
 * when it asks, and work in between holds the next step until the quiet is back.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QuietMemoryRelease } from '../../src/io/memory-release.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('QuietMemoryRelease', () => {
  it('releases once, two seconds after the last work reported', () => {
    let released = 0;
    const memory = new QuietMemoryRelease(() => void released++);
    for (let i = 0; i < 5; i++) {
      memory.worked();
      vi.advanceTimersByTime(1500);
    }
    expect(released).toBe(0);
    vi.advanceTimersByTime(500);
    expect(released).toBe(1);
    vi.advanceTimersByTime(10_000);
    expect(released).toBe(1);
  });

  it('never wakes without work, and not after it is disposed of', () => {
    let released = 0;
    const memory = new QuietMemoryRelease(() => void released++, 100);
    vi.advanceTimersByTime(1000);
    memory.worked();
    memory.dispose();
    vi.advanceTimersByTime(1000);
    expect(released).toBe(0);
  });

  it('runs a release in steps when it asks, each once the thread is quiet', () => {
    const steps: number[] = [];
    const memory = new QuietMemoryRelease(() => {
      steps.push(Date.now());
      return steps.length < 3 ? 1000 : undefined;
    });
    const start = Date.now();
    memory.worked();
    vi.advanceTimersByTime(3000);
    expect(steps.map((at) => at - start)).toEqual([2000, 3000]);
    memory.worked();
    vi.advanceTimersByTime(1500);
    expect(steps).toHaveLength(2);
    vi.advanceTimersByTime(500);
    expect(steps.map((at) => at - start)).toEqual([2000, 3000, 5000]);
    vi.advanceTimersByTime(10_000);
    expect(steps).toHaveLength(3);
  });
});
