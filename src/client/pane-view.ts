/**
 * A pane on screen: a blessed element whose render copies a frame's cells straight into the screen grid.
 *
 * Going through blessed's content strings (tags or escape sequences) would re-parse and re-measure every
 * character sixty times a second, and re-measuring is where wide characters drift. A frame already says
 * what is in each column, so rendering is a copy: each cell of each run goes to its column with the run's
 * style packed once for the run, the way blessed packs it, or as an id into grove's style table when it
 * has a 24-bit colour (src/io/screen-style.ts), so that true colour reaches a terminal that shows it. Only cells
 * that differ are written, and only their lines are marked dirty, so an idle pane costs a comparison per
 * cell and no output. A frame smaller than the rect leaves the rest blank. A larger one — the pane sized
 * for another, bigger client that typed last, as tmux sizes a window for its latest client — is shown
 * through a window that keeps the cursor in view (tmux's rule too), marked top-right with the pane's real
 * size; a wide character cut by the window's edge becomes a space.
 *
 * Two ways in: blessed's render pass paints every row (another element may have drawn over the rect since),
 * and `repaint` paints a new frame between render passes, only the rows whose line is not the very object
 * painted there before (frames keep unchanged lines as the same objects; see frame-delta.ts).
 */
import { box } from '../io/screen-widgets.js';
import type { Widgets } from 'blessed';
import type { Disposable } from '../core/disposable.js';
import type { Rect } from '../core/layout/rect.js';
import { Attr, PLAIN, type FrameLine, type PaneFrame } from '../core/screen/frame.js';
import { packStyle, screenGrid, setDrawnArea, type ScreenGrid, type ScreenLine } from '../io/screen-grid.js';

function put(line: ScreenLine, x: number, attr: number, ch: string): void {
  const cell = line[x];
  if (!cell || (cell[0] === attr && cell[1] === ch)) return;
  cell[0] = attr;
  cell[1] = ch;
  line.dirty = true;
}

export class PaneView implements Disposable {
  readonly element: Widgets.BoxElement;
  private readonly grid: ScreenGrid;
  private rect: Rect = { x: 0, y: 0, width: 0, height: 0 };
  private frame: PaneFrame | undefined;
  /** The frame line each row of the rect shows now (undefined: blank, or not known). */
  private readonly painted: (FrameLine | undefined)[] = [];
  /** The frame cell at the rect's top-left when it was last painted. */
  private shownFrom = { row: 0, col: 0 };

  constructor(screen: Widgets.Screen) {
    this.grid = screenGrid(screen);
    this.element = box({ parent: screen, left: 0, top: 0, width: 0, height: 0 });
    this.element.render = () => this.paint() as Widgets.Coords;
  }

  /** Moving the element makes blessed blank the area it left. */
  setRect(rect: Rect): void {
    this.rect = rect;
    const element = this.element;
    element.left = rect.x;
    element.top = rect.y;
    element.width = rect.width;
    element.height = rect.height;
  }

  setFrame(frame: PaneFrame | undefined): void {
    this.frame = frame;
  }

  /** The frame's cursor in screen cells; undefined when there is no frame or the cursor is clipped away. */
  cursorPosition(): { x: number; y: number; visible: boolean } | undefined {
    const { frame, rect } = this;
    if (!frame) return undefined;
    const from = this.origin();
    const [x, y] = [frame.cursor.x - from.col, frame.cursor.y - from.row];
    if (x < 0 || y < 0 || x >= rect.width || y >= rect.height) return undefined;
    return { x: rect.x + x, y: rect.y + y, visible: frame.cursor.visible };
  }

  /** The frame cell shown at the rect's top-left: the origin, unless the frame is larger and the cursor beyond. */
  private origin(): { row: number; col: number } {
    const { frame, rect } = this;
    if (!frame) return { row: 0, col: 0 };
    const follow = (cursor: number, size: number, span: number) => Math.max(0, Math.min(size - span, cursor - span + 1));
    return { row: follow(frame.cursor.y, frame.rows, rect.height), col: follow(frame.cursor.x, frame.cols, rect.width) };
  }

  dispose(): void {
    this.element.destroy();
  }

  /**
   * Shows `frame` at once, outside blessed's render pass: only rows whose line changed are painted, and
   * the caller draws the screen. For a pane nothing covers (AppViews.drawPanes makes sure of that).
   */
  repaint(frame: PaneFrame | undefined): void {
    this.frame = frame;
    if (!this.element.hidden && !this.element.detached) this.paintRows(false);
  }

  private paint(): Widgets.Coords | undefined {
    const element = this.element;
    if (element.hidden || element.detached) return undefined;
    this.paintRows(true);
    return setDrawnArea(element, this.rect);
  }

  private paintRows(all: boolean): void {
    const { x, y, width, height } = this.rect;
    const lines = this.grid.lines;
    const from = this.origin();
    const moved = from.row !== this.shownFrom.row || from.col !== this.shownFrom.col;
    this.shownFrom = from;
    this.painted.length = height;
    for (let row = 0; row < height; row++) {
      const line = lines[y + row];
      if (!line) break;
      const frameLine = this.frame?.lines[from.row + row];
      if (!all && !moved && frameLine !== undefined && frameLine === this.painted[row]) continue;
      // The screen edge clips like the rect does (a layout can be briefly larger than a shrinking screen).
      const visible = Math.max(0, Math.min(width, line.length - x));
      this.paintLine(line, frameLine, x, visible, from.col);
      if (row === 0) this.markClipped(line, x, visible);
      this.painted[row] = frameLine;
    }
  }

  /** " 160×45 " over the top-right cells when the frame is larger than the rect: not all of it is shown. */
  private markClipped(line: ScreenLine, left: number, width: number): void {
    const { frame, rect } = this;
    if (!frame || (frame.cols <= rect.width && frame.rows <= rect.height)) return;
    const mark = ` ${frame.cols}×${frame.rows} `;
    if (mark.length > width) return;
    const attr = packStyle({ ...PLAIN, attrs: Attr.INVERSE });
    [...mark].forEach((ch, i) => put(line, left + width - mark.length + i, attr, ch));
  }

  private paintLine(line: ScreenLine, frameLine: FrameLine | undefined, left: number, width: number, skip: number): void {
    let column = 0;
    let skipped = 0;
    copy: for (const run of frameLine ?? []) {
      const attr = packStyle(run.style);
      for (const ch of run.cells) {
        if (skipped < skip) {
          skipped++;
          continue;
        }
        // The first half of a wide character lies left of the window: its second half alone cannot be drawn.
        const cell = column === 0 && ch === '' ? ' ' : ch;
        if (column === width) {
          // The second half of a wide character lies outside: the first half alone cannot be drawn.
          if (ch === '' && column > 0) put(line, left + column - 1, attr, ' ');
          break copy;
        }
        put(line, left + column++, attr, cell);
      }
    }
    const blank = this.grid.dattr;
    for (; column < width; column++) put(line, left + column, blank, ' ');
  }
}
