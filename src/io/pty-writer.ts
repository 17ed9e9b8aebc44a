/**
 * Writes to a pty's master side from the event loop's own thread.
 *
 * node-pty 1.1 hands every write to libuv's thread pool (fs.write): for a keystroke that is a futex wake
 * of a worker thread, the write, and an eventfd back to the loop before anything else happens. Measured
 * with strace on the echo path, that hand-off was a millisecond of a three-millisecond echo. The master
 * is non-blocking, so writing it directly can never stall the server: a write takes what the kernel
 * accepts, and whatever it does not take waits here, in order, for another try.
 *
 * A program that stops reading its terminal (a paste into a busy program) fills the kernel's buffer. The
 * retries then back off, from the next turn of the loop to RETRY_MAX_MS, so a stuck program costs a few
 * wake-ups a second rather than a spinning core, and start again from the next turn once it reads.
 *
 * The descriptor is node-pty's, which closes it when the program has gone; its owner disposes this writer
 * on the exit that follows. A write in between meets a closed descriptor (EBADF) and is dropped, as
 * node-pty's own queued writes would be: there is no one left to read it.
 */
import { writeSync } from 'node:fs';
import type { Disposable } from '../core/disposable.js';

const RETRY_MAX_MS = 32;

/** `writeSync`'s shape: bytes taken, or a thrown error with a `code` (EAGAIN when the buffer is full). */
export type WriteFd = (fd: number, buffer: Uint8Array) => number;

export class PtyWriter implements Disposable {
  private readonly queue: Uint8Array[] = [];
  private retry: NodeJS.Timeout | undefined;
  private retryMs = 0;
  private closed = false;

  constructor(
    private readonly fd: number,
    private readonly writeFd: WriteFd = (fd, buffer) => writeSync(fd, buffer),
  ) {}

  /** Bytes still waiting for the program to read (0 in the usual case of a keystroke or a reply). */
  get queuedBytes(): number {
    return this.queue.reduce((sum, chunk) => sum + chunk.length, 0);
  }

  write(data: string): void {
    if (this.closed || data === '') return;
    this.queue.push(Buffer.from(data, 'utf8'));
    // Anything already queued is waiting on the kernel; this goes behind it.
    if (this.queue.length === 1) this.flush();
  }

  dispose(): void {
    this.closed = true;
    this.queue.length = 0;
    if (this.retry) clearTimeout(this.retry);
    this.retry = undefined;
  }

  private flush(): void {
    this.retry = undefined;
    let progressed = false;
    while (this.queue.length > 0 && !this.closed) {
      const head = this.queue[0]!;
      let written: number;
      try {
        written = this.writeFd(this.fd, head);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EAGAIN') return this.later(progressed);
        // EIO and the like: the program is gone, and node-pty reports its exit; the input has no reader.
        this.queue.length = 0;
        return;
      }
      progressed ||= written > 0;
      if (written < head.length) {
        this.queue[0] = head.subarray(written);
        return this.later(progressed);
      }
      this.queue.shift();
    }
    this.retryMs = 0;
  }

  private later(progressed: boolean): void {
    this.retryMs = progressed ? 0 : Math.min(RETRY_MAX_MS, Math.max(1, this.retryMs * 2));
    this.retry = setTimeout(() => this.flush(), this.retryMs);
  }
}
