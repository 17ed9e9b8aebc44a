/**
 * io/native.ts's releaseFreeMemory in a real Node process started as the server is: after a burst that
 * grew a small heap, the young generation shrinks back and the heap gives most of its pages back, and a
 * second call before the heap grows again does nothing; a large live heap gets a plain collection first,
 * which leaves the young generation as it was, and asks for a next step: more, a step at a time, while
 * each still gives back pages that a collection left mostly empty (one moves only so much), then the
 * shrinking one, which gives the young generation back too.
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
function burstThenRelease(liveMB: number): { before: Heap; after: Heap; again: number; step: number | null } {
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
    const step = releaseFreeMemory() ?? null;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const after = read();
    if (step === null) releaseFreeMemory();
    await new Promise((resolve) => setTimeout(resolve, 300));
    console.log(JSON.stringify({ before, after, again: getHeapStatistics().total_physical_size, step, live: live.length }));
  `;
  return JSON.parse(execFileSync(process.execPath, [...SERVER_NODE_FLAGS, '--input-type=module', '-e', script], { encoding: 'utf8' }));
}

interface OldSpace {
  committed: number;
  used: number;
  young: number;
}

/**
 * Old space left mostly empty pages, as a history's rows leave it once most of them go: a million small
 * objects made together, three in four then dropped (35 MB live in 135). Released as a quiet thread is,
 * a step each time it asks for one.
 */
function fragmentedThenReleased(): { before: OldSpace; after: OldSpace; steps: number } {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8';
    const { releaseFreeMemory } = await import(${JSON.stringify(NATIVE)});
    const read = () => {
      const space = (name) => getHeapSpaceStatistics().find((each) => each.space_name === name);
      const old = space('old_space');
      return { committed: old.physical_space_size, used: old.space_used_size, young: space('new_space').physical_space_size };
    };
    let rows = Array.from({ length: 1000000 }, (_, i) => ({ text: 'line ' + i, runs: [i, i + 1] }));
    gc();
    gc();
    const kept = rows.filter((_, i) => i % 4 === 0);
    rows = undefined;
    const before = read();
    let steps = 0;
    for (let again = releaseFreeMemory(); again !== undefined; again = releaseFreeMemory()) {
      steps++;
      await new Promise((resolve) => setTimeout(resolve, again));
    }
    // The shrinking collection runs in steps between the thread's other work.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    console.log(JSON.stringify({ before, after: read(), steps, kept: kept.length }));
  `;
  return JSON.parse(execFileSync(process.execPath, [...SERVER_NODE_FLAGS, '--input-type=module', '-e', script], { encoding: 'utf8' }));
}

describe('releaseFreeMemory', () => {
  it('shrinks a small heap grown by a burst, once', () => {
    const { before, after, again, step } = burstThenRelease(0);
    expect(step).toBeNull();
    expect(before.young).toBeGreaterThan(4 * 2 ** 20);
    expect(after.young).toBeLessThan(before.young / 2);
    expect(after.heap).toBeLessThan(before.heap / 2);
    expect(again).toBe(after.heap);
  });

  it('collects a large live heap plainly first, and asks for a next step', () => {
    const { before, after, step } = burstThenRelease(40);
    expect(step).toBeGreaterThan(0);
    expect(before.used).toBeGreaterThan(40 * 2 ** 20);
    expect(after.used).toBeLessThan(before.used);
    expect(after.young).toBeGreaterThan(before.young / 2);
  });

  it('compacts a large heap that one collection left mostly empty, a step at a time, then shrinks it', () => {
    const { before, after, steps } = fragmentedThenReleased();
    expect(before.committed - before.used).toBeLessThan(8 * 2 ** 20);
    expect(before.young).toBeGreaterThan(8 * 2 ** 20);
    // Each step moves 6 MB of objects, however loaded the machine: 100 MB of pages a quarter full go in
    // four (a foreground collection moves what V8's last measured speed allows: 4 MB, or none).
    expect(steps).toBeGreaterThan(1);
    expect(steps).toBeLessThanOrEqual(5);
    expect(after.committed).toBeLessThan(before.committed / 2);
    expect(after.committed - after.used).toBeLessThan(after.used / 2);
    expect(after.young).toBeLessThan(before.young / 2);
  });
});
