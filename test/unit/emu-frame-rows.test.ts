/**
 * A frame reads again only the rows xterm reports changed and keeps the others from the frame before.
 * That is only right if xterm reports every change, so this drives emulators with seeded random streams
 * of what programs send (text, wide characters, wrapping, cursor moves, erases, inserts and deletes,
 * scroll regions, the alternate screen, resets, resizes, a scrollback that fills up) and after every
 * chunk compares the frame with the screen read afresh, row by row.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PaneEmulator } from '../../src/emu/pane-emulator.js';
import type { PaneFrame } from '../../src/core/screen/frame.js';

const live: PaneEmulator[] = [];
afterEach(() => {
  while (live.length) live.pop()!.dispose();
});

/** mulberry32: small, seeded, good enough to pick escape sequences. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEXT = ['hello', 'x', 'a long line that wraps past the right edge of a narrow pane', '漢字', '🙂', 'é', '\t', 'tab\tstop'];

/** One piece of a program's output, chosen by `r`. */
function piece(r: () => number, cols: number, rows: number): string {
  const n = (max: number) => 1 + Math.floor(r() * max);
  const pieces = [
    () => TEXT[Math.floor(r() * TEXT.length)]!,
    () => '\r\n',
    () => '\n',
    () => '\r',
    () => `\x1b[${n(rows)};${n(cols)}H`,
    () => `\x1b[${n(3)}${'ABCD'[Math.floor(r() * 4)]}`,
    () => `\x1b[${Math.floor(r() * 4)}J`,
    () => `\x1b[${Math.floor(r() * 3)}K`,
    () => `\x1b[${n(3)}${'LMPX@'[Math.floor(r() * 5)]}`,
    () => `\x1b[${n(rows)};${n(rows)}r`,
    () => '\x1b[r',
    () => `\x1b[${n(3)}${'ST'[Math.floor(r() * 2)]}`,
    () => '\x1bM',
    () => '\x1bD',
    () => '\x1b7',
    () => '\x1b8',
    () => `\x1b[${[31, 42, 1, 7, 0, 38][Math.floor(r() * 6)]}m`,
    () => '\x1b[?1049h',
    () => '\x1b[?1049l',
    () => '\x1b[?47h',
    () => '\x1b[4h',
    () => '\x1b[4l',
    () => '\x1b#8',
    () => `x\x1b[${n(5)}b`,
    () => '\x1b[?7l',
    () => '\x1b[?7h',
    () => '\x1b[?6h',
    () => '\x1b[?6l',
  ];
  // A full reset now and then, not so often that screens stay empty.
  if (r() < 0.004) return '\x1bc';
  return pieces[Math.floor(r() * pieces.length)]!();
}

function parsed(emu: PaneEmulator, data: string): Promise<void> {
  return new Promise((resolve) => emu.write(data, resolve));
}

/** The screen read afresh: the bottom `rows` lines of the buffer, through the scrollback reader. */
function screenNow(emu: PaneEmulator, frame: PaneFrame) {
  return emu.lines(-frame.rows, frame.rows).lines;
}

describe('frames that keep unchanged rows', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('match the screen after every chunk of random output (seed %i)', async (seed) => {
    const r = random(seed);
    let cols = 12 + Math.floor(r() * 30);
    let rows = 3 + Math.floor(r() * 10);
    const emu = new PaneEmulator({ cols, rows, scrollback: 30, onReply: () => {} });
    live.push(emu);
    for (let step = 0; step < 400; step++) {
      let chunk = '';
      const pieces = 1 + Math.floor(r() * 6);
      for (let i = 0; i < pieces; i++) chunk += piece(r, cols, rows);
      await parsed(emu, chunk);
      if (r() < 0.02) {
        cols = 12 + Math.floor(r() * 30);
        rows = 3 + Math.floor(r() * 10);
        emu.resize(cols, rows);
      }
      // Not every chunk is followed by a frame: changes must add up across several parses.
      if (r() < 0.6) continue;
      const frame = emu.frame();
      expect(frame.lines, `seed ${seed}, step ${step}, after ${JSON.stringify(chunk)}`).toEqual(screenNow(emu, frame));
    }
  });

  it('shares the rows an echo did not touch with the frame before', async () => {
    const emu = new PaneEmulator({ cols: 20, rows: 5, onReply: () => {} });
    live.push(emu);
    await parsed(emu, 'one\r\ntwo\r\n$ ');
    const before = emu.frame();
    await parsed(emu, 'x');
    const after = emu.frame();
    expect(after.lines[2]).not.toBe(before.lines[2]);
    for (const y of [0, 1, 3, 4]) expect(after.lines[y]).toBe(before.lines[y]);
    // Frames handed out are never changed afterwards.
    expect(before.lines[2]!.flatMap((run) => run.cells).join('').trimEnd()).toBe('$');
  });
});
