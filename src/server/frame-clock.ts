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
 * echo of one key landing inside the frame of the one before), which is what a person feels as lag. The
 * echo goes out alone: other panes' changes keep their frame boundary, so an echo beside four floods is a
 * frame of one row, not of five screens for the server to encode and the client to draw before it shows.
 *
 * A flood — output that has kept every frame busy for FLOOD_AFTER_FRAMES frames in a row — is drawn at
 * FLOOD_FRAME_MS instead. Nobody reads text scrolling by at 60 frames a second, and every frame is work
 * for the server and the client that the emulator then cannot use to keep up with the program (measured
 * on `cat` of 30 MB: the client's CPU time a third lower, the server's a little, the whole a few percent
 * faster). The first frame after a quiet spell goes back to FRAME_MS; echoes are not held by either.
 */
import type { Disposable } from '../core/disposable.js';
import { FRAME_MS } from '../core/screen/frame.js';

export const FLOOD_FRAME_MS = 33;
/** About a quarter of a second of output without a pause. */
export const FLOOD_AFTER_FRAMES = 15;

type Wake = 'quiet' | 'boundary';

export class FrameClock implements Disposable {
  private readonly dirty = new Set<string>();
  /** Sessions typed into whose echo has not been seen yet. */
  private readonly awaitingEcho = new Set<string>();
  private timer: { cancel(): void } | undefined;
  /** Dirty sessions whose change is an echo, going out on this turn, and the turn's callback. */
  private readonly echoes = new Set<string>();
  private echoTimer: ReturnType<typeof setImmediate> | undefined;
  private lastFlush = 0;
  /** Frames in a row that output had to wait for (a flood when it reaches FLOOD_AFTER_FRAMES). */
  private busyFrames = 0;

  constructor(
    private readonly flush: (ids: ReadonlySet<string>) => void,
    private readonly intervalMs = FRAME_MS,
    private readonly floodIntervalMs = FLOOD_FRAME_MS,
  ) {}

  /** A key was typed into `id`: its next change is probably the echo, which should not wait. */
  typed(id: string): void {
    this.awaitingEcho.add(id);
  }

  mark(id: string): void {
    this.dirty.add(id);
    if (this.awaitingEcho.delete(id)) {
      this.echoes.add(id);
      this.echoTimer ??= setImmediate(() => this.fireEchoes());
      return;
    }
    if (this.timer) return;
    // After a quiet spell the change goes out on this turn of the event loop (after the rest of this
    // turn's output); within a frame of the last flush it waits for the frame boundary.
    const interval = this.busyFrames >= FLOOD_AFTER_FRAMES ? this.floodIntervalMs : this.intervalMs;
    const wait = this.lastFlush + interval - Date.now();
    if (wait <= 0) {
      const immediate = setImmediate(() => this.fire('quiet'));
      this.timer = { cancel: () => clearImmediate(immediate) };
    } else {
      const timeout = setTimeout(() => this.fire('boundary'), wait);
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
    this.awaitingEcho.delete(id);
    this.echoes.delete(id);
  }

  private fireEchoes(): void {
    this.echoTimer = undefined;
    const ids = new Set([...this.echoes].filter((id) => this.dirty.delete(id)));
    this.echoes.clear();
    if (ids.size) this.flush(ids);
  }

  private fire(wake: Wake): void {
    this.timer = undefined;
    this.lastFlush = Date.now();
    if (wake === 'boundary') this.busyFrames++;
    else if (wake === 'quiet') this.busyFrames = 0;
    if (this.dirty.size === 0) return;
    const ids = new Set(this.dirty);
    this.dirty.clear();
    this.flush(ids);
  }

  dispose(): void {
    this.timer?.cancel();
    this.timer = undefined;
    if (this.echoTimer) clearImmediate(this.echoTimer);
    this.echoTimer = undefined;
    this.dirty.clear();
    this.awaitingEcho.clear();
    this.echoes.clear();
  }
}
