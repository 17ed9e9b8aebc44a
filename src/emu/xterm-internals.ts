/**
 * The facts about the terminal state that @xterm/headless keeps but does not publish.
 *
 * Whether the program hid the cursor (DECTCEM, ESC[?25l) and whether it asked for SGR mouse reports
 * (DECSET 1006) live in xterm's core services; the public `terminal.modes` has neither. Tracking them
 * ourselves with parser hooks would miss every other way they change (RIS, DECSTR, the alternate screen
 * switch), so we read the services, through this one file. Likewise the count of lines dropped off the
 * top of a full scrollback, which xterm tells only its own markers (copy mode numbers lines by it), and the
 * rows each parse changed, which xterm tells only its renderer (a headless terminal has none): a frame
 * reads those rows again and keeps the rest. And removing the oldest rows of the scrollback, as xterm does
 * when it is full, once they have been handed to the compact history (core/screen/history.ts). And
 * parsing on demand (`writeSync`), which xterm keeps on its core, so that the panes of a thread can take
 * turns (parse-scheduler.ts). The shape is checked when an emulator is made, so an xterm upgrade that
 * moves them fails loudly in the tests instead of quietly showing a cursor or a stale row;
 * package.json pins @xterm/headless exactly for the same reason (test/unit/emu-internals.test.ts).
 */
import type { IDisposable, Terminal } from '@xterm/headless';

export interface XtermInternals {
  readonly cursorHidden: boolean;
  /** The parser is between sequences, with nothing of one left over from the last chunk (output-skim.ts). */
  readonly parserAtRest: boolean;
  /** The active buffer's scroll region is the whole screen. */
  readonly scrollsWhole: boolean;
  /** Parses `data` now, rather than on xterm's own timer (parse-scheduler.ts decides when). */
  writeSync(data: string): void;
  readonly sgrMouse: boolean;
  /** Calls `listener(count)` when lines are dropped off the top of the active buffer, whichever that is. */
  onTrim(listener: (count: number) => void): IDisposable;
  /**
   * Calls `listener(rows)` after each parse with the screen rows (0 = top of the screen) it may have
   * changed, inclusive, or with undefined when the whole screen may have (a buffer switch, a reset).
   */
  onRowsChanged(listener: (rows: RowRange | undefined) => void): IDisposable;
  /** The normal buffer as it is now: a reset (RIS) replaces it, and its scrollback with it. */
  readonly normalBuffer: object;
  /**
   * Removes the normal buffer's oldest `count` rows, which must all be above its screen, as xterm trims a
   * full scrollback itself (markers follow; the cursor, saved cursor and screen stay where they are).
   */
  dropOldestRows(count: number): void;
}

export interface RowRange {
  readonly start: number;
  readonly end: number;
}

/** The fields xterm's own trim of a full scrollback adjusts (Buffer.resize), all absolute row numbers. */
interface TrimmableBuffer {
  readonly lines: { trimStart(count: number): void; set(index: number, line: undefined): void };
  ybase: number;
  ydisp: number;
  savedY: number;
}

type InternalEvent<T> = (listener: (value: T) => void) => IDisposable;

interface InputHandler {
  readonly onRequestRefreshRows: InternalEvent<RowRange | undefined>;
  /** 0 is the ground state; `_parseStack.state` 0: no handler paused mid-sequence. */
  readonly _parser: { readonly currentState: number; readonly _parseStack: { readonly state: number } };
}

interface MouseService {
  readonly activeEncoding: string;
}

interface CoreServices {
  readonly coreService: { readonly isCursorHidden: boolean };
  /** 6.0.0's name; xterm.js renamed it `mouseStateService` after that release: either is taken. */
  readonly coreMouseService?: MouseService;
  readonly mouseStateService?: MouseService;
  /** The active buffer (normal or alternate) and its circular list of lines. */
  readonly buffer: { readonly lines: { readonly onTrim: InternalEvent<number> }; readonly scrollTop: number; readonly scrollBottom: number };
  readonly buffers: { readonly onBufferActivate: InternalEvent<unknown>; readonly normal: TrimmableBuffer };
  readonly _inputHandler: InputHandler;
  writeSync(data: string): void;
}

