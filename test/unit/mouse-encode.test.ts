/**
 * Mouse reports for programs in panes: which events each tracking mode asks for, and their bytes.
 */
import { describe, expect, it } from 'vitest';
import type { MouseEvent } from '../../src/core/keys/input-event.js';
import { InputParser } from '../../src/core/keys/input-parser.js';
import { encodeMouse, wantsEvent } from '../../src/core/mouse/encode.js';
import type { MouseTracking } from '../../src/core/screen/frame.js';

const event = (action: MouseEvent['action'], button = 0, modifiers: Partial<MouseEvent> = {}): MouseEvent => ({
  action, button, x: 0, y: 0, shift: false, meta: false, ctrl: false, ...modifiers,
});

describe('wantsEvent', () => {
  const kinds: [string, MouseEvent][] = [
    ['press', event('press')],
    ['release', event('release')],
    ['wheel', event('wheel-up', -1)],
    ['drag', event('move', 0)],
    ['motion', event('move', -1)],
  ];
  it.each<[MouseTracking, string[]]>([
    ['none', []],
    ['x10', ['press']],
    ['vt200', ['press', 'release', 'wheel']],
    ['drag', ['press', 'release', 'wheel', 'drag']],
    ['any', ['press', 'release', 'wheel', 'drag', 'motion']],
  ])('%s tracking reports %j', (tracking, wanted) => {
    expect(kinds.filter(([, e]) => wantsEvent(tracking, e)).map(([name]) => name)).toEqual(wanted);
  });
});

describe('encodeMouse', () => {
  it('writes SGR reports with 1-based cells, the release in the final letter', () => {
    expect(encodeMouse(event('press', 0), 10, 5, true, 'vt200')).toBe('\x1b[<0;11;6M');
    expect(encodeMouse(event('release', 2), 10, 5, true, 'vt200')).toBe('\x1b[<2;11;6m');
    expect(encodeMouse(event('wheel-down', -1), 0, 0, true, 'vt200')).toBe('\x1b[<65;1;1M');
    expect(encodeMouse(event('move', 0), 3, 4, true, 'drag')).toBe('\x1b[<32;4;5M');
    expect(encodeMouse(event('press', 1, { ctrl: true, meta: true }), 0, 0, true, 'vt200')).toBe('\x1b[<25;1;1M');
  });

  it('writes the default encoding as bytes offset by 32, a release as button 3', () => {
    expect(encodeMouse(event('press', 0), 10, 5, false, 'vt200')).toBe('\x1b[M +&');
    expect(encodeMouse(event('release', 0), 10, 5, false, 'vt200')).toBe('\x1b[M#+&');
  });

  it('sends nothing the default encoding cannot carry, past column or row 223', () => {
    expect(encodeMouse(event('press', 0), 222, 0, false, 'vt200')).toBe('\x1b[M \xff!');
    expect(encodeMouse(event('press', 0), 223, 0, false, 'vt200')).toBeUndefined();
    expect(encodeMouse(event('press', 0), 223, 0, true, 'vt200')).toBe('\x1b[<0;224;1M');
  });

  it('leaves modifiers out of X10 reports', () => {
    expect(encodeMouse(event('press', 0, { ctrl: true }), 0, 0, false, 'x10')).toBe('\x1b[M !!');
  });

  it('writes what the input parser reads back as the same event', () => {
    const parser = new InputParser();
    const original = event('press', 2, { meta: true, x: 7, y: 3 });
    for (const sgr of [true, false]) {
      const [decoded] = parser.feed(encodeMouse(original, 7, 3, sgr, 'vt200')!);
      expect(decoded).toMatchObject({ kind: 'mouse', mouse: original });
    }
  });
});
