/**
 * The user's terminal as a screen to draw on: neo-blessed for layout, grove's renderer for the bytes.
 *
 * blessed lays out the boxes (sidebar, status bar, dialogs) and keeps the cell grid; grove's panes copy
 * their frames into the same grid. What blessed does not do is read the keyboard or write the bytes:
 * grove reads stdin itself, byte for byte, so blessed gets an idle input stream and never parses keys or
 * touches raw mode; and the screen's draw is replaced with grove's (screen-draw.ts), which knows dim,
 * italic and strikethrough, trusts the frame's widths, and never passes a control character through.
 *
 * Every draw, whoever triggers it (grove's render, or blessed itself after the terminal resized), goes out
 * as one write: bytes blessed had queued, the changed cells, then the hardware cursor. A render in which
 * nothing changed writes nothing.
 */
import { PassThrough } from 'node:stream';
import { screen as blessedScreen } from './screen-widgets.js';
import type { Widgets } from 'blessed';
import { toDisposable, type Disposable } from '../core/disposable.js';
import type { ColorDepth } from '../core/screen/color.js';
import { drawLines } from './screen-draw.js';
import { screenGrid, type ScreenGrid } from './screen-grid.js';

type CursorPlacement = { x: number; y: number; visible: boolean };

export interface TerminalScreen {
  /** For laying out blessed boxes (sidebar, status bar, dialogs). */
  readonly screen: Widgets.Screen;
  readonly cols: number;
  readonly rows: number;
  /** Where the hardware cursor goes after each draw; undefined hides it. */
  setCursor(cursor: CursorPlacement | undefined): void;
  /** blessed render + grove draw + cursor placement; cheap when nothing changed. */
  render(): void;
  /**
   * grove draw + cursor placement without a blessed render: for cells written into the grid directly
   * (a pane's new frame), when no element needs to render again.
   */
  draw(): void;
  onResize(listener: (cols: number, rows: number) => void): Disposable;
  /** Writes a control sequence to the terminal between draws: mouse modes, the clipboard (OSC 52). */
  control(sequence: string): void;
  /** Gives the terminal back as it was: main screen, cursor visible, no attributes, no paste or mouse modes. */
  destroy(): void;
}

export interface OpenScreenOptions {
  /** The stream blessed may listen to. Leave it out: the default, an idle stream, keeps blessed off stdin. */
  input?: NodeJS.ReadStream;
  output: NodeJS.WriteStream;
  colorDepth: ColorDepth;
  /** terminfo entry for blessed's few terminal-specific sequences (alternate screen, keypad); default $TERM. */
  term?: string;
  /** The terminal's locale is not UTF-8: draw ASCII only (core/text/ascii-fallback.ts). */
  ascii?: boolean;
}

const BRACKETED_PASTE_ON = '\x1b[?2004h';
/** Everything a program in the terminal may have switched on that must not outlive grove. */
const RESTORE = '\x1b[m\x1b[?2004l\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l\x1b[?25h';
const SYNC_BEGIN = '\x1b[?2026h';
const SYNC_END = '\x1b[?2026l';

class BlessedTerminalScreen implements TerminalScreen {
  private readonly grid: ScreenGrid;
  private wanted: CursorPlacement | undefined;
  /** Where the terminal's cursor was left by the last write; undefined when hidden. */
  private shown: CursorPlacement | undefined;
  private destroyed = false;

  constructor(
    readonly screen: Widgets.Screen,
    private readonly colorDepth: ColorDepth,
    private readonly ownedInput: PassThrough | undefined,
    private readonly ascii = false,
  ) {
    this.grid = screenGrid(screen);
    this.grid.draw = () => this.drawGrid();
    this.grid.program._write(BRACKETED_PASTE_ON);
    // Also on blessed's own exit handler, which destroys the screen when the process exits: the modes are
    // written before blessed's final flush, after it has left the alternate screen.
    screen.once('destroy', () => {
      this.destroyed = true;
      this.grid.program._write(RESTORE);
    });
  }

  get cols(): number {
    return this.screen.cols;
  }

  get rows(): number {
    return this.screen.rows;
  }

  setCursor(cursor: CursorPlacement | undefined): void {
    this.wanted = cursor;
  }

  render(): void {
    if (!this.destroyed) this.screen.render();
  }

  draw(): void {
    if (!this.destroyed) this.drawGrid();
  }

  onResize(listener: (cols: number, rows: number) => void): Disposable {
    const handler = (): void => listener(this.cols, this.rows);
    this.screen.on('resize', handler);
    return toDisposable(() => this.screen.removeListener('resize', handler));
  }

  control(sequence: string): void {
    if (!this.destroyed) this.grid.program._write(sequence);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.screen.destroy();
    this.ownedInput?.destroy();
  }

  /** Replaces blessed's draw: called by blessed's render once the elements have filled the grid. */
  private drawGrid(): void {
    const grid = this.grid;
    const cells = drawLines(grid.lines, grid.olines, this.colorDepth, this.ascii);
    const queued = grid.program._buf + grid._buf;
    grid.program._buf = '';
    grid._buf = '';
    // A visible cursor would flicker across the screen while cells are drawn: hide it until the end.
    const hide = this.shown && cells !== '' ? '\x1b[?25l' : '';
    if (hide) this.shown = undefined;
    const cursor = this.placeCursor(cells !== '' || queued !== '');
    if (queued === '' && cells === '' && cursor === '') return;
    const frame = cells === '' ? queued + cursor : queued + SYNC_BEGIN + hide + cells + cursor + SYNC_END;
    grid.program._owrite(frame);
  }

  /** The bytes that leave the cursor as wanted; `moved` says the draw moved it since it was placed. */
  private placeCursor(moved: boolean): string {
    const [wanted, shown] = [this.wanted?.visible ? this.wanted : undefined, this.shown];
    if (!wanted) {
      this.shown = undefined;
      return shown ? '\x1b[?25l' : '';
    }
    if (!moved && shown && shown.x === wanted.x && shown.y === wanted.y) return '';
    this.shown = { ...wanted };
    return `\x1b[${wanted.y + 1};${wanted.x + 1}H` + (shown ? '' : '\x1b[?25h');
  }
}

export function openScreen(options: OpenScreenOptions): TerminalScreen {
  const ownedInput = options.input ? undefined : new PassThrough();
  const screen = blessedScreen({
    input: options.input ?? (ownedInput as unknown as NodeJS.ReadStream),
    output: options.output,
    terminal: options.term ?? process.env['TERM'] ?? 'xterm-256color',
    fullUnicode: true,
    forceUnicode: true, // grove's own drawing decides (OpenScreenOptions.ascii), not blessed's guess from the locale
    smartCSR: true,
    warnings: false,
  });
  return new BlessedTerminalScreen(screen, options.colorDepth, ownedInput, options.ascii ?? false);
}
