/**
 * The turns a thread's panes take parsing: fair between floods, prompt for an echo, and never so long
 * that the thread's messages wait behind a backlog.
 */
import { describe, expect, it } from 'vitest';
import { ParseScheduler } from '../../src/emu/parse-scheduler.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('the parse scheduler', () => {
  it('gives the panes with output queued a chunk each in turn', async () => {
    const scheduler = new ParseScheduler();
    const order: string[] = [];
    const a = {};
    const b = {};
    for (const chunk of ['a1', 'a2', 'a3']) scheduler.add(a, (data) => order.push(data), chunk, undefined);
    for (const chunk of ['b1', 'b2']) scheduler.add(b, (data) => order.push(data), chunk, undefined);
    await settle();
    expect(order).toEqual(['a1', 'b1', 'a2', 'b2', 'a3']);
  });

  it('parses an echo at once, unless the pane has its own output queued ahead of it', async () => {
    const scheduler = new ParseScheduler();
    const order: string[] = [];
    const pane = {};
    scheduler.add(pane, (data) => order.push(data), 'echo', () => order.push('parsed'), true);
    expect(order).toEqual(['echo', 'parsed']);
    scheduler.add(pane, (data) => order.push(data), 'flood', undefined);
    scheduler.add(pane, (data) => order.push(data), 'second echo', undefined, true);
    expect(order).toEqual(['echo', 'parsed']);
    await settle();
    expect(order).toEqual(['echo', 'parsed', 'flood', 'second echo']);
  });

  it('goes back to the thread’s other work between turns, however much is queued', async () => {
    const scheduler = new ParseScheduler();
    let parsed = 0;
    for (let i = 0; i < 20; i++) scheduler.add({}, () => (busy(1), parsed++), 'chunk', undefined);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(parsed).toBeGreaterThan(0);
    expect(parsed).toBeLessThan(20);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(parsed).toBe(20);
  });

  it('rests between turns for a while after a key in another pane, and not for the pane typed into', async () => {
    /** The pauses of over a turn's length between chunks of 1 ms, while 24 of them parse. */
    async function rests(favoured: boolean): Promise<number> {
      const scheduler = new ParseScheduler();
      const pane = {};
      const times: number[] = [];
      for (let i = 0; i < 24; i++) scheduler.add(pane, () => (busy(1), times.push(performance.now())), 'chunk', undefined);
      scheduler.giveWay(favoured ? pane : undefined);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(times).toHaveLength(24);
      return times.slice(1).filter((t, i) => t - times[i]! >= 1.8).length;
    }
    const other = await rests(false);
    expect(other).toBeGreaterThanOrEqual(5);
    expect(await rests(true)).toBeLessThan(other);
  });

  it('drops what a forgotten pane had queued, callbacks and all', async () => {
    const scheduler = new ParseScheduler();
    const order: string[] = [];
    const pane = {};
    scheduler.add(pane, (data) => order.push(data), 'lost', () => order.push('parsed'));
    scheduler.forget(pane);
    await settle();
    expect(order).toEqual([]);
  });
});
