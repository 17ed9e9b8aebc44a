/**
 * The server's side of one pane's emulator: the emulator parses in a thread (emulator-host.ts), and this
 * mirror keeps the screen it last sent, so the server reads a frame at once, without waiting on a thread.
 *
 * Output goes to the thread numbered; `pendingBytes` is what was written and not yet parsed (the host
 * pauses the pty above a watermark, so a flood cannot queue up without bound in front of the thread), and
 * `onParsed` says when it shrank: the thread reports how far it got with each frame, and between frames
 * while a backlog drains, so a paused pty is resumed before the thread runs dry. A pty is read 4 KB at a
 * time, and each message costs the thread a fixed toll to receive, so while the thread is behind by
 * BEHIND_CHARS a flood's reads are held and posted together (BATCH_CHARS at a time, or as soon as the
 * thread reports progress, so it never runs dry); a thread that keeps up gets each write at once.
 * `settled` waits for the frame that shows everything written so far (an exit is recorded after it).
 * Scrollback is asked for (`lines`, `capture`) and answered by the thread. Keys never pass through the
 * thread: the host writes them to the pty and tells the mirror (`typed`), so the thread sends the echo's
 * screen at once.
 *
 * A thread that fails takes its panes' screens with it; the pool gives the pane a new thread (`moveTo`):
 * it starts blank at its size, the writes still waiting count as parsed, questions still open fail.
 */
import type { Channel } from '../core/channel.js';
import type { Disposable } from '../core/disposable.js';
import type { EmulatorAnswer, FromEmulator, ToEmulator } from '../core/screen/emulator-messages.js';
import { applyUpdate } from '../core/protocol/frame-delta.js';
import { DEFAULT_MODES, PLAIN, type FrameLine, type PaneFrame } from '../core/screen/frame.js';
import type { LineSlice } from '../core/screen/line-slice.js';
import type { CaptureOptions } from '../core/session/host.js';

export interface PaneMirrorOptions {
  readonly cols: number;
  readonly rows: number;
  readonly scrollback: number;
  /** Bytes the emulator sends to the program: answers to its queries. */
  readonly onReply: (data: string) => void;
}

interface PendingWrite {
  readonly seq: number;
  readonly size: number;
}

interface Settling {
  readonly seq: number;
  readonly resolve: () => void;
}

interface Question {
  resolve(answer: EmulatorAnswer): void;
}

type Listener<T> = (value: T) => void;

/** Posted and not yet parsed, above which the thread is behind and reads are held for one write. */
const BEHIND_CHARS = 64 * 1024;
/** How much held output goes out as one write (about a millisecond of parsing). */
const BATCH_CHARS = 16 * 1024;

function blankFrame(cols: number, rows: number): PaneFrame {
  const line: FrameLine = [{ style: PLAIN, cells: Array<string>(cols).fill(' ') }];
  return { cols, rows, lines: Array<FrameLine>(rows).fill(line), cursor: { x: 0, y: 0, visible: true }, title: '', modes: DEFAULT_MODES };
}

export class PaneMirror implements Disposable {
  private current: PaneFrame;
  private size: { cols: number; rows: number };
  private readonly writes: PendingWrite[] = [];
  private pending = 0;
  /** Output held while the thread is behind, and its size. */
  private held: string[] = [];
  private heldSize = 0;
  private settling: Settling[] = [];
  /** The last write the current frame shows. */
  private shown = 0;
  private seq = 0;
  private asked = 0;
  private readonly questions = new Map<number, Question>();
  private readonly frameListeners = new Set<Listener<PaneFrame>>();
  private readonly parsedListeners = new Set<Listener<void>>();
  private readonly titleListeners = new Set<Listener<string>>();
  private readonly bellListeners = new Set<Listener<void>>();
  private readonly clipboardListeners = new Set<Listener<string>>();
  private disposed = false;

  constructor(
    private readonly pane: number,
    private channel: Channel<FromEmulator, ToEmulator>,
    private readonly options: PaneMirrorOptions,
    private readonly pool: { release(): void; typed(): void },
  ) {
    this.size = { cols: options.cols, rows: options.rows };
    this.current = blankFrame(options.cols, options.rows);
    this.open();
  }

  /** Feeds program output to the thread, at once unless the thread is behind. */
  write(output: string): void {
    if (this.disposed) return;
    const behind = this.pending - this.heldSize >= BEHIND_CHARS;
    this.pending += output.length;
    this.held.push(output);
    this.heldSize += output.length;
    if (!behind || this.heldSize >= BATCH_CHARS) this.post();
  }

  /** Resolves once a frame shows everything written so far (at once, if the pane has ended). */
  settled(): Promise<void> {
    this.post();
    if (this.disposed || this.shown >= this.seq) return Promise.resolve();
    return new Promise((resolve) => this.settling.push({ seq: this.seq, resolve }));
  }

  /** A key reached the program: every thread hears of it (emulator-messages.ts says why). */
  typed(): void {
    this.post();
    if (!this.disposed) this.pool.typed();
  }

  /** Written but not yet parsed, in UTF-16 units. */
  get pendingBytes(): number {
    return this.pending;
  }

  get title(): string {
    return this.current.title;
  }

  /** The size asked for last; the frame takes it once the thread has re-wrapped the screen. */
  get cols(): number {
    return this.size.cols;
  }

  get rows(): number {
    return this.size.rows;
  }

