/**
 * The lines of one pane's buffer that copy mode has fetched from the host, by line number.
 *
 * Copy mode shows a window onto a buffer that may hold a hundred thousand lines, so lines are fetched
 * when they come into view, a page at a time, and all at once only before a search. Numbers are the
 * host's (line-slice.ts): they stay valid while output arrives, so a page fetched later fits with the
 * ones before. When the host says its numbering started over (a new epoch: resize, alternate screen,
 * reset), the cache is useless; it tells its owner, which starts afresh.
 */
import { PLAIN, type FrameLine } from '../../core/screen/frame.js';
import type { LineSlice } from '../../core/screen/line-slice.js';

export const PAGE_LINES = 500;
/**
 * Loading everything goes this many lines at a time, one request after another: reading and encoding
 * a line costs the server some 10 µs, and a server busy with one huge request draws no frames.
 */
const BULK_LINES = 2_000;

interface CachedLine {
  readonly line: FrameLine;
  readonly wrapped: boolean;
  /** The line's cells in one list, made when first asked for (a one-run line already is one). */
  cells?: readonly string[];
}

export type FetchLines = (from: number, count: number) => Promise<LineSlice | undefined>;

export class LineCache {
  readonly epoch: number;
  private readonly lines = new Map<number, CachedLine>();
  /** Pages asked for (page n is lines n * PAGE_LINES onwards), answered or not. */
  private readonly pages = new Set<number>();
  private stale = false;

  constructor(
    private readonly fetch: FetchLines,
    initial: LineSlice,
    /** The pane's width, for the blank lines that stand in for lines the pane has dropped. */
    private readonly width: number,
    private readonly events: { loaded(): void; renumbered(): void },
  ) {
    this.epoch = initial.epoch;
    this.add(initial);
  }

  line(n: number): FrameLine | undefined {
    return this.lines.get(n)?.line;
  }

  cells(n: number): readonly string[] | undefined {
    const cached = this.lines.get(n);
    if (!cached) return undefined;
    cached.cells ??= cached.line.length === 1 ? cached.line[0]!.cells : cached.line.flatMap((run) => run.cells);
    return cached.cells;
  }

  wrapped(n: number): boolean {
    return this.lines.get(n)?.wrapped ?? false;
  }

  /** Fetches, in the background, the pages of lines [from, to) not yet asked for. */
  want(from: number, to: number): void {
    for (let page = Math.floor(Math.max(0, from) / PAGE_LINES); page * PAGE_LINES < to; page++) {
      if (this.pages.has(page) || this.complete(page * PAGE_LINES, (page + 1) * PAGE_LINES)) continue;
      this.pages.add(page);
      void this.request(page * PAGE_LINES, PAGE_LINES).then((ok) => ok && this.events.loaded());
    }
  }

  /** Fetches every missing line of [from, to); false if the numbering changed meanwhile. */
  async loadAll(from: number, to: number): Promise<boolean> {
    for (let start = from; start < to; start += BULK_LINES) {
      const end = Math.min(to, start + BULK_LINES);
      if (!this.complete(start, end) && !(await this.request(start, end - start))) return false;
    }
    return true;
  }

  private complete(from: number, to: number): boolean {
    for (let n = from; n < to; n++) if (!this.lines.has(n)) return false;
    return true;
  }

  private async request(from: number, count: number): Promise<boolean> {
    const slice = await this.fetch(from, count).catch(() => undefined);
    if (!slice || this.stale) return false;
    if (slice.epoch !== this.epoch) {
      this.stale = true;
      this.events.renumbered();
      return false;
    }
    this.add(slice);
    // Lines the pane has dropped since copy mode began read as blank rather than being asked for again.
    for (let n = from; n < Math.min(from + count, slice.from); n++) this.lines.set(n, blankLine(this.width));
    return true;
  }

  private add(slice: LineSlice): void {
    slice.lines.forEach((line, i) => {
      this.lines.set(slice.from + i, { line, wrapped: slice.wrapped[i] ?? false });
    });
  }
}

function blankLine(width: number): CachedLine {
  return { line: [{ style: PLAIN, cells: new Array<string>(width).fill(' ') }], wrapped: false };
}
