/**
 * One pane's terminal emulator: an @xterm/headless Terminal that the pane's program output is fed into.
 *
 * The host writes pty output here and asks for a frame when it is time to draw; the emulator never draws
 * anything itself. Parsing is asynchronous (the panes of a thread take turns, parse-scheduler.ts, so a
 * flood of output cannot starve the event loop), so `pendingBytes` counts what was written but not yet
 * parsed: the host pauses the pty above a watermark, which is what keeps a runaway `cat` from growing
 * memory without bound. Replies to terminal
 * queries (device attributes, cursor position reports) come out of `onReply` for the host to send back to
 * the program, as a real terminal would. `capture` gives the text for `grove capture` (see capture.ts), and
 * `lines` any stretch of the scrollback and screen, numbered as line-slice.ts explains; the scrollback's
 * older rows are kept compactly outside xterm (pane-scrollback.ts).
 *
 * A program may ask for the clipboard with OSC 52. Reading it is always refused (a program in a pane must
 * not learn what the user copied elsewhere); a request to set it is handed to `onClipboardSet` listeners,
 * and whoever listens decides whether it reaches the user's terminal.
 *
 * Widths follow Unicode 11 (emoji are two columns), which is what current programs assume when they lay
 * out their own screens; xterm's built-in Unicode 6 tables would put every emoji one column off.
 *
 * A frame reads again only the rows xterm says its parses changed since the last frame, and shares every
 * other row (the same FrameLine object) with the frame before: an echo reads one row, not the screen, and
 * allocates next to nothing (measured: most of the server's share of an echo, and its garbage, was
 * reading unchanged rows). Frames are never mutated, so a frame handed out earlier stays as it was.
 */
import { DEFAULT_CONFIG } from '../core/config/config.js';
import xtermHeadless from '@xterm/headless';
import unicode11 from '@xterm/addon-unicode11';
import { DisposableStore, toDisposable, type Disposable } from '../core/disposable.js';
import type { PaneFrame, FrameLine, TerminalModes } from '../core/screen/frame.js';
import type { LineSlice } from '../core/screen/line-slice.js';
import type { CaptureOptions } from '../core/session/host.js';
import { captureText } from './capture.js';
import { FrameReader } from './frame-reader.js';
import { xtermInternals, type RowRange, type XtermInternals } from './xterm-internals.js';
import { StringSequenceLimit } from './string-limit.js';
import { ParseScheduler } from './parse-scheduler.js';
import { PaneBacklog } from './pane-backlog.js';
import { PaneScrollback, type HandoverOptions } from './pane-scrollback.js';

const { Terminal } = xtermHeadless;

/** OSC 52 payloads beyond this (in base64) are ignored rather than pushed at the user's terminal. */
const MAX_CLIPBOARD_BASE64 = 1024 * 1024;
const BASE64 = /^[A-Za-z0-9+/=\s]*$/;

export interface PaneEmulatorOptions {
  cols: number;
  rows: number;
  /** Lines kept above the screen; default the configuration's. */
  scrollback?: number;
  /** Bytes the emulator sends to the program: answers to its queries. */
  onReply: (data: string) => void;
  /** The turns this pane's parsing takes with others of its thread; default: a scheduler of its own. */
  scheduler?: ParseScheduler;
  /** When old scrollback rows go to the compact history (pane-scrollback.ts); tests shrink it. */
  handover?: HandoverOptions;
  /** Old rows went to the history: the memory they held is free once collected. */
  onHandedOver?: () => void;
}

export class PaneEmulator implements Disposable {
  private readonly terminal: InstanceType<typeof Terminal>;
  private readonly internals: XtermInternals;
  private readonly reader: FrameReader;
  private readonly store = new DisposableStore();
  private pending = 0;
  private readonly backlog = new PaneBacklog();
  private readonly scheduler: ParseScheduler;
  /** A key was typed: the next output is taken as its echo and parsed at once. */
  private echoNext = false;
  private currentTitle = '';
  private readonly scrollback: PaneScrollback;
  private readonly clipboardListeners = new Set<(text: string) => void>();
  /** The rows of the last frame, and the part of the screen changed since (from > to: none). */
  private rows: readonly FrameLine[] = [];
  private changedFrom = 0;
  private changedTo = Infinity;
  /** Control strings a program leaves open are cut off (string-limit.ts), so no program makes xterm hoard. */
  private readonly strings = new StringSequenceLimit();

