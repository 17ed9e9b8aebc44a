/**
 * A centred box for the review loop's dialogs (merge, remove, prune): a title, lines of text, an error
 * line and a hint line, sized to its text and re-centred when the screen changes. The dialogs decide
 * what to say; this only lays it out, fitting every line so nothing wraps.
 */
import { box } from '../../io/screen-widgets.js';
import type { Widgets } from 'blessed';
import { wrapWords } from '../../core/text/wrap.js';
import { boxStyle, paint, type Ink, type Palette } from './palette.js';
import { columns, fit } from './text-width.js';

/** How many rows of a list a dialog shows at once (the prune and checkpoints lists scroll within them). */
export const DIALOG_LIST_ROWS = 12;

/** A line of a dialog: plain text in the dialog's colours, or text in an ink of its own. */
export type DialogLine = string | { readonly text: string; readonly ink: Ink };

export interface DialogContent {
  readonly lines: readonly DialogLine[];
  readonly error?: string;
  readonly hint: string;
}

const MAX_WIDTH = 100;

/** A bordered box in the dialog colours, titled in its top border: what every dialog and overlay is drawn in. */
export function framedBox(screen: Widgets.Screen, palette: Palette, title: string): Widgets.BoxElement {
  return box({
    parent: screen,
    label: ` ${title} `,
    wrap: false,
    border: { type: 'line' },
    style: { ...boxStyle(palette.dialog.box), border: boxStyle(palette.dialog.border) },
  });
}

export class DialogBox {
  private readonly box: Widgets.BoxElement;
  private content: DialogContent = { lines: [], hint: '' };
  private cols = 80;
  private rows = 24;

  constructor(
    screen: Widgets.Screen,
    private readonly palette: Palette,
    title: string,
  ) {
    this.box = framedBox(screen, palette, title);
    this.cols = screen.width as number;
    this.rows = screen.height as number;
  }

  /** The box's top-left inner cell, for a dialog that places a cursor. */
  get inner(): { x: number; y: number; width: number } {
    return { x: (this.box.aleft as number) + 1, y: (this.box.atop as number) + 1, width: (this.box.width as number) - 2 };
  }

  show(content: DialogContent): void {
    this.content = content;
    this.layout(this.cols, this.rows);
  }

  layout(cols: number, rows: number): void {
    this.cols = cols;
    this.rows = rows;
    const { lines, error, hint } = this.content;
    const texts = lines.map((line) => (typeof line === 'string' ? line : line.text));
    const widest = Math.max(30, columns(hint), ...texts.map(columns));
    const width = Math.min(cols, MAX_WIDTH, widest + 4);
    const inner = width - 2;
    const errors = error ? wrapWords(error, inner - 2, columns) : [];
    const row = (text: string, ink?: Ink) => (ink ? paint(fit(` ${text}`, inner), ink) : fit(` ${text}`, inner));
    const body = [
      ...lines.map((line) => (typeof line === 'string' ? row(line) : row(line.text, line.ink))),
      ...(errors.length ? [row(''), ...errors.map((line) => row(line, this.palette.dialog.error))] : []),
      row(''),
      row(hint, this.palette.dialog.dim),
    ];
    const height = Math.max(3, Math.min(rows - 1, body.length + 2));
    // Too tall for the screen: the end of the text goes, never the error or the hint.
    const room = height - 2;
    const tail = errors.length ? errors.length + 3 : 2;
    const shown = body.length > room ? [...body.slice(0, Math.max(0, room - tail - 1)), row('…'), ...body.slice(-tail)] : body;
    Object.assign(this.box, { left: Math.floor((cols - width) / 2), top: Math.max(0, Math.floor((rows - 1 - height) / 2)), width, height });
    this.box.setContent(shown.join('\n'));
  }

  dispose(): void {
    this.box.destroy();
  }
}
