/**
 * A two-way message channel to another thread, as small interfaces so the code on either end is written
 * against this and not against worker_threads (src/io/threads.ts has the real one; a MessageChannel
 * within one thread serves where no worker can be started).
 */
import { toDisposable, type Disposable } from './disposable.js';

export interface Channel<In, Out> extends Disposable {
  post(message: Out): void;
  onMessage(listener: (message: In) => void): Disposable;
}

/** The server's end of a thread: it can also fail (the thread threw or ended). */
export interface ThreadChannel<In, Out> extends Channel<In, Out> {
  onFailure(listener: (error: Error) => void): Disposable;
}

/** Starts threads of one kind. */
export interface Threads<In, Out> {
  start(): ThreadChannel<In, Out>;
}

/** What a worker, a worker's parent port and a MessageChannel's port all are: they post and emit 'message'. */
export interface MessagePortLike {
  postMessage(message: unknown): void;
  // Node's own signatures, which are overloaded per event: only 'message' is listened for.
  on(event: string, listener: (...args: any[]) => void): unknown;
  off(event: string, listener: (...args: any[]) => void): unknown;
}

/** A channel over any of them; `close` ends it. */
export function portChannel<In, Out>(port: MessagePortLike, close: () => void): Channel<In, Out> {
  return {
    post: (message) => port.postMessage(message),
    onMessage(listener: (message: In) => void) {
      port.on('message', listener);
      return toDisposable(() => port.off('message', listener));
    },
    dispose: close,
  };
}
