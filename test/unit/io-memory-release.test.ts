/**
 * io/memory-release.ts: memory goes back once, when reported work has stopped for the quiet interval;
 * work keeps pushing it back, and a release disposed of never runs.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QuietMemoryRelease } from '../../src/io/memory-release.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('QuietMemoryRelease', () => {
  it('releases once, two seconds after the last work reported', () => {
    let released = 0;
    const memory = new QuietMemoryRelease(() => released++);
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
    const memory = new QuietMemoryRelease(() => released++, 100);
    vi.advanceTimersByTime(1000);
    memory.worked();
    memory.dispose();
    vi.advanceTimersByTime(1000);
    expect(released).toBe(0);
  });
});