export function xtermInternals(terminal: Terminal): XtermInternals {
  const core = (terminal as unknown as { _core?: Partial<CoreServices> })._core;
  const mouse = core?.coreMouseService ?? core?.mouseStateService;
  if (typeof core?.coreService?.isCursorHidden !== 'boolean' || typeof mouse?.activeEncoding !== 'string') {
    throw new Error('@xterm/headless no longer exposes coreService.isCursorHidden / coreMouseService (or mouseStateService).activeEncoding');
  }
  if (typeof core.buffer?.lines?.onTrim !== 'function' || typeof core.buffers?.onBufferActivate !== 'function') {
    throw new Error('@xterm/headless no longer exposes buffer.lines.onTrim / buffers.onBufferActivate');
  }
  const normal = core.buffers.normal as Partial<TrimmableBuffer> | undefined;
  if (typeof normal?.lines?.trimStart !== 'function' || typeof normal.lines.set !== 'function' || ![normal.ybase, normal.ydisp, normal.savedY].every((n) => typeof n === 'number')) {
    throw new Error('@xterm/headless no longer exposes buffers.normal.lines.trimStart / set / ybase / ydisp / savedY');
  }
  if (typeof core.writeSync !== 'function') throw new Error('@xterm/headless no longer has writeSync');
  if (typeof core._inputHandler?.onRequestRefreshRows !== 'function') {
    throw new Error('@xterm/headless no longer exposes _inputHandler.onRequestRefreshRows');
  }
  const parser = core._inputHandler._parser as Partial<InputHandler['_parser']> | undefined;
  if (typeof parser?.currentState !== 'number' || typeof parser._parseStack?.state !== 'number' || typeof core.buffer.scrollTop !== 'number' || typeof core.buffer.scrollBottom !== 'number') {
    throw new Error('@xterm/headless no longer exposes _inputHandler._parser.currentState / _parseStack.state or buffer.scrollTop / scrollBottom');
  }
  const { coreService } = core as CoreServices;
  const services = core as CoreServices;
  return {
    get cursorHidden() {
      return coreService.isCursorHidden;
    },
    get parserAtRest() {
      const { _parser } = services._inputHandler;
      return _parser.currentState === 0 && _parser._parseStack.state === 0;
    },
    get scrollsWhole() {
      return services.buffer.scrollTop === 0 && services.buffer.scrollBottom === terminal.rows - 1;
    },
    get sgrMouse() {
      return mouse.activeEncoding === 'SGR';
    },
    writeSync: (data) => services.writeSync(data),
    get normalBuffer() {
      return services.buffers.normal;
    },
    dropOldestRows(count) {
      const buffer = services.buffers.normal;
      // The list is a ring: a trimmed slot keeps its row until a new one lands there, so let go of it first.
      for (let i = 0; i < count; i++) buffer.lines.set(i, undefined);
      buffer.lines.trimStart(count);
      buffer.ybase = Math.max(buffer.ybase - count, 0);
      buffer.ydisp = Math.max(buffer.ydisp - count, 0);
      buffer.savedY = Math.max(buffer.savedY - count, 0);
    },
    onTrim(listener) {
      // Each buffer has its own list of lines, and a reset replaces both: follow whichever is active.
      let lines = services.buffer.lines.onTrim(listener);
      const switched = services.buffers.onBufferActivate(() => {
        lines.dispose();
        lines = services.buffer.lines.onTrim(listener);
      });
      return { dispose: () => [lines, switched].forEach((d) => d.dispose()) };
    },
    onRowsChanged(listener) {
      // Buffer switches and resets report the whole screen themselves (test/unit/emu-frame-rows.test.ts).
      return services._inputHandler.onRequestRefreshRows((rows) => listener(rows));
    },
  };
}
