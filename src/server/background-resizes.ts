/**
 * Resizes of sessions nobody is looking at, applied one per turn of the event loop.
 *
 * A resize re-wraps the session's whole scrollback, which for 10,000 lines takes xterm 10–80 ms, and as
 * much again in garbage collection. A client attaching to thirty such sessions at a new size resizes every
 * one of them: done in one go, that held the server for over a second, with every keystroke and every
 * other client waiting behind it (measured: an attach right after another took 1.1 s instead of 0.3 s).
 * Here each resize waits its turn behind whatever else the event loop has; a newer size for a session
 * replaces one still waiting; and the owner applies a session's waiting resize at once whenever the
 * session's screen is about to be read, so no one ever sees a frame of the old size.
 */
import type { Disposable } from '../core/disposable.js';

interface Size {
  readonly cols: number;
  readonly rows: number;
}

export class BackgroundResizes implements Disposable {
  private readonly waiting = new Map<string, Size>();
  private turn: NodeJS.Immediate | undefined;

  constructor(private readonly apply: (id: string, cols: number, rows: number) => void) {}

  get size(): number {
    return this.waiting.size;
  }

  add(id: string, cols: number, rows: number): void {
    this.waiting.set(id, { cols, rows });
    this.turn ??= setImmediate(() => this.next());
  }

  /** Applies `id`'s waiting resize now, if it has one. */
  flush(id: string): void {
    const size = this.waiting.get(id);
    if (!size) return;
    this.waiting.delete(id);
    this.apply(id, size.cols, size.rows);
  }

  /** Drops `id`'s waiting resize: a newer one was applied, or the session is gone. */
  forget(id: string): void {
    this.waiting.delete(id);
  }

  dispose(): void {
    if (this.turn) clearImmediate(this.turn);
    this.turn = undefined;
    this.waiting.clear();
  }

  private next(): void {
    this.turn = undefined;
    const first = this.waiting.keys().next();
    if (first.done) return;
    this.flush(first.value);
    if (this.waiting.size) this.turn = setImmediate(() => this.next());
  }
}
