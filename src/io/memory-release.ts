/**
 * When a thread hands its free memory back to the system (native.ts): once the work it reports has
 * stopped for a while. Each report restarts the wait, so a thread that keeps working is never interrupted
 * for it, and one that does nothing never wakes for it: a timer is armed only by work.
 */
import type { Disposable } from '../core/disposable.js';
import type { MemoryRelease } from '../core/memory-release.js';
import { releaseFreeMemory } from './native.js';

/** Quiet long enough that the burst is over, short enough that memory does not linger. */
const QUIET_MS = 2_000;

export class QuietMemoryRelease implements MemoryRelease, Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly release: () => void = releaseFreeMemory,
    private readonly quietMs = QUIET_MS,
  ) {}

  /** Work was done: the release waits until there has been none for quietMs. */
  worked(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.release();
    }, this.quietMs);
    this.timer.unref();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
