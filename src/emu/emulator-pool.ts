/**
 * The emulator threads of a server, and which pane lives in which.
 *
 * Threads start as panes need them, up to `size` (one per core: more would only take turns), and a new
 * pane goes to the thread with the fewest, so panes that flood at once parse on different cores while
 * an idle server with one session runs one thread. A thread that fails is replaced and its panes start
 * again on the new one (pane-mirror.ts says what they lose), the failure logged.
 *
 * in-thread-emulators.ts runs the same host on the calling thread, for tests.
 */
import type { ThreadChannel, Threads } from '../core/channel.js';
import { DisposableStore, type Disposable } from '../core/disposable.js';
import type { FromEmulator, ToEmulator } from '../core/screen/emulator-messages.js';
import { PaneMirror, type PaneMirrorOptions } from './pane-mirror.js';

export type EmulatorThreads = Threads<FromEmulator, ToEmulator>;

interface Thread {
  channel: ThreadChannel<FromEmulator, ToEmulator>;
  readonly panes: Map<number, PaneMirror>;
  store: DisposableStore;
}

export class EmulatorPool implements Disposable {
  private readonly threads: Thread[] = [];
  private nextPane = 1;
  private disposed = false;

  constructor(
    private readonly starter: EmulatorThreads,
    private readonly size: number,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  open(options: PaneMirrorOptions): PaneMirror {
    if (this.disposed) throw new Error('the emulator threads have stopped');
    const thread = this.leastBusy();
    const id = this.nextPane++;
    const mirror = new PaneMirror(id, thread.channel, options, {
      release: () => thread.panes.delete(id),
      typed: () => this.threads.forEach((each) => each.channel.post({ kind: 'typed', pane: id })),
    });
    thread.panes.set(id, mirror);
    return mirror;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.threads.splice(0).forEach((thread) => thread.store.dispose());
  }

  private leastBusy(): Thread {
    const idle = this.threads.find((thread) => thread.panes.size === 0);
    if (idle || this.threads.length >= Math.max(1, this.size)) {
      return idle ?? this.threads.reduce((a, b) => (b.panes.size < a.panes.size ? b : a));
    }
    const thread: Thread = { channel: this.starter.start(), panes: new Map(), store: new DisposableStore() };
    this.attach(thread);
    this.threads.push(thread);
    return thread;
  }

  private attach(thread: Thread): void {
    const { channel } = thread;
    thread.store.add(channel);
    thread.store.add(channel.onMessage((message) => thread.panes.get(message.pane)?.receive(message)));
    thread.store.add(channel.onFailure((error) => this.failed(thread, error)));
  }

  private failed(thread: Thread, error: Error): void {
    if (this.disposed) return;
    this.log(`an emulator thread failed (${error.message}); its ${thread.panes.size} pane(s) start again blank`);
    thread.store.dispose();
    thread.store = new DisposableStore();
    thread.channel = this.starter.start();
    this.attach(thread);
    thread.panes.forEach((mirror) => mirror.moveTo(thread.channel));
  }
}
