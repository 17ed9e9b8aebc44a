/**
 * io/native.ts's releaseFreeMemory in a real Node process started as the server is: after a burst that
 * grew a small heap, the young generation shrinks back and the heap gives most of its pages back, and a
 * second call before the heap grows again does nothing; a large live heap gets a plain collection
 * only (the shrinking one pauses for hundreds of milliseconds there), which leaves the young generation
 * about as it was.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../../src/io/server-launch.js';

const NATIVE = new URL('../../dist/io/native.js', import.meta.url).href;

interface Heap {
  young: number;
  heap: number;
  used: number;
}

/** Runs a burst in a process with the server's flags, keeping `liveMB` alive, and releases twice. */
function burstThenRelease(liveMB: number): { before: Heap; after: Heap; again: number } {
  const script = `
    import { getHeapSpaceStatistics, getHeapStatistics } from 'node:v8';
    const { releaseFreeMemory } = await import(${JSON.stringify(NATIVE)});
    const live = Array.from({ length: ${liveMB} * 128 }, (_, i) => new Array(1024).fill(i));
    const read = () => ({
      young: getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').physical_space_size,
      heap: getHeapStatistics().total_physical_size,
      used: getHeapStatistics().used_heap_size,
    });
    let kept = [];
    for (let i = 0; i < 400; i++) { kept.push(new Array(5000).fill(i)); if (kept.length > 100) kept = kept.slice(50); }
    kept = undefined;
    const before = read();
    releaseFreeMemory();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const after = read();
    releaseFreeMemory();
    await new Promise((resolve) => setTimeout(resolve, 300));
    console.log(JSON.stringify({ before, after, again: getHeapStatistics().total_physical_size, live: live.length }));
  `;
  return JSON.parse(execFileSync(process.execPath, [...SERVER_NODE_FLAGS, '--input-type=module', '-e', script], { encoding: 'utf8' }));
}

describe('releaseFreeMemory', () => {
  it('shrinks a small heap grown by a burst, once', () => {
    const { before, after, again } = burstThenRelease(0);
    expect(before.young).toBeGreaterThan(4 * 2 ** 20);
    expect(after.young).toBeLessThan(before.young / 2);
    expect(after.heap).toBeLessThan(before.heap / 2);
    expect(again).toBe(after.heap);
  });

  it('collects a large live heap without shrinking it', () => {
    const { before, after } = burstThenRelease(40);
    expect(before.used).toBeGreaterThan(40 * 2 ** 20);
    expect(after.used).toBeLessThan(before.used);
    expect(after.young).toBeGreaterThan(before.young / 2);
  });
});
