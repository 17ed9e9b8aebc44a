/**
 * The server's mirrors of panes whose emulators parse in another thread: what the server reads without
 * waiting (the frame), what it asks for (scrollback), and what happens when a thread fails. The emulator
 * hosts run on this thread behind MessageChannels (in-thread-emulators.ts), with the same messages and copies
 * a worker gets; test/integration/emulator-threads.test.ts runs the built worker.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ThreadChannel } from '../../src/core/channel.js';
import type { FromEmulator, ToEmulator } from '../../src/core/screen/emulator-messages.js';
import { lineText, type PaneFrame } from '../../src/core/screen/frame.js';
import { EmulatorPool, type EmulatorThreads } from '../../src/emu/emulator-pool.js';
import { inThreadEmulators } from '../../src/emu/in-thread-emulators.js';
import type { PaneMirror } from '../../src/emu/pane-mirror.js';

const pools: EmulatorPool[] = [];
afterEach(() => pools.splice(0).forEach((pool) => pool.dispose()));

function pool(size = 1, threads: EmulatorThreads = inThreadEmulators, log?: (line: string) => void): EmulatorPool {
  const made = new EmulatorPool(threads, size, log);
  pools.push(made);
  return made;
}

function open(emulators: EmulatorPool, cols = 20, rows = 3, replies: string[] = []): PaneMirror {
  return emulators.open({ cols, rows, scrollback: 100, onReply: (data) => replies.push(data) });
}

function feed(mirror: PaneMirror, data: string): Promise<void> {
  mirror.write(data);
  return mirror.settled();
}
const texts = (frame: PaneFrame) => frame.lines.map((line) => lineText(line).trimEnd());
const nextFrame = (mirror: PaneMirror) =>
  new Promise<PaneFrame>((resolve) => {
    const listening = mirror.onFrame((frame) => {
      listening.dispose();
      resolve(frame);
    });
  });

/** Threads that count the writes posted to them. */
function countingThreads(): { threads: EmulatorThreads; writes: string[] } {
  const writes: string[] = [];
  const threads: EmulatorThreads = {
    start() {
      const channel = inThreadEmulators.start();
      return {
        ...channel,
        post(message) {
          if (message.kind === 'write') writes.push(message.data);
          channel.post(message);
        },
      };
    },
  };
  return { threads, writes };
}

/** A flood of `count` reads of 4 KB, each ending on a line that numbers it. */
const reads = (count: number) => Array.from({ length: count }, (_, i) => `\r\nread ${i}`.padStart(4096, '.'));

/** Threads whose channels the test can fail, as a worker that threw would. */
function failingThreads(): { threads: EmulatorThreads; fail(): void; started: number } {
  const failures: Array<(error: Error) => void> = [];
  const made = {
    started: 0,
    threads: {
      start(): ThreadChannel<FromEmulator, ToEmulator> {
        made.started++;
        const channel = inThreadEmulators.start();
        return { ...channel, onFailure: (listener) => (failures.push(listener), { dispose: () => undefined }) };
      },
    },
    fail: () => failures.shift()!(new Error('boom')),
  };
  return made;
}

