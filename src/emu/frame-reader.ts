/**
 * Reads xterm's buffer lines into frame lines: the one place that knows how xterm stores a cell.
 *
 * xterm keeps a wide character in its first column with width 2 and puts a width-0 cell after it; an
 * untouched cell has no characters at all. A frame wants exactly one string per column, so a wide
 * character becomes the character followed by '', and an untouched cell becomes ' '. Consecutive cells
 * of one style are merged into a run. This runs for every visible pane up to 60 times a second, so it
 * walks the line with a single reused cell and allocates a Style only where a new run starts.
 */
import type { IBufferCell, IBufferLine } from '@xterm/headless';
import { Attr, DEFAULT_COLOR, PLAIN, RGB_FLAG, type Color, type FrameLine, type Run, type Style } from '../core/screen/frame.js';

interface MutableRun {
  readonly style: Style;
  readonly cells: string[];
}

function fgOf(cell: IBufferCell): Color {
  if (cell.isFgDefault()) return DEFAULT_COLOR;
  return cell.isFgRGB() ? RGB_FLAG | cell.getFgColor() : cell.getFgColor();
}

function bgOf(cell: IBufferCell): Color {
  if (cell.isBgDefault()) return DEFAULT_COLOR;
  return cell.isBgRGB() ? RGB_FLAG | cell.getBgColor() : cell.getBgColor();
}

/** xterm's is*() return the raw bit (not 0/1), so each is tested for non-zero. */
function attrsOf(cell: IBufferCell): number {
  if (cell.isAttributeDefault()) return 0;
  let attrs = 0;
  if (cell.isBold()) attrs |= Attr.BOLD;
  if (cell.isUnderline()) attrs |= Attr.UNDERLINE;
  if (cell.isBlink()) attrs |= Attr.BLINK;
  if (cell.isInverse()) attrs |= Attr.INVERSE;
  if (cell.isInvisible()) attrs |= Attr.INVISIBLE;
  if (cell.isDim()) attrs |= Attr.DIM;
  if (cell.isItalic()) attrs |= Attr.ITALIC;
  if (cell.isStrikethrough()) attrs |= Attr.STRIKETHROUGH;
  return attrs;
}

export class FrameReader {
  /** Reused for every cell read; getCell fills it in place. */
  constructor(private readonly cell: IBufferCell) {}

  /** One line, exactly `cols` columns wide; a missing line reads as blank. */
  read(line: IBufferLine | undefined, cols: number): FrameLine {
    const runs: MutableRun[] = [];
    let run: MutableRun | undefined;
    const cell = this.cell;

    for (let x = 0; x < cols; x++) {
      if (!line || !line.getCell(x, cell)) {
        run = this.extend(runs, run, DEFAULT_COLOR, DEFAULT_COLOR, 0);
        run.cells.push(' ');
        continue;
      }
      const width = cell.getWidth();
      if (width === 0) {
        // A second column whose lead is gone (overwritten): it shows as blank.
        run = this.extend(runs, run, DEFAULT_COLOR, DEFAULT_COLOR, 0);
        run.cells.push(' ');
        continue;
      }
      run = this.extend(runs, run, fgOf(cell), bgOf(cell), attrsOf(cell));
      const chars = cell.getChars();
      if (width === 1) {
        run.cells.push(chars === '' ? ' ' : chars);
      } else if (x === cols - 1) {
        // A wide character cut off at the right edge (a resize can leave one) has no room for its second half.
        run.cells.push(' ');
      } else {
        // The width decides, not what xterm stored in the next cell: the pair stays together in one run.
        run.cells.push(chars, '');
        x++;
      }
    }
    return runs as readonly Run[];
  }

  /** The run a cell of this style goes into: the current one if the style matches, else a new one. */
  private extend(runs: MutableRun[], run: MutableRun | undefined, fg: Color, bg: Color, attrs: number): MutableRun {
    if (run && run.style.fg === fg && run.style.bg === bg && run.style.attrs === attrs) return run;
    const style = fg === DEFAULT_COLOR && bg === DEFAULT_COLOR && attrs === 0 ? PLAIN : { fg, bg, attrs };
    const next: MutableRun = { style, cells: [] };
    runs.push(next);
    return next;
  }
}
