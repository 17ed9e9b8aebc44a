/**
 * A pane's whole buffer as copy mode and capture read it: xterm's own rows and, above them, the compact
 * history (core/screen/history.ts) its old rows are handed to, numbered as one (core/screen/line-slice.ts).
 *
 * xterm keeps every row of its scrollback at the screen's full width, however little is on it. Here
 * xterm keeps the screen and LIVE_ROWS above it, enough for the screen to grow back into (a taller pane
 * pulls rows down from the scrollback) and for the newest lines to re-wrap with the screen on a resize;
 * older rows go to the history a batch at a time, whole lines only (a line's rows re-wrap together),
 * once there are HANDOVER_MIN of them and the pane's output has paused for QUIET_MS. A flood is left
 * alone until then: xterm recycles the rows of a full scrollback for nothing, while rows taken out of it
 * make it allocate every new one (measured with four panes flooding: 18% slower when rows moved whenever
 * a pane had caught up). Once a handover ends, the owner hears of it (`onHandedOver`), so that the memory
 * the rows held can go back to the system.
 *
 * The history follows the scrollback's rules: it and xterm's rows together hold no more than the
 * configured scrollback (the oldest go first); it belongs to the normal screen (not shown on the
 * alternate one, kept while it is); and it goes with everything xterm drops itself (a full scrollback
 * trimmed, ED 3, a reset).
 */
import type { Terminal } from '@xterm/headless';
import { DisposableStore, toDisposable, type Disposable } from '../core/disposable.js';
import type { FrameLine } from '../core/screen/frame.js';
import { History } from '../core/screen/history.js';
import { sliceRange, type LineSlice } from '../core/screen/line-slice.js';
import type { FrameReader } from './frame-reader.js';
import type { XtermInternals } from './xterm-internals.js';

const LIVE_ROWS = 200;
const HANDOVER_MIN = 256;
/** A batch takes ~2.5 ms (~10 µs a row): a key typed in another pane of the thread waits no longer. */
const HANDOVER_BATCH = 250;
/** How long output must pause before rows are handed over, and the pause between batches. */
const QUIET_MS = 1000;
const HANDOVER_NEXT_MS = 5;
/** When nothing could move (one line runs from the oldest row into the kept ones), the wait before trying again. */
const STUCK_RETRY_MS = 1000;

export interface HandoverOptions {
  /** Rows of scrollback xterm keeps itself; default LIVE_ROWS (tests shrink it). */
  readonly liveRows?: number;
  /** Default QUIET_MS. */
  readonly quietMs?: number;
}

export interface PaneScrollbackOptions {
  /** Lines kept above the screen, in xterm and the history together. */
  readonly scrollback: number;
  readonly handover?: HandoverOptions;
  /** Whether output written to the pane is still waiting to be parsed. */
  readonly busy: () => boolean;
  readonly onHandedOver?: () => void;
}

export class PaneScrollback implements Disposable {
  private readonly store = new DisposableStore();
  private readonly history = new History();
  /** The normal buffer the history came from: a reset replaces it. */
  private historyOwner: object;
  /** Lines dropped off the top since the numbering began. */
  private trimmed = 0;
  private epoch = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private handingOver = false;
  /** Rows moved since the owner last heard of it; no handover is tried before `retryAt` (ms). */
  private moved = false;
  private retryAt = 0;
  private readonly liveRows: number;
  private readonly quietMs: number;
  private lastParse = 0;

  constructor(
    private readonly terminal: Terminal,
    private readonly internals: XtermInternals,
    private readonly reader: FrameReader,
    private readonly options: PaneScrollbackOptions,
  ) {
    this.liveRows = options.handover?.liveRows ?? LIVE_ROWS;
    this.quietMs = options.handover?.quietMs ?? QUIET_MS;
    this.historyOwner = internals.normalBuffer;
    this.store.add(toDisposable(() => clearTimeout(this.timer)));
    this.store.add(internals.onTrim((count) => this.dropped(count)));
    this.store.add(terminal.buffer.onBufferChange(() => this.renumber()));
  }

  /** Rows xterm itself holds for the normal screen and its scrollback. */
  get emulatorRows(): number {
    return this.terminal.buffer.normal.length;
  }

  /** After each parse: old rows piling up are handed over soon. */
  parsed(): void {
    this.lastParse = Date.now();
    if (this.timer !== undefined || this.terminal.buffer.normal.baseY <= this.liveRows + HANDOVER_MIN) return;
    this.handOverIn(Math.max(this.quietMs, this.retryAt - this.lastParse));
  }

  /** Numbers from before a resize no longer name the same text (re-wrapping moves it between rows). */
  renumber(): void {
    this.epoch++;
    this.trimmed = 0;
    this.adoptNormalBuffer();
  }

