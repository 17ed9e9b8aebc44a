import { describe, expect, it } from 'vitest';
import { applyUpdate, frameUpdate, sameLine } from '../../src/core/protocol/frame-delta.js';
import { DEFAULT_MODES, PLAIN, type FrameLine, type PaneFrame } from '../../src/core/screen/frame.js';

const line = (text: string, fg = -1): FrameLine => [{ style: { ...PLAIN, fg }, cells: [...text] }];

function frame(texts: string[], cols = 5): PaneFrame {
  return { cols, rows: texts.length, lines: texts.map((t) => line(t.padEnd(cols))), cursor: { x: 0, y: 0, visible: true }, title: '', modes: DEFAULT_MODES };
}

describe('frame updates', () => {
  it('send only the lines that changed, and rebuild the whole frame on the other side', () => {
    const before = frame(['$ ls', 'a b', '$']);
    const after = frame(['$ ls', 'a b', '$ x']);
    const update = frameUpdate(before, after);
    expect(update.lines.map((l) => l === null)).toEqual([true, true, false]);
    expect(applyUpdate(before, update)).toEqual(after);
  });

  it('send the whole frame when there is none before, or the size changed', () => {
    const next = frame(['a', 'b']);
    expect(frameUpdate(undefined, next)).toBe(next);
    expect(frameUpdate(frame(['a', 'b'], 4), next)).toBe(next);
  });

  it('tell lines apart by style as well as text', () => {
    expect(sameLine(line('red', 1), line('red', 1))).toBe(true);
    expect(sameLine(line('red', 1), line('red', 2))).toBe(false);
    expect(sameLine(line('ab'), line('abc'))).toBe(false);
  });

  it('survive JSON, as they cross the socket', () => {
    const before = frame(['one', 'two']);
    const after = frame(['one', 'TWO']);
    const wire = JSON.parse(JSON.stringify(frameUpdate(before, after)));
    expect(applyUpdate(JSON.parse(JSON.stringify(before)), wire)).toEqual(after);
  });
});