  constructor(options: PaneEmulatorOptions) {
    const scrollback = options.scrollback ?? DEFAULT_CONFIG.scrollback;
    this.terminal = new Terminal({
      cols: options.cols,
      rows: options.rows,
      scrollback,
      allowProposedApi: true, // the unicode API that switches widths to Unicode 11
      logLevel: 'off',
    });
    this.store.add(toDisposable(() => this.terminal.dispose()));
    this.scheduler = options.scheduler ?? new ParseScheduler();
    this.store.add(toDisposable(() => {
      this.scheduler.forget(this);
      this.backlog.clear();
    }));
    this.terminal.loadAddon(new unicode11.Unicode11Addon());
    this.terminal.unicode.activeVersion = '11';
    this.internals = xtermInternals(this.terminal);
    this.reader = new FrameReader(this.terminal.buffer.active.getNullCell());
    const busy = () => this.pending > 0;
    this.scrollback = this.store.add(new PaneScrollback(this.terminal, this.internals, this.reader, { scrollback, busy, handover: options.handover, onHandedOver: options.onHandedOver }));
    this.store.add(this.terminal.onData(options.onReply));
    this.store.add(this.terminal.onTitleChange((title) => (this.currentTitle = title)));
    this.store.add(this.internals.onRowsChanged((rows) => this.rowsChanged(rows)));
    this.store.add(this.terminal.parser.registerOscHandler(52, (data) => this.clipboardRequest(data)));
  }

  /** Feeds program output; `parsed` runs once xterm has parsed this chunk (never, if disposed first). */
  write(output: string, parsed?: () => void): void {
    if (this.store.isDisposed) return;
    const data = this.strings.filter(output);
    const size = data.length;
    this.pending += size;
    const echo = this.echoNext;
    this.echoNext = false;
    const done = () => {
      this.pending -= size;
      parsed?.();
    };
    const first = this.backlog.empty;
    this.backlog.push(data, done);
    if (echo && first) this.parseNext();
    else this.scheduler.wake(this, this.parseNext);
  }

  /**
   * A key reached the program (the server writes keys to the pty itself, never waiting on this thread):
   * the program's next output, usually the echo, is parsed as it is written rather than in its turn, so
   * an echo goes out at once.
   */
  typed(): void {
    this.echoNext = true;
  }

  /** Written but not yet parsed, in UTF-16 units. */
  get pendingBytes(): number {
    return this.pending;
  }

  /** Written and dropped unparsed by skims, as it would have scrolled out of the scrollback (output-skim.ts). */
  get skimmedChars(): number {
    return this.backlog.skimmed;
  }

  /** Rows xterm itself holds for the normal screen and its scrollback; older rows are in the compact history. */
  get emulatorRows(): number {
    return this.scrollback.emulatorRows;
  }

  get title(): string {
    return this.currentTitle;
  }

  resize(cols: number, rows: number): void {
    if (cols === this.terminal.cols && rows === this.terminal.rows) return;
    this.terminal.resize(cols, rows);
    this.scrollback.renumber();
    this.rowsChanged(undefined);
  }

