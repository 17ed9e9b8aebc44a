/**
 * The old part of a pane's scrollback, kept compactly: what has scrolled far enough up that it will only
 * be read again (copy mode, `grove capture --scrollback`), never written.
 *
 * A terminal emulator keeps every row as wide as the screen in cells of three 32-bit words, however
 * little is written on it: 10,000 lines of `seq` at 120 columns hold ~1.4 KB a row. Here a line keeps
 * only what it says: the line as the program wrote it (its rows joined, so it wraps again at whatever
 * width the pane has when it is read, as the emulator re-wraps on a resize), as one string of its cells,
 * plus, when it is not all in the plain style, its runs of style packed into a second string. A line whose
 * cells are not each one UTF-16 unit (wide characters, surrogate pairs, combining marks) keeps its cells
 * as a list, so nothing has to measure character widths again.
 *
 * Lines are numbered by row at one width, the pane's: `rows(cols)` and `read(from, to, cols)` count the
 * rows each line takes at that width, remembered until the width changes. A line keeps its last row
 * even when that row is blank (the program wrapped onto it and wrote only spaces), so that a line read
 * at the width it was taken at has exactly the rows the emulator gave it, and numbers do not move when
 * lines are handed over.
 */
import { DEFAULT_COLOR, PLAIN, sameStyle, type FrameLine, type Style } from './frame.js';

/** A run packed into the styles string: cell count (2 units), fg + 1 (2), bg + 1 (2), attrs (1). */
const RUN_UNITS = 7;
const LOW = 0xffff;

const BLANK = ' ';

function packRun(count: number, style: Style): string {
  const fg = style.fg + 1;
  const bg = style.bg + 1;
  return String.fromCharCode(count & LOW, count >>> 16, fg & LOW, fg >>> 16, bg & LOW, bg >>> 16, style.attrs);
}

function unpackRuns(packed: string): { count: number; style: Style }[] {
  const runs: { count: number; style: Style }[] = [];
  for (let i = 0; i < packed.length; i += RUN_UNITS) {
    const unit = (k: number) => packed.charCodeAt(i + k);
    const fg = unit(2) + unit(3) * 0x10000 - 1;
    const bg = unit(4) + unit(5) * 0x10000 - 1;
    const attrs = unit(6);
    const style = fg === DEFAULT_COLOR && bg === DEFAULT_COLOR && attrs === 0 ? PLAIN : { fg, bg, attrs };
    runs.push({ count: unit(0) + unit(1) * 0x10000, style });
  }
  return runs;
}

/** Where each row of a line starts at `cols`: a wide character that would straddle the edge opens the next row. */
function rowStarts(cells: readonly string[] | undefined, length: number, cols: number): number[] {
  const starts = [0];
  if (!cells) {
    for (let at = cols; at < length; at += cols) starts.push(at);
    return starts;
  }
  let used = 0;
  for (let i = 0; i < length; i++) {
    const wide = cells[i + 1] === '';
    if (used + (wide ? 2 : 1) > cols) {
      starts.push(i);
      used = 0;
    }
    used += wide ? 2 : 1;
    if (wide) i++;
  }
  return starts;
}

export interface HistoryRows {
  readonly lines: FrameLine[];
  /** wrapped[i]: lines[i] continues the row above it. */
  readonly wrapped: boolean[];
}

export class History {
  /** Line i: its cells as one string (each cell one unit), or undefined when cellLists holds them. */
  private texts: (string | undefined)[] = [];
  private cellLists: (readonly string[] | undefined)[] = [];
  private styles: (string | undefined)[] = [];
  /** Lines before `head` were dropped; the arrays are shortened now and then, not on every drop. */
  private head = 0;
  /** ends[i]: rows of lines head…i at `endsCols`. */
  private ends: number[] = [];
  private endsCols = 0;

  get lineCount(): number {
    return this.texts.length - this.head;
  }

  /** The rows the lines take at `cols`. */
  rows(cols: number): number {
    this.measure(cols);
    return this.ends.length ? this.ends[this.ends.length - 1]! : 0;
  }