  resize(cols: number, rows: number): void {
    if (this.disposed || (cols === this.size.cols && rows === this.size.rows)) return;
    this.size = { cols, rows };
    this.post();
    this.channel.post({ kind: 'resize', pane: this.pane, cols, rows });
  }

  /** The screen as the thread last sent it. Frames are never mutated. */
  frame(): PaneFrame {
    return this.current;
  }

  async capture(options: CaptureOptions): Promise<string> {
    const answer = await this.ask((ask) => ({ kind: 'capture', pane: this.pane, ask, options }));
    if ('text' in answer) return answer.text;
    throw new Error('error' in answer ? answer.error : 'the emulator did not answer');
  }

  async lines(from: number, count: number): Promise<LineSlice> {
    const answer = await this.ask((ask) => ({ kind: 'lines', pane: this.pane, ask, from, count }));
    if ('lines' in answer) return answer.lines;
    throw new Error('error' in answer ? answer.error : 'the emulator did not answer');
  }

  /** `pendingBytes` shrank: the thread has parsed more. */
  onParsed(listener: () => void): Disposable {
    return this.listen(this.parsedListeners, listener);
  }

  /** A new frame arrived from the thread. */
  onFrame(listener: Listener<PaneFrame>): Disposable {
    return this.listen(this.frameListeners, listener);
  }

  onTitleChange(listener: Listener<string>): Disposable {
    return this.listen(this.titleListeners, listener);
  }

  onBell(listener: () => void): Disposable {
    return this.listen(this.bellListeners, listener);
  }

  /** A program asked to put text on the clipboard (OSC 52); pane-emulator.ts says what is refused. */
  onClipboardSet(listener: Listener<string>): Disposable {
    return this.listen(this.clipboardListeners, listener);
  }

  /** A message from the thread about this pane (the pool routes them). */
  receive(message: FromEmulator): void {
    if (this.disposed) return;
    switch (message.kind) {
      case 'frame':
        this.current = applyUpdate(this.current, message.update);
        this.frameListeners.forEach((listener) => listener(this.current));
        this.shown = message.parsed;
        this.parsedUpTo(message.parsed);
        return this.settle(message.parsed);
      case 'parsed':
        return this.parsedUpTo(message.parsed);
      case 'reply':
        return this.options.onReply(message.data);
      case 'title':
        return this.titleListeners.forEach((listener) => listener(message.title));
      case 'bell':
        return this.bellListeners.forEach((listener) => listener());
      case 'clipboard':
        return this.clipboardListeners.forEach((listener) => listener(message.text));
      case 'answer':
        this.questions.get(message.ask)?.resolve(message.answer);
        this.questions.delete(message.ask);
    }
  }

  /** The pane's thread failed: it starts again, blank, on `channel`. */
  moveTo(channel: Channel<FromEmulator, ToEmulator>): void {
    this.channel = channel;
    const posted = this.seq;
    // Opened first: what was held goes to the new thread as the pane's first output.
    if (!this.disposed) this.open();
    this.parsedUpTo(posted);
    this.post();
    this.settle(posted);
    this.questions.forEach((question) => question.resolve({ error: "the pane's emulator stopped" }));
    this.questions.clear();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.channel.post({ kind: 'close', pane: this.pane });
    this.questions.forEach((question) => question.resolve({ error: 'the session has ended' }));
    this.questions.clear();
    [this.frameListeners, this.parsedListeners, this.titleListeners, this.bellListeners, this.clipboardListeners].forEach((set) => set.clear());
    this.writes.length = 0;
    this.held = [];
    this.heldSize = 0;
    this.settle(Infinity);
    this.pool.release();
  }

  private open(): void {
    const { cols, rows } = this.size;
    this.channel.post({ kind: 'open', pane: this.pane, cols, rows, scrollback: this.options.scrollback });
  }

  /** Posts the output held, as one write. */
  private post(): void {
    if (this.heldSize === 0 || this.disposed) return;
    const data = this.held.length === 1 ? this.held[0]! : this.held.join('');
    const seq = ++this.seq;
    this.writes.push({ seq, size: this.heldSize });
    this.held = [];
    this.heldSize = 0;
    this.channel.post({ kind: 'write', pane: this.pane, data, seq });
  }

  private parsedUpTo(seq: number): void {
    let shrank = false;
    while (this.writes.length && this.writes[0]!.seq <= seq) {
      this.pending -= this.writes.shift()!.size;
      shrank = true;
    }
    if (!shrank) return;
    // The thread moved on: what was held goes now, so the thread has it before it runs dry.
    this.post();
    this.parsedListeners.forEach((listener) => listener());
  }

  private settle(seq: number): void {
    const done = this.settling.filter((waiter) => waiter.seq <= seq);
    if (done.length === 0) return;
    this.settling = this.settling.filter((waiter) => waiter.seq > seq);
    done.forEach((waiter) => waiter.resolve());
  }

  private ask(question: (ask: number) => ToEmulator): Promise<EmulatorAnswer> {
    if (this.disposed) return Promise.resolve({ error: 'the session has ended' });
    const ask = ++this.asked;
    return new Promise((resolve) => {
      this.questions.set(ask, { resolve });
      this.channel.post(question(ask));
    });
  }

  private listen<T>(listeners: Set<Listener<T>>, listener: Listener<T>): Disposable {
    listeners.add(listener);
    return { dispose: () => listeners.delete(listener) };
  }
}
