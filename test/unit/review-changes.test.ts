import { describe, expect, it } from 'vitest';
import { findOverlaps, sameSummary, NO_CHANGES } from '../../src/core/review/changes.js';
import { suggestMergeOrder } from '../../src/core/review/merge-order.js';

describe('overlaps', () => {
  it('pairs the sessions that touched the same files, naming the files', () => {
    const overlaps = findOverlaps(new Map([
      ['api', ['src/a.ts', 'src/b.ts']],
      ['tests', ['test/a.test.ts', 'src/b.ts']],
      ['docs', ['README.md']],
      ['more', ['src/a.ts', 'src/b.ts']],
    ]));
    expect(overlaps.get('api')).toEqual({ sessions: ['more', 'tests'], files: ['src/a.ts', 'src/b.ts'] });
    expect(overlaps.get('tests')).toEqual({ sessions: ['api', 'more'], files: ['src/b.ts'] });
    expect(overlaps.has('docs')).toBe(false);
  });

  it('counts a file listed twice by one session once', () => {
    expect(findOverlaps(new Map([['a', ['x', 'x']]])).size).toBe(0);
  });

  it('compares summaries by value', () => {
    expect(sameSummary(NO_CHANGES, { ...NO_CHANGES, touched: [] })).toBe(true);
    expect(sameSummary(NO_CHANGES, { ...NO_CHANGES, added: 1 })).toBe(false);
    expect(sameSummary(undefined, NO_CHANGES)).toBe(false);
  });
});

describe('merge order', () => {
  /** A fake repository: a tip is the set of merged sessions; `conflictsAfter[s]` lists sessions that must not precede s. */
  function fakeMerge(conflictsWith: Record<string, string[]>, conflictsWithBase: string[] = []) {
    return async (tip: readonly string[], session: string) => {
      if (tip.length === 0 && conflictsWithBase.includes(session)) return { clean: false };
      if (tip.some((merged) => (conflictsWith[session] ?? []).includes(merged))) return { clean: false };
      return { clean: true, tip: [...tip, session] };
    };
  }

  it('keeps the given order when nothing conflicts', async () => {
    expect(await suggestMergeOrder(['a', 'b', 'c'], [], fakeMerge({}))).toEqual({ order: ['a', 'b', 'c'], complete: true, stuck: [] });
  });

  it('moves a session that conflicts after another one before it', async () => {
    // b conflicts if a is already in; a does not mind b.
    const result = await suggestMergeOrder(['a', 'b'], [], fakeMerge({ b: ['a'] }));
    expect(result).toEqual({ order: ['b', 'a'], complete: true, stuck: [] });
  });

  it('merges first what the base needs before the rest goes in', async () => {
    const result = await suggestMergeOrder(['a', 'b'], [], fakeMerge({}, ['a']));
    expect(result.order).toEqual(['b', 'a']);
  });

  it('says which sessions conflict whatever comes first', async () => {
    const result = await suggestMergeOrder(['a', 'b', 'c'], [], fakeMerge({ a: ['b'], b: ['a'] }));
    expect(result).toEqual({ order: ['a', 'c'], complete: false, stuck: ['b'] });
  });

  it('backs out of a choice that leads to a dead end', async () => {
    // a first is fine, but then c can never go in; b, c, a works.
    const result = await suggestMergeOrder(['a', 'b', 'c'], [], fakeMerge({ c: ['a'], a: [] }));
    expect(result).toEqual({ order: ['b', 'c', 'a'], complete: true, stuck: [] });
  });

  it('gives up after a bounded number of trial merges', async () => {
    let calls = 0;
    const never = async () => {
      calls++;
      return { clean: false };
    };
    const result = await suggestMergeOrder(Array.from({ length: 100 }, (_, i) => `s${i}`), [], never);
    expect(result.complete).toBe(false);
    expect(calls).toBeLessThanOrEqual(64);
  });
});
