/**
 * PtyWriter against a scripted descriptor: what the kernel takes is gone, the rest waits in order, a full
 * buffer backs the retries off instead of spinning, and a dead descriptor drops what was queued.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PtyWriter, type WriteFd } from '../../src/io/pty-writer.js';

const eagain = () => Object.assign(new Error('EAGAIN: resource temporarily unavailable'), { code: 'EAGAIN' });

/** A descriptor whose kernel buffer takes `room()` bytes per write; everything taken is in `received`. */
function scriptedFd(room: () => number) {
  const received: string[] = [];
  const attempts: number[] = [];
  const write: WriteFd = (_fd, buffer) => {
    attempts.push(Date.now());
    const n = Math.min(room(), buffer.length);
    if (n === 0) throw eagain();
    received.push(Buffer.from(buffer.subarray(0, n)).toString('utf8'));
    return n;
  };
  return { write, received, attempts };
}

describe('PtyWriter', () => {
  afterEach(() => vi.useRealTimers());

  it('writes at once, on the caller’s turn, when the kernel takes everything', () => {
    const fd = scriptedFd(() => Infinity);
    const writer = new PtyWriter(3, fd.write);
    writer.write('a');
    writer.write('bc');
    expect(fd.received.join('')).toBe('abc');
    expect(writer.queuedBytes).toBe(0);
  });

  it('keeps the rest of a partial write, and later writes behind it, in order', () => {
    vi.useFakeTimers();
    let room = 2;
    const fd = scriptedFd(() => room);
    const writer = new PtyWriter(3, fd.write);
    writer.write('hello');
    writer.write(' world');
    expect(fd.received.join('')).toBe('he');
    expect(writer.queuedBytes).toBe(9);
    room = Infinity;
    vi.runOnlyPendingTimers();
    expect(fd.received.join('')).toBe('hello world');
    expect(writer.queuedBytes).toBe(0);
  });

  it('backs off while the buffer stays full, and goes on from the next turn once it drains', () => {
    vi.useFakeTimers();
    let room = 0;
    const fd = scriptedFd(() => room);
    const writer = new PtyWriter(3, fd.write);
    writer.write('x');
    vi.advanceTimersByTime(1000);
    // 1, 2, 4, 8, 16, 32, 32, … ms: about 35 tries in a second, not a spinning loop.
    expect(fd.attempts.length).toBeGreaterThan(20);
    expect(fd.attempts.length).toBeLessThan(50);
    room = Infinity;
    vi.advanceTimersByTime(32);
    expect(fd.received.join('')).toBe('x');
  });

  it('drops the queue when the descriptor fails otherwise, and after dispose writes nothing', () => {
    vi.useFakeTimers();
    let fail = false;
    const received: string[] = [];
    const writer = new PtyWriter(3, (_fd, buffer) => {
      if (fail) throw Object.assign(new Error('EIO'), { code: 'EIO' });
      received.push(Buffer.from(buffer).toString('utf8'));
      return buffer.length;
    });
    fail = true;
    writer.write('lost');
    expect(writer.queuedBytes).toBe(0);
    fail = false;
    writer.write('next');
    expect(received).toEqual(['next']);
    writer.dispose();
    writer.write('after');
    vi.runAllTimers();
    expect(received).toEqual(['next']);
  });
});
