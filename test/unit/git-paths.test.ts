import { describe, expect, it } from 'vitest';
import { isStrictlyInside, isWithin } from '../../src/core/git/paths.js';

describe('path containment', () => {
  it('counts a folder and what is below it, by whole path segments', () => {
    expect(isWithin('/x/wt-a', '/x/wt-a')).toBe(true);
    expect(isWithin('/x/wt-a', '/x/wt-a/')).toBe(true);
    expect(isWithin('/x/wt-a', '/x/wt-a/src/app')).toBe(true);
    expect(isWithin('/x/wt-a', '/x/wt-ab')).toBe(false);
    expect(isWithin('/x/wt-a', '/x/wt-ab/src')).toBe(false);
    expect(isWithin('/x/wt-a', '/x')).toBe(false);
    expect(isWithin('/x/wt-a', '/x/wt-a/../wt-ab')).toBe(false);
  });

  it('keeps "strictly inside" for below only', () => {
    expect(isStrictlyInside('/x/wt-a', '/x/wt-a')).toBe(false);
    expect(isStrictlyInside('/x/wt-a', '/x/wt-a/b')).toBe(true);
  });
});
