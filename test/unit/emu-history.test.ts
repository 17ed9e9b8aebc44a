/**
 * A pane's old scrollback handed from xterm to the compact history (core/screen/history.ts) once output
 * pauses: copy mode and capture read exactly what they read before, by the same numbers, and the
 * history follows the scrollback's rules: its bound, a clear (ED3), a reset, the alternate screen, a resize.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lineText } from '../../src/core/screen/frame.js';
import { PaneEmulator } from '../../src/emu/pane-emulator.js';

const live: PaneEmulator[] = [];
afterEach(() => {
  while (live.length) live.pop()!.dispose();
});

const LIVE_ROWS = 20;

function emulator(options: { cols?: number; rows?: number; scrollback?: number } = {}): PaneEmulator {
  const emu = new PaneEmulator({ cols: options.cols ?? 30, rows: options.rows ?? 5, scrollback: options.scrollback ?? 5000, onReply: () => {}, handover: { liveRows: LIVE_ROWS, quietMs: 0 } });
  live.push(emu);
  return emu;
}

const feed = (emu: PaneEmulator, data: string) => new Promise<void>((resolve) => emu.write(data, resolve));

/** Waits until xterm holds no more than the rows it keeps and the screen (and the rest of a line cut there). */
async function handedOver(emu: PaneEmulator, rows = 5): Promise<void> {
  await vi.waitFor(() => expect(emu.emulatorRows).toBeLessThan(LIVE_ROWS + rows + 10), { timeout: 5000, interval: 5 });
}

/** Lines of every kind: plain, coloured (16, 256 and 24-bit, attributes), wide, wrapped, background to the edge. */
function mixed(count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    switch (i % 6) {
      case 0: out.push(`plain ${i}`); break;
      case 1: out.push(`\x1b[1;31mred ${i}\x1b[0m and \x1b[38;5;208m256\x1b[m \x1b[38;2;10;200;30;48;2;1;2;3;3mtrue\x1b[m`); break;
      case 2: out.push(`中文 ${i} 😀 wide 中中中中中中中中中 end`); break;
      case 3: out.push(`long ${i} `.repeat(9)); break;
      case 4: out.push(`\x1b[44mpainted ${i}\x1b[K\x1b[m`); break;
      default: out.push(''); break;
    }
  }
  return out.join('\r\n');
}

describe('the compact history', () => {
  it('reads every line and capture as before it was handed over, by the same numbers', async () => {
    const emu = emulator();
    await feed(emu, mixed(1500));
    const before = emu.lines(0, 100_000);
    const capture = emu.capture({ ansi: true, scrollback: true });
    expect(emu.emulatorRows).toBeGreaterThan(1000);
    await handedOver(emu);
    const after = emu.lines(0, 100_000);
    expect([after.epoch, after.first, after.end]).toEqual([before.epoch, before.first, before.end]);
    expect(after.wrapped).toEqual(before.wrapped);
    expect(after.lines).toEqual(before.lines);
    expect(emu.capture({ ansi: true, scrollback: true })).toBe(capture);
    expect(emu.lines(700, 3)).toEqual({ ...before, from: 700, lines: before.lines.slice(700, 703), wrapped: before.wrapped.slice(700, 703) });
  });

  it('keeps the scrollback bound, the oldest lines dropping off by number', async () => {
    const emu = emulator({ scrollback: 1500 });
    await feed(emu, Array.from({ length: 1800 }, (_, i) => `L${i}`).join('\r\n'));
    const numbered = emu.lines(0, 100_000);
    const l1000 = numbered.from + numbered.lines.findIndex((line) => lineText(line).trim() === 'L1000');
    await handedOver(emu);
    await feed(emu, '\r\n' + Array.from({ length: 400 }, (_, i) => `M${i}`).join('\r\n'));
    const slice = emu.lines(0, 100_000);
    expect(slice.end - slice.first).toBeLessThanOrEqual(1500 + 5);
    expect(lineText(slice.lines[slice.lines.length - 1]!).trim()).toBe('M399');
    // A line keeps its number while it is kept.
    expect(lineText(emu.lines(l1000, 1).lines[0]!).trim()).toBe('L1000');
  });

  it('is cleared with the scrollback (ED 3) and by a reset', async () => {
    const emu = emulator();
    await feed(emu, Array.from({ length: 1500 }, (_, i) => `L${i}`).join('\r\n'));
    await handedOver(emu);
    await feed(emu, '\x1b[3J');
    const cleared = emu.lines(0, 100_000);
    expect(cleared.end - cleared.first).toBe(5);
    await feed(emu, '\r\n' + Array.from({ length: 1500 }, (_, i) => `M${i}`).join('\r\n'));
    await handedOver(emu);
    await feed(emu, '\x1bc');
    const reset = emu.lines(0, 100_000);
    expect(reset.end - reset.first).toBe(5);
    expect(reset.lines.map(lineText).join('').trim()).toBe('');
  });

  it('is not part of the alternate screen, and is there again after it', async () => {
    const emu = emulator();
    await feed(emu, Array.from({ length: 1500 }, (_, i) => `L${i}`).join('\r\n'));
    await handedOver(emu);
    await feed(emu, '\x1b[?1049h');
    expect(emu.lines(0, 100_000).lines).toHaveLength(5);
    expect(emu.capture({ ansi: false, scrollback: true })).toBe('');
    await feed(emu, '\x1b[?1049l');
    const back = emu.lines(0, 100_000);
    expect(lineText(back.lines[0]!).trim()).toBe('L0');
    expect(back.end - back.first).toBe(1500);
  });

  it('wraps again at a new width, with the lines xterm kept', async () => {
    const emu = emulator({ cols: 20 });
    await feed(emu, Array.from({ length: 1500 }, (_, i) => `${i} `.padEnd(30, 'x')).join('\r\n'));
    await handedOver(emu);
    emu.resize(40, 5);
    const wide = emu.lines(0, 100_000);
    expect(wide.lines.slice(0, 2).map((line) => lineText(line).trimEnd())).toEqual(['0'.padEnd(30, 'x').replace('0x', '0 '), '1 '.padEnd(30, 'x')]);
    expect(wide.wrapped.slice(0, 2)).toEqual([false, false]);
    emu.resize(10, 5);
    const narrow = emu.lines(0, 6);
    expect(narrow.lines.map((line) => lineText(line))).toEqual(['0 xxxxxxxx', 'xxxxxxxxxx', 'xxxxxxxxxx', '1 xxxxxxxx', 'xxxxxxxxxx', 'xxxxxxxxxx']);
    expect(narrow.wrapped).toEqual([false, true, true, false, true, true]);
  });

  it('moves a line longer than a batch whole, once it ends above the rows xterm keeps', async () => {
    const emu = emulator({ cols: 10 });
    await feed(emu, 'x'.repeat(20_000));
    // The line runs on into the rows xterm keeps: nothing can move yet.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(emu.emulatorRows).toBe(2000);
    await feed(emu, '\r\n' + Array.from({ length: 40 }, (_, i) => `L${i}`).join('\r\n'));
    const before = emu.lines(0, 100_000);
    await handedOver(emu);
    const after = emu.lines(0, 100_000);
    expect(after.lines).toEqual(before.lines);
    expect(after.wrapped).toEqual(before.wrapped);
    expect(after.wrapped.filter((wrapped) => !wrapped)).toHaveLength(41);
  });
});