  /** The screen as it is now: the bottom `rows` lines of the active buffer, however far scrollback goes. */
  frame(): PaneFrame {
    const { cols, rows } = this.terminal;
    const buffer = this.terminal.buffer.active;
    // The first frame, and the first after a change of height, read every row.
    const reuse = this.rows.length === rows;
    const lines = reuse ? [...this.rows] : new Array<FrameLine>(rows);
    const from = reuse ? this.changedFrom : 0;
    const to = reuse ? Math.min(this.changedTo, rows - 1) : rows - 1;
    for (let y = from; y <= to; y++) lines[y] = this.reader.read(buffer.getLine(buffer.baseY + y), cols);
    this.rows = lines;
    this.changedFrom = Infinity;
    this.changedTo = -1;
    return {
      cols,
      rows,
      lines,
      // After writing the last column the cursor waits past the edge until the next character wraps it.
      cursor: { x: Math.min(buffer.cursorX, cols - 1), y: buffer.cursorY, visible: !this.internals.cursorHidden },
      title: this.currentTitle,
      modes: this.modes(),
    };
  }

  /** The text of the screen, or of the scrollback and the screen, as `tmux capture-pane -p` prints it. */
  capture(options: CaptureOptions): string {
    return captureText(this.scrollback.rows(options.scrollback), options.ansi);
  }

  /** Lines `from` (a line number, or negative to count back from the end) onwards, at most `count` of them. */
  lines(from: number, count: number): LineSlice {
    return this.scrollback.lines(from, count);
  }

  /** A program asked to put `text` on the clipboard (OSC 52). */
  onClipboardSet(listener: (text: string) => void): Disposable {
    this.clipboardListeners.add(listener);
    return this.store.add(toDisposable(() => this.clipboardListeners.delete(listener)));
  }

  onTitleChange(listener: (title: string) => void): Disposable {
    return this.store.add(this.terminal.onTitleChange(listener));
  }

  onBell(listener: () => void): Disposable {
    return this.store.add(this.terminal.onBell(listener));
  }

  dispose(): void {
    this.store.dispose();
  }

  /** The pane's turn: a skim of the backlog if it allows one (output-skim.ts), then its next chunk. */
  private readonly parseNext = (): boolean => {
    if (this.store.isDisposed) return false;
    const skim = this.skimmable() ? this.backlog.skim(this.terminal.options.scrollback! + 2 * this.terminal.rows) : undefined;
    if (skim) {
      this.parse(skim.replay);
      skim.parsed.forEach((parsed) => parsed?.());
    }
    const chunk = this.backlog.shift();
    if (chunk) {
      this.parse(chunk.data);
      chunk.parsed?.();
    }
    return !this.backlog.empty;
  };

  /**
   * The emulator's side of a skim's conditions: nothing left over from a sequence, the whole screen
   * scrolling. And no skim while the pane gives way to someone typing elsewhere: its output then stays
   * queued, its pty pauses and its program waits, which leaves the cores to the keys (parse-scheduler.ts).
   */
  private skimmable(): boolean {
    return this.internals.parserAtRest && this.internals.scrollsWhole && !this.scheduler.givesWay(this);
  }

  private readonly parse = (data: string): void => {
    if (this.store.isDisposed) return;
    this.internals.writeSync(data);
    this.scrollback.parsed();
  };

  /** Rows to read again at the next frame; undefined: all of them. */
  private rowsChanged(rows: RowRange | undefined): void {
    this.changedFrom = Math.min(this.changedFrom, rows ? rows.start : 0);
    this.changedTo = Math.max(this.changedTo, rows ? rows.end : Infinity);
  }

  /** OSC 52 `selection;data`: data `?` asks to read (refused, unanswered); base64 data sets. */
  private clipboardRequest(payload: string): boolean {
    const data = payload.slice(payload.indexOf(';') + 1);
    if (!payload.includes(';') || data === '?' || data === '') return true;
    if (data.length > MAX_CLIPBOARD_BASE64 || !BASE64.test(data)) return true;
    const text = Buffer.from(data, 'base64').toString('utf8');
    for (const listener of this.clipboardListeners) listener(text);
    return true;
  }

  private modes(): TerminalModes {
    const modes = this.terminal.modes;
    return {
      applicationCursor: modes.applicationCursorKeysMode,
      bracketedPaste: modes.bracketedPasteMode,
      mouseTracking: modes.mouseTrackingMode,
      sgrMouse: this.internals.sgrMouse,
    };
  }
}
