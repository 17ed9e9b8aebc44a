/**
 * Emulator hosts on the calling thread, each behind a MessageChannel, as if they were worker threads:
 * what tests give the session host (they run grove's TypeScript, which a worker could not load), with
 * the same messages and copies a worker gets. The server itself runs workers (src/server/main.ts), and
 * never loads this file or, on its main thread, xterm.
 */
import { portChannel, type Channel } from '../core/channel.js';
import { toDisposable } from '../core/disposable.js';
import type { FromEmulator, ToEmulator } from '../core/screen/emulator-messages.js';
import { EmulatorHost } from './emulator-host.js';
import type { EmulatorThreads } from './emulator-pool.js';

export const inThreadEmulators: EmulatorThreads = {
  start() {
    const { port1, port2 } = new MessageChannel();
    // A listening port keeps a process alive; these end with the host, never holding it up.
    const end = <In, Out>(port: typeof port1): Channel<In, Out> => {
      const channel = portChannel<In, Out>(port, () => port.close());
      return { ...channel, onMessage: (listener) => (port.unref(), channel.onMessage(listener)) };
    };
    const host = new EmulatorHost(end<ToEmulator, FromEmulator>(port1));
    const server = end<FromEmulator, ToEmulator>(port2);
    return { ...server, onFailure: () => toDisposable(() => undefined), dispose: () => (host.dispose(), server.dispose()) };
  },
};

/** The session host's emulator threads, all on this one. */
export const onThisThread = { threads: inThreadEmulators, count: 1 } as const;
