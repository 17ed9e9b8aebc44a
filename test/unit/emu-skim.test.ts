/**
 * Skimming a flood (src/emu/output-skim.ts): where a skim may go, and that an emulator which skimmed
 * ends in the very state of one that parsed everything.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { findSkim, scanChunk, type ScannedChunk } from '../../src/emu/output-skim.js';
import { PaneEmulator } from '../../src/emu/pane-emulator.js';

/** Chunks scanned as a pane's backlog scans them, each after the one before. */
function scanned(...chunks: string[]): ScannedChunk[] {
  let open = '';
  return chunks.map((data) => {
    const scan = scanChunk(data, open);
    open = scan.openEscape;
    return { data, scan };
  });
}

const lines = (from: number, to: number, end = '\r\n') => Array.from({ length: to - from }, (_, i) => `line ${from + i}${end}`).join('');

describe('where a skim may go', () => {
  it('keeps the last `keep` line feeds of the plain run, starting just after a CR LF', () => {
    const chunks = scanned(lines(0, 50), lines(50, 100));
    const skim = findSkim(chunks, 20, 10)!;
    expect(skim).toMatchObject({ chunks: 1, replay: '\r' });
    expect(chunks[1]!.data.slice(skim.offset)).toBe(lines(80, 100));
  });

  it('skims nothing when the run would leave fewer than `least` lines to drop', () => {
    expect(findSkim(scanned(lines(0, 30)), 20, 10)).toBeUndefined();
    expect(findSkim(scanned(lines(0, 31)), 20, 10)).toBeDefined();
  });

  it('ends the plain run at the first sequence other than SGR, a bell or a C1 control', () => {
    for (const stop of ['\x1b[2A', '\x07', '\x1b]0;title\x07', '\x9b2A', '\x1b7', '\x08']) {
      const chunks = scanned(lines(0, 40) + stop + lines(40, 100));
      expect(chunks[0]!.scan.plainEnd, JSON.stringify(stop)).toBe(lines(0, 40).length);
      expect(findSkim(chunks, 20, 10), JSON.stringify(stop)).toMatchObject({ chunks: 0, offset: lines(0, 20).length });
    }
  });

  it('follows an SGR sequence cut by the end of a chunk, and stops where the next chunk does not complete one', () => {
    const red = '\x1b[1;31m';
    const first = `${lines(0, 40)}${red.slice(0, 4)}`;
    expect(scanned(first, `${red.slice(4)}${lines(40, 80)}`)[1]!.scan).toMatchObject({ plainEnd: red.length - 4 + lines(40, 80).length, openEscape: '' });
    expect(scanned(first, `H${lines(40, 80)}`)[1]!.scan.plainEnd).toBe(0);
  });

  it('takes P after a CR LF only: a bare line feed leaves the cursor mid-line', () => {
    const skim = findSkim(scanned(lines(0, 40) + lines(40, 61, '\n') + lines(61, 62)), 20, 10)!;
    expect(skim.offset).toBe(lines(0, 40).length);
  });

  it('replays the SGR sequences from the last reset before P, even one cut across chunks', () => {
    const body = `${lines(0, 40)}\x1b[4:3m\x1b[0;1mbold\x1b[38;5;208m orange\r\n${lines(41, 100)}`;
    const cut = body.indexOf('\x1b[0;1m') + 3;
    const skim = findSkim(scanned(body.slice(0, cut), body.slice(cut)), 20, 10)!;
    expect(skim.replay).toBe('\x1b[0;1m\x1b[38;5;208m\r');
    const noReset = findSkim(scanned(`\x1b[32mgreen\x1b[1m${lines(0, 100)}`), 20, 10)!;
    expect(noReset.replay).toBe('\x1b[32m\x1b[1m\r');
  });
});

/** mulberry32, so that a failing case can be run again. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SGRS = ['\x1b[m', '\x1b[0m', '\x1b[1;31m', '\x1b[38;5;208m', '\x1b[48;2;10;20;30m', '\x1b[4:3m', '\x1b[58:2::1:2:3m', '\x1b[7m', '\x1b[22;39m', '\x1b[;44m', '\x1b[2m'];
const WORDS = ['grove', 'log', 'trace=0f3a', '漢字', '🙂', 'e\u0301', '\t', 'status=200', 'x'.repeat(70)];
/** What a program does besides plain text: each ends a plain run. */
const OTHERS = ['\x1b[2A', '\x1b7', '\x1b8', '\x1b]0;title\x07', '\x07', '\x1b[3;6r', '\x1b[r', '\x1b[?1049h', '\x1b[?1049l', '\x1b[H\x1b[2J', '\x1b[4h', '\x1b[4l', '\x1b(0', '\x1b(B'];

/**
 * Output like a busy program's: lines, some of them wrapping, now and then something else; coloured
 * densely, sparsely or not at all for 700 lines at a time (so that the colours in force where a
 * skim ends show on lines the pane keeps).
 */
