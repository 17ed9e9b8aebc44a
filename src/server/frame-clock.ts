/**
 * Coalesces "this pane changed" into at most one frame per display interval.
 *
 * A program can print a thousand chunks in the time a screen shows one frame; drawing per chunk is what
 * makes naive multiplexers slow. Each change marks its session dirty; the first mark after a flush arms
 * one timer, which fires no sooner than FRAME_MS after the previous flush and hands every dirty id to the
 * consumer at once. With nothing dirty no timer is armed, so idle sessions cost nothing.
 */
import type { Disposable } from '../core/disposable.js';

export const FRAME_MS = 16;

export class FrameClock implements Disposable {
  private readonly dirty = new Set<string>();
  private timer: { cancel(): void } | undefined;
  private lastFlush = 0;

  constructor(
    private readonly flush: (ids: ReadonlySet<string>) => void,
    private readonly intervalMs = FRAME_MS,
  ) {}

  mark(id: string): void {
    this.dirty.add(id);
    if (this.timer) return;
    const wait = this.lastFlush + this.intervalMs - Date.now();
    // After a quiet spell the change goes out on this turn of the event loop (a keystroke's echo should
    // not wait for a timer); within a frame of the last flush it waits for the frame boundary.
    if (wait <= 0) {
      const immediate = setImmediate(() => this.fire());
      this.timer = { cancel: () => clearImmediate(immediate) };
    } else {
      const timeout = setTimeout(() => this.fire(), wait);
      this.timer = { cancel: () => clearTimeout(timeout) };
    }
  }

  /** Hands over `id` at once if it is dirty (so a status change is never seen before the screen behind it). */
  flushNow(id: string): void {
    if (!this.dirty.delete(id)) return;
    this.flush(new Set([id]));
  }

  forget(id: string): void {
    this.dirty.delete(id);
  }

  private fire(): void {
    this.timer = undefined;
    this.lastFlush = Date.now();
    if (this.dirty.size === 0) return;
    const ids = new Set(this.dirty);
    this.dirty.clear();
    this.flush(ids);
  }

  dispose(): void {
    this.timer?.cancel();
    this.timer = undefined;
    this.dirty.clear();
  }
}
