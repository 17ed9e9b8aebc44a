/**
 * The emulator's whole buffer, as copy mode reads it: lines by number through scrollback and screen,
 * numbers that survive old lines being dropped, a new numbering when the lines stop fitting the old
 * one; and OSC 52, where reading the clipboard is refused and setting it is passed on.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { lineText } from '../../src/core/screen/frame.js';
import type { LineSlice } from '../../src/core/screen/line-slice.js';
import { sliceRange } from '../../src/core/screen/line-slice.js';
import { PaneEmulator } from '../../src/emu/pane-emulator.js';

const live: PaneEmulator[] = [];
afterEach(() => {
  while (live.length) live.pop()!.dispose();
});

function emulator(options: { cols?: number; rows?: number; scrollback?: number; replies?: string[] } = {}): PaneEmulator {
  const replies = options.replies ?? [];
  const emu = new PaneEmulator({ cols: options.cols ?? 10, rows: options.rows ?? 3, scrollback: options.scrollback ?? 100, onReply: (data) => replies.push(data) });
  live.push(emu);
  return emu;
}

function feed(emu: PaneEmulator, data: string): Promise<void> {
  return new Promise((resolve) => emu.write(data, resolve));
}

const numbered = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `L${from + i}`).join('\r\n');
const texts = (slice: LineSlice) => slice.lines.map((line) => lineText(line).trimEnd());

describe('lines', () => {
  it('reads the scrollback and the screen by number, and counts back from the end', async () => {
    const emu = emulator();
    await feed(emu, numbered(0, 9));
    const all = emu.lines(0, 100);
    expect([all.first, all.end, all.from]).toEqual([0, 10, 0]);
    expect(texts(all)).toEqual(['L0', 'L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7', 'L8', 'L9']);
    expect(texts(emu.lines(-3, 3))).toEqual(['L7', 'L8', 'L9']);
    expect(texts(emu.lines(4, 2))).toEqual(['L4', 'L5']);
  });

  it('keeps each line’s number when a full scrollback drops the oldest', async () => {
    const emu = emulator({ scrollback: 5 });
    await feed(emu, numbered(0, 19));
    const slice = emu.lines(0, 100);
    expect([slice.first, slice.end, slice.from]).toEqual([12, 20, 12]);
    expect(texts(slice)[0]).toBe('L12');
    expect(texts(emu.lines(15, 1))).toEqual(['L15']);
    await feed(emu, '\r\n' + numbered(20, 22));
    expect(texts(emu.lines(15, 1))).toEqual(['L15']);
    expect(emu.lines(0, 0).epoch).toBe(slice.epoch);
  });

  it('marks the rows a long line wrapped onto', async () => {
    const emu = emulator();
    await feed(emu, 'abcdefghijklmnopqrstuvwxy\r\nz');
    const slice = emu.lines(0, 4);
    expect(texts(slice)).toEqual(['abcdefghij', 'klmnopqrst', 'uvwxy', 'z']);
    expect(slice.wrapped).toEqual([false, true, true, false]);
  });

  it('starts a new numbering on a resize and on the alternate screen', async () => {
    const emu = emulator();
    await feed(emu, numbered(0, 5));
    const before = emu.lines(0, 0).epoch;
    emu.resize(12, 3);
    const resized = emu.lines(0, 0).epoch;
    expect(resized).not.toBe(before);
    await feed(emu, '\x1b[?1049h');
    const alternate = emu.lines(0, 100);
    expect(alternate.epoch).not.toBe(resized);
    expect([alternate.first, alternate.end]).toEqual([0, 3]);
    await feed(emu, '\x1b[?1049l');
    expect(emu.lines(0, 0).epoch).not.toBe(alternate.epoch);
  });
});

describe('sliceRange', () => {
  it('holds a request to the lines there are', () => {
    expect(sliceRange(0, 5, 10, 20)).toEqual({ from: 10, to: 10 });
    expect(sliceRange(8, 5, 10, 20)).toEqual({ from: 10, to: 13 });
    expect(sliceRange(12, 5, 10, 20)).toEqual({ from: 12, to: 17 });
    expect(sliceRange(18, 5, 10, 20)).toEqual({ from: 18, to: 20 });
    expect(sliceRange(-5, 5, 10, 20)).toEqual({ from: 15, to: 20 });
    expect(sliceRange(-50, 5, 10, 20)).toEqual({ from: 10, to: 10 });
    expect(sliceRange(30, 5, 10, 20)).toEqual({ from: 20, to: 20 });
  });
});

describe('OSC 52', () => {
  it('passes a request to set the clipboard on, decoded', async () => {
    const emu = emulator();
    const set: string[] = [];
    emu.onClipboardSet((text) => set.push(text));
    await feed(emu, `\x1b]52;c;${Buffer.from('héllo').toString('base64')}\x07`);
    expect(set).toEqual(['héllo']);
  });

  it('refuses to read the clipboard: no answer reaches the program', async () => {
    const replies: string[] = [];
    const emu = emulator({ replies });
    const set: string[] = [];
    emu.onClipboardSet((text) => set.push(text));
    await feed(emu, '\x1b]52;c;?\x07\x1b[5n');
    // The status report asked after it is answered, so the emulator did read past the clipboard request.
    expect(replies).toEqual(['\x1b[0n']);
    expect(set).toEqual([]);
  });

  it('ignores requests that are not base64, and stops telling a listener that has gone', async () => {
    const emu = emulator();
    const set: string[] = [];
    const listening = emu.onClipboardSet((text) => set.push(text));
    await feed(emu, '\x1b]52;c;not base64!\x07');
    listening.dispose();
    await feed(emu, `\x1b]52;c;${Buffer.from('later').toString('base64')}\x07`);
    expect(set).toEqual([]);
  });
});
