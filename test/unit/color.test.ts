/**
 * Colour reduction, as tables: what a colour becomes on a terminal with fewer colours.
 */
import { describe, expect, it } from 'vitest';
import { detectColorDepth, nearest16, nearest256, paletteRgb } from '../../src/core/screen/color.js';
import { DEFAULT_COLOR, rgb } from '../../src/core/screen/frame.js';

describe('nearest256', () => {
  it.each([
    ['black', rgb(0, 0, 0), 16],
    ['white', rgb(255, 255, 255), 231],
    ['red', rgb(255, 0, 0), 196],
    ['an exact cube colour', rgb(95, 135, 175), 67],
    ['a colour between cube levels', rgb(250, 128, 0), 208],
    ['a near-black', rgb(1, 2, 3), 16],
    ['mid grey, to the grey ramp', rgb(128, 128, 128), 244],
    ['a grey between cube levels, to the ramp not the cube', rgb(100, 100, 100), 241],
    ['the darkest ramp grey', rgb(8, 8, 8), 232],
    ['the lightest ramp grey', rgb(238, 238, 238), 255],
    ['near-white, to the cube white', rgb(254, 254, 254), 231],
    ['dodger blue', rgb(30, 144, 255), 33],
  ])('%s', (_name, color, index) => {
    expect(nearest256(color)).toBe(index);
  });

  it('keeps palette indices and DEFAULT as they are', () => {
    expect([0, 7, 15, 16, 200, 255].map(nearest256)).toEqual([0, 7, 15, 16, 200, 255]);
    expect(nearest256(DEFAULT_COLOR)).toBe(DEFAULT_COLOR);
  });

  it('keeps every grey within 8 of its value: the ramp fills the gaps between cube levels', () => {
    for (let v = 0; v < 256; v++) {
      const [r] = paletteRgb(nearest256(rgb(v, v, v)));
      expect(Math.abs(r - v)).toBeLessThanOrEqual(8);
    }
  });
});

describe('nearest16', () => {
  it('keeps the system colours and DEFAULT', () => {
    for (let i = 0; i < 16; i++) expect(nearest16(i)).toBe(i);
    expect(nearest16(DEFAULT_COLOR)).toBe(DEFAULT_COLOR);
  });

  it.each([
    [16, 0], [196, 9], [46, 10], [226, 11], [21, 12], [201, 13], [51, 14], [231, 15],
    [17, 4], [52, 1], [22, 2], [58, 3], [53, 5], [23, 6], [94, 3],
    [232, 0], [240, 8], [244, 8], [250, 7], [255, 7], [189, 7],
  ])('%i → %i', (index, expected) => {
    expect(nearest16(index)).toBe(expected);
  });

  it('never turns a colour with a hue into black or grey', () => {
    for (let index = 16; index < 232; index++) {
      const [r, g, b] = paletteRgb(index);
      if (Math.max(r, g, b) - Math.min(r, g, b) >= 64) expect([0, 7, 8, 15]).not.toContain(nearest16(index));
    }
  });
});

describe('detectColorDepth', () => {
  it.each([
    [{ TERM: 'xterm-256color', NO_COLOR: '1' }, undefined, 'mono'],
    [{ TERM: 'xterm-256color', COLORTERM: 'truecolor', NO_COLOR: '1' }, undefined, 'mono'],
    [{ TERM: 'dumb', COLORTERM: 'truecolor' }, undefined, 'mono'],
    [{ TERM: 'xterm-256color', COLORTERM: 'truecolor' }, undefined, 'truecolor'],
    [{ TERM: 'xterm', COLORTERM: '24bit' }, undefined, 'truecolor'],
    [{ TERM: 'xterm-direct' }, 0x1000000, 'truecolor'],
    [{ TERM: 'xterm-256color' }, undefined, '256'],
    [{ TERM: 'tmux-256color', NO_COLOR: '' }, undefined, '256'],
    [{ TERM: 'xterm' }, 256, '256'],
    [{ TERM: 'xterm' }, 8, '16'],
    [{ TERM: 'xterm' }, undefined, '16'],
    [{ TERM: 'linux' }, undefined, '16'],
    [{}, undefined, '16'],
    [{ TERM: 'vt100' }, -1, 'mono'],
  ] as const)('%j with terminfo colors %s → %s', (env, colors, depth) => {
    expect(detectColorDepth(env, colors)).toBe(depth);
  });
});
