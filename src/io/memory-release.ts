/**
 * When a thread hands its free memory back to the system (native.ts): once the work it reports has
 * stopped for a while. Each report pushes the release back, so a thread that keeps working is never
 * interrupted for it, and one that does nothing never wakes for it: a timer is armed only by work. Work
 * is reported with every frame, so a report only notes the time; the one timer, when it fires early,
 * waits again for what is left of the quiet. A release done in steps (a large heap compacted one
 * collection at a time) says when it wants its next one; that step, too, waits for the thread to be quiet.
 */
import type { Disposable } from '../core/disposable.js';
import type { MemoryRelease } from '../core/memory-release.js';
import { releaseFreeMemory } from './native.js';

/** Quiet long enough that the burst is over, short enough that memory does not linger. */
const QUIET_MS = 2_000;

export class QuietMemoryRelease implements MemoryRelease, Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastWork = 0;

  constructor(
    /** Returns when to release again (ms), for a release done in steps. */
    private readonly release: () => number | undefined = releaseFreeMemory,
    private readonly quietMs = QUIET_MS,
  ) {}

  /** Work was done: the release waits until there has been none for quietMs. */
  worked(): void {
    this.lastWork = Date.now();
    if (!this.timer) this.wait(this.quietMs);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private wait(ms: number): void {
    this.timer = setTimeout(() => {
      const quiet = Date.now() - this.lastWork;
      if (quiet < this.quietMs) return this.wait(this.quietMs - quiet);
      this.timer = undefined;
      const again = this.release();
      if (again !== undefined) this.wait(again);
    }, ms);
    this.timer.unref();
  }
}
