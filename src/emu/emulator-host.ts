/**
 * An emulator thread's side of core/screen/emulator-messages.ts: the panes' emulators, fed from the
 * server, and the frame updates that keep the server's mirrors current.
 *
 * A pane's update goes out at most once per display interval (FRAME_MS) while output keeps coming, and
 * at once after a key or a resize, so an echo never waits for a frame boundary (the server's frame clock
 * then decides when clients see it). An update carries only the rows changed since the one before, and
 * how far the pane has parsed. A title, bell or clipboard request follows the update with the screen
 * that came with it, so the server never sees an event before the screen behind it.
 */
import { DisposableStore, toDisposable, type Disposable } from '../core/disposable.js';
import type { Channel } from '../core/channel.js';
import type { EmulatorAnswer, FromEmulator, ToEmulator } from '../core/screen/emulator-messages.js';
import { FRAME_MS, type PaneFrame } from '../core/screen/frame.js';
import { frameUpdate } from '../core/protocol/frame-delta.js';
import type { MemoryRelease } from '../core/memory-release.js';
import { PaneEmulator } from './pane-emulator.js';
import { ParseScheduler } from './parse-scheduler.js';

/** How much of a backlog is parsed between reports of progress (a tenth of the server's low watermark). */
const PROGRESS_CHARS = 32 * 1024;

export interface EmulatorHostOptions {
  /** Told of each update sent and of rows moved to a history, after which memory can go back to the system. */
  readonly memory?: MemoryRelease;
}

interface Pane {
  readonly emulator: PaneEmulator;
  /** The last frame sent: the next update is the difference from it. */
  sent: PaneFrame | undefined;
  sentAt: number;
  /** The number of the last write parsed. */
  parsed: number;
  /** Characters parsed since the server last heard how far the pane got. */
  unreported: number;
  /** A key, a title, a bell or a clipboard request since the last update: the next goes out at once. */
  urgent: boolean;
  timer: { cancel(): void; eager: boolean } | undefined;
  /** Titles, bells and clipboard requests, sent right after the next update. */
  readonly events: FromEmulator[];
}

export class EmulatorHost implements Disposable {
  private readonly panes = new Map<number, Pane>();
  private readonly store = new DisposableStore();
  /** The thread's panes take turns parsing. */
  private readonly scheduler = new ParseScheduler();

  constructor(
    private readonly channel: Channel<ToEmulator, FromEmulator>,
    private readonly options: EmulatorHostOptions = {},
  ) {
    this.store.add(channel.onMessage((message) => this.receive(message)));
    this.store.add(toDisposable(() => [...this.panes.keys()].forEach((id) => this.close(id))));
  }

  dispose(): void {
    this.store.dispose();
  }

  private receive(message: ToEmulator): void {
    if (message.kind === 'open') return this.open(message.pane, message.cols, message.rows, message.scrollback);
    const pane = this.panes.get(message.pane);
    if (message.kind === 'typed') this.scheduler.giveWay(pane?.emulator);
    if (!pane) return;
    switch (message.kind) {
      case 'write':
        return pane.emulator.write(message.data, () => {
          pane.parsed = message.seq;
          // An echo goes back as soon as it is parsed, ahead of the other panes' next turn.
          if (pane.urgent) return this.send(message.pane, pane);
          this.progress(message.pane, pane, message.data.length);
          this.schedule(message.pane, pane);
        });
      case 'typed':
        pane.urgent = true;
        return pane.emulator.typed();
      case 'resize':
        pane.emulator.resize(message.cols, message.rows);
        return this.send(message.pane, pane);
      case 'lines':
        return this.answer(message.pane, message.ask, () => ({ lines: pane.emulator.lines(message.from, message.count) }));
      case 'capture':
        return this.answer(message.pane, message.ask, () => ({ text: pane.emulator.capture(message.options) }));
      case 'close':
        return this.close(message.pane);
    }
  }

  private open(id: number, cols: number, rows: number, scrollback: number): void {
    this.close(id);
    const onReply = (data: string) => this.channel.post({ kind: 'reply', pane: id, data });
    const onHandedOver = () => this.options.memory?.worked();
    const emulator = new PaneEmulator({ cols, rows, scrollback, onReply, scheduler: this.scheduler, onHandedOver });
    const pane: Pane = { emulator, sent: undefined, sentAt: 0, parsed: 0, unreported: 0, urgent: true, timer: undefined, events: [] };
    this.panes.set(id, pane);
    emulator.onTitleChange((title) => this.event(id, pane, { kind: 'title', pane: id, title }));
    emulator.onBell(() => this.event(id, pane, { kind: 'bell', pane: id }));
    emulator.onClipboardSet((text) => this.event(id, pane, { kind: 'clipboard', pane: id, text }));
    this.schedule(id, pane);
  }

  private close(id: number): void {
    const pane = this.panes.get(id);
    if (!pane) return;
    this.panes.delete(id);
    pane.timer?.cancel();
    pane.emulator.dispose();
  }

  private answer(id: number, ask: number, read: () => EmulatorAnswer): void {
    let answer: EmulatorAnswer;
    try {
      answer = read();
    } catch (err) {
      answer = { error: (err as Error).message };
    }
    this.channel.post({ kind: 'answer', pane: id, ask, answer });
  }

  /**
   * Events arrive in the middle of a parse, before xterm says which rows the parse changed, so they wait
   * for the update that ends it (sent at once, like an echo's).
   */
  private event(id: number, pane: Pane, message: FromEmulator): void {
    pane.events.push(message);
    pane.urgent = true;
    this.schedule(id, pane);
  }

  /**
   * While a backlog drains, the server hears how far it got every PROGRESS_CHARS and when it runs dry,
   * not only with each frame: it resumes a paused pty below a watermark, and a frame's wait would leave
   * this thread idle until the next output arrived.
   */
  private progress(id: number, pane: Pane, size: number): void {
    pane.unreported += size;
    if (pane.unreported < PROGRESS_CHARS && pane.emulator.pendingBytes > 0) return;
    pane.unreported = 0;
    this.channel.post({ kind: 'parsed', pane: id, parsed: pane.parsed });
  }

  private schedule(id: number, pane: Pane): void {
    if (pane.timer && (pane.timer.eager || !pane.urgent)) return;
    pane.timer?.cancel();
    const wait = pane.urgent ? 0 : pane.sentAt + FRAME_MS - Date.now();
    if (wait <= 0) {
      const immediate = setImmediate(() => this.send(id, pane));
      pane.timer = { cancel: () => clearImmediate(immediate), eager: true };
    } else {
      const timeout = setTimeout(() => this.send(id, pane), wait);
      pane.timer = { cancel: () => clearTimeout(timeout), eager: false };
    }
  }

  private send(id: number, pane: Pane): void {
    if (this.panes.get(id) !== pane) return;
    pane.timer?.cancel();
    pane.timer = undefined;
    pane.urgent = false;
    pane.sentAt = Date.now();
    pane.unreported = 0;
    const frame = pane.emulator.frame();
    this.channel.post({ kind: 'frame', pane: id, update: frameUpdate(pane.sent, frame), parsed: pane.parsed });
    pane.sent = frame;
    pane.events.splice(0).forEach((event) => this.channel.post(event));
    this.options.memory?.worked();
  }
}