describe('a pane mirror', () => {
  it('shows output once the thread has parsed it, and counts what it has not', async () => {
    const mirror = open(pool());
    mirror.write('hello\r\nworld');
    expect(mirror.pendingBytes).toBe(12);
    await feed(mirror, '');
    expect(mirror.pendingBytes).toBe(0);
    expect(texts(mirror.frame())).toEqual(['hello', 'world', '']);
  });

  it('shares the rows a write did not change with the frame before', async () => {
    const mirror = open(pool());
    await feed(mirror, 'one\r\ntwo\r\nthree');
    const before = mirror.frame();
    await feed(mirror, '\x1b[2;1Hnew');
    const after = mirror.frame();
    expect(texts(after)).toEqual(['one', 'new', 'three']);
    expect(after.lines[0]).toBe(before.lines[0]);
    expect(after.lines[1]).not.toBe(before.lines[1]);
  });

  it("sends the program the emulator's answers to its queries", async () => {
    const replies: string[] = [];
    const mirror = open(pool(), 20, 3, replies);
    await feed(mirror, '\x1b[2;3H\x1b[6n');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(replies).toEqual(['\x1b[2;3R']);
  });

  it('asks the thread for scrollback and the captured text', async () => {
    const mirror = open(pool());
    await feed(mirror, Array.from({ length: 10 }, (_, i) => `line ${i}`).join('\r\n'));
    const slice = await mirror.lines(0, 4);
    expect(slice.lines.map((line) => lineText(line).trimEnd())).toEqual(['line 0', 'line 1', 'line 2', 'line 3']);
    expect(slice.end).toBe(10);
    expect(await mirror.capture({ ansi: false, scrollback: false })).toBe('line 7\nline 8\nline 9\n');
  });

  it('takes a new size once the thread has re-wrapped the screen', async () => {
    const mirror = open(pool(), 10, 2);
    await feed(mirror, 'abcdefghijkl\r\n');
    mirror.resize(20, 3);
    expect([mirror.cols, mirror.rows]).toEqual([20, 3]);
    const frame = await nextFrame(mirror);
    expect([frame.cols, frame.rows]).toEqual([20, 3]);
    expect(texts(frame)[0]).toBe('abcdefghijkl');
  });

  it('hears a title after the screen that came with it', async () => {
    const mirror = open(pool());
    const seen: string[] = [];
    mirror.onTitleChange((title) => seen.push(`${title}: ${texts(mirror.frame())[0]}`));
    await feed(mirror, 'before\x1b]2;named\x07');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual(['named: before']);
    expect(mirror.title).toBe('named');
  });

  it('answers a question still open when the pane ends, and hears nothing from the thread after', async () => {
    const mirror = open(pool());
    let heard = 0;
    mirror.onParsed(() => heard++);
    mirror.onFrame(() => heard++);
    mirror.write('late');
    const lines = mirror.lines(0, 1);
    mirror.dispose();
    await expect(lines).rejects.toThrow('the session has ended');
    await mirror.settled();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(heard).toBe(0);
  });

  it('settles at once when the frame already shows every write', async () => {
    const mirror = open(pool());
    await feed(mirror, 'shown');
    await mirror.settled();
    expect(texts(mirror.frame())[0]).toBe('shown');
  });

  it('reports progress through a backlog before its frame, and the frame once the backlog is parsed', async () => {
    const mirror = open(pool(), 20, 3);
    const pending: number[] = [];
    mirror.onParsed(() => pending.push(mirror.pendingBytes));
    for (let i = 0; i < 20; i++) mirror.write(`${'x'.repeat(8 * 1024 - 2)}\r\n`);
    const frame = nextFrame(mirror);
    await mirror.settled();
    expect(pending.length).toBeGreaterThan(1);
    expect(pending.at(-1)).toBe(0);
    expect((await frame).cols).toBe(20);
  });

  it('posts each write at once while the thread keeps up', () => {
    const counted = countingThreads();
    const mirror = open(pool(1, counted.threads));
    mirror.write('one');
    mirror.write('two');
    expect(counted.writes).toEqual(['one', 'two']);
  });

  it("holds a flood's reads while the thread is behind and posts them together, in order", async () => {
    const counted = countingThreads();
    const mirror = open(pool(1, counted.threads), 120, 3);
    const flood = reads(64);
    flood.forEach((read) => mirror.write(read));
    expect(mirror.pendingBytes).toBe(64 * 4096);
    expect(counted.writes.length).toBeLessThan(32);
    await mirror.settled();
    expect(counted.writes.join('')).toBe(flood.join(''));
    expect(mirror.pendingBytes).toBe(0);
    expect(texts(mirror.frame()).at(-1)).toBe('read 63');
  });

  it('posts what it holds as soon as the thread reports progress', async () => {
    const counted = countingThreads();
    const mirror = open(pool(1, counted.threads), 120, 3);
    reads(17).forEach((read) => mirror.write(read));
    const posted = counted.writes.length;
    expect(posted).toBe(16);
    await new Promise<void>((resolve) => mirror.onParsed(resolve));
    expect(counted.writes.length).toBe(posted + 1);
    expect(counted.writes.at(-1)).toMatch(/read 16$/);
  });
});

describe('the emulator threads', () => {
  it('start as panes need them, up to their number, and give each new pane the least busy', () => {
    const counted = failingThreads();
    const emulators = pool(2, counted.threads);
    const [a, b, c] = [open(emulators), open(emulators), open(emulators)];
    expect(counted.started).toBe(2);
    a.dispose();
    c.dispose();
    open(emulators);
    open(emulators);
    expect(counted.started).toBe(2);
    b.dispose();
  });

  it('replace a thread that failed: its panes start again blank, their waiting writes counted as parsed', async () => {
    const failing = failingThreads();
    const logged: string[] = [];
    const mirror = open(pool(1, failing.threads, (line) => logged.push(line)));
    await feed(mirror, 'lost');
    mirror.write('x');
    failing.fail();
    expect(mirror.pendingBytes).toBe(0);
    expect(failing.started).toBe(2);
    expect(logged).toEqual(['an emulator thread failed (boom); its 1 pane(s) start again blank']);
    await feed(mirror, 'again');
    expect(texts(mirror.frame())[0]).toBe('again');
  });

  it('give a failed thread\'s replacement the output that was still held', async () => {
    const failing = failingThreads();
    const mirror = open(pool(1, failing.threads), 120, 3);
    reads(17).forEach((read) => mirror.write(read));
    failing.fail();
    expect(mirror.pendingBytes).toBe(4096);
    await mirror.settled();
    expect(texts(mirror.frame()).at(-1)).toBe('read 16');
    expect(mirror.pendingBytes).toBe(0);
  });
});
