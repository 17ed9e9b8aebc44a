/**
 * One pane's terminal emulator: an @xterm/headless Terminal that the pane's program output is fed into.
 *
 * The host writes pty output here and asks for a frame when it is time to draw; the emulator never draws
 * anything itself. Parsing is asynchronous (xterm parses in slices so a flood of output cannot starve the
 * event loop), so `pendingBytes` counts what was written but not yet parsed: the host pauses the pty above
 * a watermark, which is what keeps a runaway `cat` from growing memory without bound. Replies to terminal
 * queries (device attributes, cursor position reports) come out of `onReply` for the host to send back to
 * the program, as a real terminal would. `capture` gives the text for `grove capture` (see capture.ts).
 *
 * Widths follow Unicode 11 (emoji are two columns), which is what current programs assume when they lay
 * out their own screens; xterm's built-in Unicode 6 tables would put every emoji one column off.
 */
import xtermHeadless from '@xterm/headless';
import unicode11 from '@xterm/addon-unicode11';
import { DisposableStore, toDisposable, type Disposable } from '../core/disposable.js';
import type { PaneFrame, FrameLine, TerminalModes } from '../core/screen/frame.js';
import type { CaptureOptions } from '../core/session/host.js';
import { captureText } from './capture.js';
import { FrameReader } from './frame-reader.js';
import { xtermInternals, type XtermInternals } from './xterm-internals.js';

const { Terminal } = xtermHeadless;

export interface PaneEmulatorOptions {
  cols: number;
  rows: number;
  /** Lines kept above the screen; default 10000. */
  scrollback?: number;
  /** Bytes the emulator sends to the program: answers to its queries. */
  onReply: (data: string) => void;
}

export class PaneEmulator implements Disposable {
  private readonly terminal: InstanceType<typeof Terminal>;
  private readonly internals: XtermInternals;
  private readonly reader: FrameReader;
  private readonly store = new DisposableStore();
  private pending = 0;
  private currentTitle = '';

  constructor(options: PaneEmulatorOptions) {
    this.terminal = new Terminal({
      cols: options.cols,
      rows: options.rows,
      scrollback: options.scrollback ?? 10_000,
      allowProposedApi: true, // the unicode API that switches widths to Unicode 11
      logLevel: 'off',
    });
    this.store.add(toDisposable(() => this.terminal.dispose()));
    this.terminal.loadAddon(new unicode11.Unicode11Addon());
    this.terminal.unicode.activeVersion = '11';
    this.internals = xtermInternals(this.terminal);
    this.reader = new FrameReader(this.terminal.buffer.active.getNullCell());
    this.store.add(this.terminal.onData(options.onReply));
    this.store.add(this.terminal.onTitleChange((title) => (this.currentTitle = title)));
  }

  /** Feeds program output; `parsed` runs once xterm has parsed this chunk (never, if disposed first). */
  write(data: string | Uint8Array, parsed?: () => void): void {
    if (this.store.isDisposed) return;
    const size = data.length;
    this.pending += size;
    this.terminal.write(data, () => {
      this.pending -= size;
      parsed?.();
    });
  }

  /** Written but not yet parsed: bytes for a Uint8Array, UTF-16 units for a string. */
  get pendingBytes(): number {
    return this.pending;
  }

  get title(): string {
    return this.currentTitle;
  }

  resize(cols: number, rows: number): void {
    if (cols === this.terminal.cols && rows === this.terminal.rows) return;
    this.terminal.resize(cols, rows);
  }

  /** The screen as it is now: the bottom `rows` lines of the active buffer, however far scrollback goes. */
  frame(): PaneFrame {
    const { cols, rows } = this.terminal;
    const buffer = this.terminal.buffer.active;
    const lines: FrameLine[] = new Array(rows);
    for (let y = 0; y < rows; y++) lines[y] = this.reader.read(buffer.getLine(buffer.baseY + y), cols);
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
    const { cols, rows } = this.terminal;
    const buffer = this.terminal.buffer.active;
    const lines: FrameLine[] = [];
    for (let y = options.scrollback ? 0 : buffer.baseY; y < buffer.baseY + rows; y++) {
      lines.push(this.reader.read(buffer.getLine(y), cols));
    }
    return captureText(lines, options.ansi);
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