function output(next: () => number, count: number): string {
  const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  let out = '';
  let colouring = 0;
  for (let i = 0; i < count; i++) {
    if (i % 700 === 0) colouring = pick([0.4, 0.02, 0]);
    if (next() < 0.002) out += pick(OTHERS);
    for (let words = Math.floor(next() * 8); words > 0; words--) out += (next() < colouring ? pick(SGRS) : '') + pick(WORDS) + ' ';
    out += `${i}${next() < 0.05 ? '\n' : next() < 0.03 ? '\r' : '\r\n'}`;
  }
  return out;
}

/** Cut at random places, SGR sequences and surrogate pairs included. */
function chunked(next: () => number, text: string): string[] {
  const chunks: string[] = [];
  for (let at = 0; at < text.length; ) {
    const size = 1 + Math.floor(next() * 3000);
    chunks.push(text.slice(at, at + size));
    at += size;
  }
  return chunks;
}

const live: PaneEmulator[] = [];
afterEach(() => {
  while (live.length) live.pop()!.dispose();
});

function emulator(): PaneEmulator {
  const emu = new PaneEmulator({ cols: 40, rows: 8, scrollback: 300, onReply: () => undefined, handover: { liveRows: 20, quietMs: 0 } });
  live.push(emu);
  return emu;
}

/** Queued all at once: the backlog is long enough to skim. */
function flood(emu: PaneEmulator, chunks: readonly string[]): Promise<void> {
  return new Promise((resolve) => chunks.forEach((chunk, i) => emu.write(chunk, i === chunks.length - 1 ? resolve : undefined)));
}

/** A few lines at a time, each parsed before the next is written: never enough queued to skim. */
async function trickle(emu: PaneEmulator, chunks: readonly string[]): Promise<void> {
  for (const chunk of chunks) {
    for (let at = 0; at === 0 || at < chunk.length; at += 500) await new Promise<void>((resolve) => emu.write(chunk.slice(at, at + 500), resolve));
  }
  expect(emu.skimmedChars).toBe(0);
}

/** What a program could see of the emulator's state. */
function state(emu: PaneEmulator): unknown {
  return { capture: emu.capture({ ansi: true, scrollback: true }), frame: emu.frame() };
}

describe('an emulator that skimmed', () => {
  it('ends as one that parsed everything: scrollback, screen, cursor, modes, title and colours', async () => {
    let skimmed = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const next = random(seed);
      const first = chunked(next, output(next, 1500));
      const second = chunked(next, output(next, 1200));
      const [skimming, parsing] = [emulator(), emulator()];
      await flood(skimming, first);
      await trickle(parsing, first);
      // A pause (the history takes old rows over), then more.
      await new Promise((resolve) => setTimeout(resolve, 5));
      await flood(skimming, second);
      await trickle(parsing, second);
      skimmed += skimming.skimmedChars;
      expect(state(skimming), `seed ${seed}`).toEqual(state(parsing));
      // The colours in force: what the next text is drawn with.
      await Promise.all([skimming, parsing].map((emu) => flood(emu, ['probe'])));
      expect(state(skimming), `seed ${seed}, probed`).toEqual(state(parsing));
    }
    expect(skimmed).toBeGreaterThan(200_000);
  });

  /** Long lines then short ones: a row the short ones are written over shows what the long ones left. */
  const longThenShort = `${'x'.repeat(30)}\r\n`.repeat(700) + lines(0, 700);

  it.each([
    ['a chunk that begins inside a sequence (the rest of an alternate screen switch)', ['\x1b[?104', '9h']],
    ['a scroll region narrower than the screen, the cursor below it', ['\x1b[2;6r\x1b[8;1H', '']],
  ])('skims nothing from %s', async (_name, before) => {
    const chunks = [lines(0, 40), ...before.slice(0, -1), before.at(-1)! + longThenShort];
    const [skimming, parsing] = [emulator(), emulator()];
    await flood(skimming, chunks);
    await trickle(parsing, chunks);
    expect(skimming.skimmedChars).toBe(0);
    expect(state(skimming)).toEqual(state(parsing));
    // Back to the whole screen scrolling, the same flood is skimmed.
    const after = ['\x1b[r\x1b[?1049l', longThenShort];
    await flood(skimming, after);
    await trickle(parsing, after);
    expect(skimming.skimmedChars).toBeGreaterThan(0);
    expect(state(skimming)).toEqual(state(parsing));
  });

  it('keeps only lines the skim did not drop, whatever row the cursor was on where it began', async () => {
    // The cursor goes home over a screen of long lines: the first lines after the skim are written over them.
    const chunks = [`${'x'.repeat(30)}\r\n`.repeat(40), '\x1b[H', lines(0, 1400)];
    const [skimming, parsing] = [emulator(), emulator()];
    await flood(skimming, chunks);
    await trickle(parsing, chunks);
    expect(skimming.skimmedChars).toBeGreaterThan(0);
    expect(state(skimming)).toEqual(state(parsing));
  });

  it('skims on the alternate screen too, which keeps no scrollback', async () => {
    const chunks = ['\x1b[?1049h', longThenShort];
    const [skimming, parsing] = [emulator(), emulator()];
    await flood(skimming, chunks);
    await trickle(parsing, chunks);
    expect(skimming.skimmedChars).toBeGreaterThan(0);
    expect(state(skimming)).toEqual(state(parsing));
  });
});
