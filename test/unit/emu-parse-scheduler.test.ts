/**
 * The turns a thread's panes take parsing: fair between floods, prompt for an echo, and never so long
 * that the thread's messages wait behind a backlog.
 */
import { describe, expect, it } from 'vitest';
import { ParseScheduler } from '../../src/emu/parse-scheduler.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

/** Queues `chunks` for `pane`, each handed to `parse` in the pane's turns. */
function queue(scheduler: ParseScheduler, pane: object, chunks: readonly string[], parse: (chunk: string) => void): void {
  const left = [...chunks];
  scheduler.wake(pane, () => {
    parse(left.shift()!);
    return left.length > 0;
  });
}

function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('the parse scheduler', () => {
  it('gives the panes with output queued a chunk each in turn', async () => {
    const scheduler = new ParseScheduler();
    const order: string[] = [];
    queue(scheduler, {}, ['a1', 'a2', 'a3'], (chunk) => order.push(chunk));
    queue(scheduler, {}, ['b1', 'b2'], (chunk) => order.push(chunk));
    await settle();
    expect(order).toEqual(['a1', 'b1', 'a2', 'b2', 'a3']);
  });

  it('keeps a pane woken twice in one place in the turns', async () => {
    const scheduler = new ParseScheduler();
    const order: string[] = [];
    const a = {};
    queue(scheduler, a, ['a1', 'a2'], (chunk) => order.push(chunk));
    queue(scheduler, {}, ['b1', 'b2'], (chunk) => order.push(chunk));
    scheduler.wake(a, () => (order.push('again'), false));
    await settle();
    expect(order).toEqual(['a1', 'b1', 'a2', 'b2']);
  });

  it('goes back to the thread’s other work between turns, however much is queued', async () => {
    const scheduler = new ParseScheduler();
    let parsed = 0;
    for (let i = 0; i < 20; i++) queue(scheduler, {}, ['chunk'], () => (busy(1), parsed++));
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
      queue(scheduler, pane, Array<string>(24).fill('chunk'), () => (busy(1), times.push(performance.now())));
      scheduler.giveWay(favoured ? pane : undefined);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(times).toHaveLength(24);
      return times.slice(1).filter((t, i) => t - times[i]! >= 1.8).length;
    }
    const other = await rests(false);
    expect(other).toBeGreaterThanOrEqual(5);
    expect(await rests(true)).toBeLessThan(other);
  });

  it('gives a forgotten pane no more turns', async () => {
    const scheduler = new ParseScheduler();
    const order: string[] = [];
    const pane = {};
    queue(scheduler, pane, ['lost'], (chunk) => order.push(chunk));
    scheduler.forget(pane);
    await settle();
    expect(order).toEqual([]);
  });
});
