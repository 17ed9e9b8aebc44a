/**
 * Ownership of things that must be released: ptys, subscriptions, listeners, timers.
 *
 * As in xterm.js, whoever creates a disposable registers it with its owner, and disposing the owner
 * disposes everything it holds, last registered first. Nothing is released by hoping the GC gets to it.
 */
export interface Disposable {
  dispose(): void;
}

export function toDisposable(release: () => void): Disposable {
  let done = false;
  return {
    dispose() {
      if (done) return;
      done = true;
      release();
    },
  };
}

export class DisposableStore implements Disposable {
  private readonly items: Disposable[] = [];
  private disposed = false;

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Takes ownership; a store already disposed releases the item at once. */
  add<T extends Disposable>(item: T): T {
    if (this.disposed) item.dispose();
    else this.items.push(item);
    return item;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    while (this.items.length) this.items.pop()!.dispose();
  }
}