  /**
   * Takes one line: the rows the emulator wrapped it onto, each `cols` wide, the first not a
   * continuation, every other one a continuation of the row above.
   */
  append(rows: readonly FrameLine[], cols: number): void {
    // Cells gather into one string while each is one UTF-16 unit, the usual case; into a list otherwise.
    let text = '';
    let list: string[] | undefined;
    const runs: { count: number; style: Style }[] = [];
    for (let r = 0; r < rows.length; r++) {
      for (const run of rows[r]!) {
        const last = runs[runs.length - 1];
        if (last && sameStyle(last.style, run.style)) last.count += run.cells.length;
        else runs.push({ count: run.cells.length, style: run.style });
        if (!list) {
          const joined = run.cells.join('');
          if (joined.length === run.cells.length && !run.cells.includes('')) text += joined;
          else list = [...text.split(''), ...run.cells];
        } else {
          for (const cell of run.cells) list.push(cell);
        }
      }
      // A wide character that did not fit left a blank at the row's edge; wrapping again puts it back.
      const lastRun = runs[runs.length - 1]!;
      if (rows[r + 1]?.[0]?.cells[1] === '' && (list ? list[list.length - 1] : text[text.length - 1]) === BLANK && isPlain(lastRun.style)) {
        if (list) list.pop();
        else text = text.slice(0, -1);
        lastRun.count--;
      }
    }
    let length = list ? list.length : text.length;
    // Trailing blanks are cut, but not the first cell of the last row (see the file's opening note).
    const keep = (list ? rowStarts(list, length, cols)[rows.length - 1]! : (rows.length - 1) * cols) + 1;
    const cellAt = (i: number) => (list ? list[i] : text[i]);
    while (length > keep && cellAt(length - 1) === BLANK && isPlain(runs[runs.length - 1]!.style)) {
      length--;
      if (--runs[runs.length - 1]!.count === 0) runs.pop();
    }
    if (list) list.length = length;
    const plain = runs.every((run) => run.count === 0 || isPlain(run.style));
    this.texts.push(list ? undefined : text.slice(0, length));
    this.cellLists.push(list);
    this.styles.push(plain ? undefined : runs.filter((run) => run.count > 0).map((run) => packRun(run.count, run.style)).join(''));
    if (this.ends.length === this.lineCount - 1 && this.endsCols) {
      this.ends.push((this.ends.length ? this.ends[this.ends.length - 1]! : 0) + rowStarts(list, length, this.endsCols).length);
    }
  }

  /** Rows `from` to `to` (exclusive) at `cols`, each exactly `cols` cells. */
  read(from: number, to: number, cols: number): HistoryRows {
    this.measure(cols);
    const lines: FrameLine[] = [];
    const wrapped: boolean[] = [];
    let i = this.lineAt(from);
    while (i < this.ends.length && lines.length < to - from) {
      const lineFirstRow = i === 0 ? 0 : this.ends[i - 1]!;
      const index = this.head + i;
      const length = this.length(index);
      const list = this.cellLists[index];
      const starts = rowStarts(list, length, cols);
      const runs = this.styles[index] ? unpackRuns(this.styles[index]!) : [{ count: length, style: PLAIN }];
      for (let r = Math.max(0, from - lineFirstRow); r < starts.length && lines.length < to - from; r++) {
        lines.push(this.row(index, runs, starts[r]!, r + 1 < starts.length ? starts[r + 1]! : length, cols));
        wrapped.push(r > 0);
      }
      i++;
    }
    return { lines, wrapped };
  }

  /** Drops whole lines off the top until at least `count` rows at `cols` are gone; returns the rows dropped. */
  dropRows(count: number, cols: number): number {
    this.measure(cols);
    if (count <= 0 || !this.ends.length) return 0;
    const lines = Math.min(this.lineAt(count - 1) + 1, this.ends.length);
    const dropped = this.ends[lines - 1]!;
    this.head += lines;
    this.ends = this.ends.slice(lines).map((end) => end - dropped);
    if (this.head > 1024 && this.head * 2 > this.texts.length) this.shorten();
    return dropped;
  }

  clear(): void {
    this.texts = [];
    this.cellLists = [];
    this.styles = [];
    this.head = 0;
    this.ends = [];
  }

  private length(index: number): number {
    return this.texts[index]?.length ?? this.cellLists[index]!.length;
  }

  /** The row of a line between cells `start` and `end`, padded to `cols`. */
  private row(index: number, runs: readonly { count: number; style: Style }[], start: number, end: number, cols: number): FrameLine {
    const text = this.texts[index];
    const list = this.cellLists[index];
    const out: { style: Style; cells: string[] }[] = [];
    let runStart = 0;
    for (const { count, style } of runs) {
      const from = Math.max(start, runStart);
      const to = Math.min(end, runStart + count);
      runStart += count;
      if (from < to) out.push({ style, cells: text !== undefined ? text.substring(from, to).split('') : list!.slice(from, to) });
    }
    // Blank to the edge, as the emulator shows a row; merged into a plain run at the end, as it reads one.
    if (end - start < cols) {
      const blanks = Array<string>(cols - (end - start)).fill(BLANK);
      const last = out[out.length - 1];
      if (last?.style === PLAIN) last.cells.push(...blanks);
      else out.push({ style: PLAIN, cells: blanks });
    }
    return out;
  }

  /** The line (counted from head) holding row `row`. */
  private lineAt(row: number): number {
    let low = 0;
    let high = this.ends.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.ends[mid]! <= row) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private measure(cols: number): void {
    if (cols === this.endsCols && this.ends.length === this.lineCount) return;
    this.endsCols = cols;
    this.ends = [];
    let total = 0;
    for (let index = this.head; index < this.texts.length; index++) {
      total += rowStarts(this.cellLists[index], this.length(index), cols).length;
      this.ends.push(total);
    }
  }

  private shorten(): void {
    this.texts = this.texts.slice(this.head);
    this.cellLists = this.cellLists.slice(this.head);
    this.styles = this.styles.slice(this.head);
    this.head = 0;
  }
}

const isPlain = (style: Style): boolean => sameStyle(style, PLAIN);