  /** Every row from the oldest kept, or only the screen's. */
  rows(scrollback: boolean): FrameLine[] {
    const { cols, rows } = this.terminal;
    const buffer = this.terminal.buffer.active;
    const history = scrollback ? this.historyRows() : 0;
    const lines = history ? this.history.read(0, history, cols).lines : [];
    for (let y = scrollback ? 0 : buffer.baseY; y < buffer.baseY + rows; y++) lines.push(this.reader.read(buffer.getLine(y), cols));
    return lines;
  }

  /** Lines `from` (a line number, or negative to count back from the end) onwards, at most `count` of them. */
  lines(from: number, count: number): LineSlice {
    const { cols } = this.terminal;
    const buffer = this.terminal.buffer.active;
    const history = this.historyRows();
    const first = this.trimmed;
    const end = first + history + buffer.length;
    const range = sliceRange(from, count, first, end);
    const { lines, wrapped } = this.history.read(range.from - first, Math.min(range.to - first, history), cols);
    for (let n = Math.max(range.from, first + history); n < range.to; n++) {
      const line = buffer.getLine(n - first - history);
      lines.push(this.reader.read(line, cols));
      wrapped.push(line?.isWrapped ?? false);
    }
    return { epoch: this.epoch, first, end, from: range.from, lines, wrapped };
  }

  dispose(): void {
    this.store.dispose();
  }

  private handOverIn(ms: number): void {
    this.timer = setTimeout(() => this.handOver(), ms);
    this.timer.unref?.();
  }

  /** Moves a batch of the normal buffer's oldest rows into the history. */
  private handOver(): void {
    this.timer = undefined;
    const quietFor = Date.now() - this.lastParse;
    if (this.options.busy() || quietFor < this.quietMs) return this.handOverIn(Math.max(HANDOVER_NEXT_MS, this.quietMs - quietFor));
    const normal = this.terminal.buffer.normal;
    const movable = normal.baseY - this.liveRows;
    const wrapsOn = (row: number) => normal.getLine(row)?.isWrapped === true;
    let count = Math.min(movable, HANDOVER_BATCH);
    while (count > 0 && wrapsOn(count)) count--;
    // One line longer than a batch goes whole, if it ends above the rows xterm keeps.
    if (count === 0) for (count = Math.min(movable, HANDOVER_BATCH); count < movable && wrapsOn(count); ) count++;
    if (count <= 0 || wrapsOn(count)) {
      this.retryAt = Date.now() + STUCK_RETRY_MS;
      return this.finish();
    }
    const { cols } = this.terminal;
    this.adoptNormalBuffer();
    const before = this.history.rows(cols);
    let line: FrameLine[] = [];
    for (let y = 0; y < count; y++) {
      const row = normal.getLine(y);
      if (line.length && !row?.isWrapped) {
        this.history.append(line, cols);
        line = [];
      }
      line.push(this.reader.read(row, cols));
    }
    this.history.append(line, cols);
    this.handingOver = true;
    this.internals.dropOldestRows(count);
    this.handingOver = false;
    // Rows keep their numbers across the move; should the history count them otherwise, numbering starts over.
    if (this.history.rows(cols) !== before + count) this.renumber();
    this.historyRows();
    this.moved = true;
    if (movable > count) this.handOverIn(HANDOVER_NEXT_MS);
    else this.finish();
  }

  private finish(): void {
    if (this.moved) this.options.onHandedOver?.();
    this.moved = false;
  }

  /**
   * The history's rows when the normal buffer is showing (0 on the alternate screen), after dropping
   * the oldest beyond what the scrollback holds with xterm's own rows.
   */
  private historyRows(): number {
    this.adoptNormalBuffer();
    const { cols, rows } = this.terminal;
    const excess = this.history.rows(cols) + this.terminal.buffer.normal.length - (this.options.scrollback + rows);
    const normalShowing = this.terminal.buffer.active.type === 'normal';
    if (excess > 0) {
      const dropped = this.history.dropRows(excess, cols);
      if (normalShowing) this.trimmed += dropped;
    }
    return normalShowing ? this.history.rows(cols) : 0;
  }

  /** xterm dropped rows off the top of the active buffer: from the normal one, the history above them goes too. */
  private dropped(count: number): void {
    if (this.handingOver) return;
    // Called for every row a flood pushes out past the scrollback: the history is asked about only when
    // it holds something (it is emptied by the first drop after a handover).
    if (this.history.lineCount > 0 && this.terminal.buffer.active.type === 'normal') {
      this.trimmed += this.history.rows(this.terminal.cols);
      this.history.clear();
    }
    this.trimmed += count;
  }

  /** A reset replaces the normal buffer: the history of the old one is not this one's. */
  private adoptNormalBuffer(): void {
    if (this.internals.normalBuffer === this.historyOwner) return;
    this.historyOwner = this.internals.normalBuffer;
    this.history.clear();
  }
}
