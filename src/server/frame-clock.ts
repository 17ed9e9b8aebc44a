/**
 * Coalesces "this pane changed" into at most one frame per display interval.
 *
 * A program can print a thousand chunks in the time a screen shows one frame; drawing per chunk is what
 * makes naive multiplexers slow. Each change marks its session dirty; the first mark after a flush arms
 * one timer, which fires no sooner than FRAME_MS after the previous flush and hands every dirty id to the
 * consumer at once. With nothing dirty no timer is armed, so idle sessions cost nothing.
 *
 * A keystroke is the exception to the frame boundary. After `typed(id)`, the next change to that session
 * is taken to be the echo and goes out on this turn of the event loop, however recent the last frame:
 * someone typing at 30 keys a second would otherwise wait up to a whole frame for every other key (the
 * echo of one key landing inside the frame of the one before), which is what a person feels as lag. A
 * flood gains at most one extra frame per key, so coalescing still holds where it matters.
 */
import type { Disposable } from '../core/disposable.js';

export const FRAME_MS = 16;

export class FrameClock implements Disposable {
  private readonly dirty = new Set<string>();
  /** Sessions typed into whose echo has not been seen yet. */
  private readonly awaitingEcho = new Set<string>();
  private timer: { cancel(): void; eager: boolean } | undefined;
  private lastFlush = 0;

  constructor(
    private readonly flush: (ids: ReadonlySet<string>) => void,
    private readonly intervalMs = FRAME_MS,
  ) {}

  /** A key was typed into `id`: its next change is probably the echo, which should not wait. */
  typed(id: string): void {
    this.awaitingEcho.add(id);
  }

  mark(id: string): void {
    this.dirty.add(id);
    const echo = this.awaitingEcho.delete(id);
    if (this.timer && (this.timer.eager || !echo)) return;
    this.timer?.cancel();
    // After a quiet spell, or for an echo, the change goes out on this turn of the event loop (after the
    // rest of this turn's output); within a frame of the last flush it waits for the frame boundary.
    const wait = echo ? 0 : this.lastFlush + this.intervalMs - Date.now();
    if (wait <= 0) {
      const immediate = setImmediate(() => this.fire());
      this.timer = { cancel: () => clearImmediate(immediate), eager: true };
    } else {
      const timeout = setTimeout(() => this.fire(), wait);
      this.timer = { cancel: () => clearTimeout(timeout), eager: false };
    }
  }

  /** Hands over `id` at once if it is dirty (so a status change is never seen before the screen behind it). */
  flushNow(id: string): void {
    if (!this.dirty.delete(id)) return;
    this.flush(new Set([id]));
  }

  forget(id: string): void {
    this.dirty.delete(id);
    this.awaitingEcho.delete(id);
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
    this.awaitingEcho.clear();
  }
}
