import { describe, expect, it } from 'vitest';
import { windowStart } from '../../src/core/layout/list-window.js';

describe('a list window', () => {
  it('keeps the cursor near its middle, never running past either end', () => {
    expect(windowStart(0, 30, 12)).toBe(0);
    expect(windowStart(5, 30, 12)).toBe(0);
    expect(windowStart(15, 30, 12)).toBe(9);
    expect(windowStart(29, 30, 12)).toBe(18);
    expect(windowStart(3, 5, 12)).toBe(0);
  });
});
