/**
 * Worker threads behind core/channel.ts: the server starts them (`workerThreads`), and the code a worker
 * runs reaches the server through `parentChannel`.
 *
 * A worker is unref'd: it never keeps the server's process alive on its own, and ends with it. A worker
 * that throws or ends while its channel is still wanted is a failure its owner hears of once.
 */
import { availableParallelism } from 'node:os';
import { parentPort, Worker } from 'node:worker_threads';
import { portChannel, type Channel, type ThreadChannel, type Threads } from '../core/channel.js';
import { toDisposable } from '../core/disposable.js';

/** How many threads can run at once on this machine. */
export const coreCount = (): number => availableParallelism();

export function workerThreads<In, Out>(file: URL): Threads<In, Out> {
  return {
    start(): ThreadChannel<In, Out> {
      const worker = new Worker(file);
      worker.unref();
      let closed = false;
      const channel = portChannel<In, Out>(worker, () => {
        closed = true;
        void worker.terminate();
      });
      return {
        ...channel,
        onFailure(listener) {
          let heard = false;
          const fail = (error: Error) => {
            if (closed || heard) return;
            heard = true;
            listener(error);
          };
          const onError = (error: Error) => fail(error);
          const onExit = (code: number) => fail(new Error(`the thread ended with code ${code}`));
          worker.on('error', onError).on('exit', onExit);
          return toDisposable(() => worker.off('error', onError).off('exit', onExit));
        },
      };
    },
  };
}

/** The server, as seen from inside a worker. */
export function parentChannel<In, Out>(): Channel<In, Out> {
  const port = parentPort;
  if (!port) throw new Error('not running in a worker thread');
  return portChannel(port, () => port.close());
}
