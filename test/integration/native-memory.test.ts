/**
 * io/native.ts's releaseFreeMemory in a real Node process started as the server is (--no-memory-reducer):
 * after a burst that grew the heap, the young generation shrinks back and the heap gives most of its
 * pages back; a second call before the heap grows again does nothing.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../../src/io/server-launch.js';

const NATIVE = new URL('../../dist/io/native.js', import.meta.url).href;

const SCRIPT = `
import { getHeapSpaceStatistics, getHeapStatistics } from 'node:v8';
const { releaseFreeMemory } = await import(${JSON.stringify(NATIVE)});
const young = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').physical_space_size;
let kept = [];
for (let i = 0; i < 400; i++) { kept.push(new Array(5000).fill(i)); if (kept.length > 100) kept = kept.slice(50); }
kept = undefined;
const before = { young: young(), heap: getHeapStatistics().total_physical_size };
releaseFreeMemory();
await new Promise((resolve) => setTimeout(resolve, 1500));
const after = { young: young(), heap: getHeapStatistics().total_physical_size };
releaseFreeMemory();
await new Promise((resolve) => setTimeout(resolve, 300));
console.log(JSON.stringify({ before, after, again: getHeapStatistics().total_physical_size }));
`;

describe('releaseFreeMemory', () => {
  it('shrinks a heap grown by a burst, in a process started with the flags of the server', () => {
    const out = execFileSync(process.execPath, [...SERVER_NODE_FLAGS, '--input-type=module', '-e', SCRIPT], { encoding: 'utf8' });
    const { before, after, again } = JSON.parse(out) as { before: { young: number; heap: number }; after: { young: number; heap: number }; again: number };
    expect(before.young).toBeGreaterThan(4 * 2 ** 20);
    expect(after.young).toBeLessThan(before.young / 2);
    expect(after.heap).toBeLessThan(before.heap / 2);
    expect(again).toBe(after.heap);
  });
});
