/**
 * The variants of a fan-out side by side (`C-b V`): the table of core/review/compare.ts — a row per file
 * any variant changed, a column per variant — with one file row chosen (j/k) and two variants to hold
 * against each other (A and B, marked in the header; Tab moves B on, Shift-Tab A). Enter shows that file
 * as B has it against A's, in place of the table until q (the controller fetches it); t runs the config's check in each and shows the table
 * again with a row of results; q or Escape closes.
 */
import type { Widgets } from 'blessed';
import { compareLines, compareRows, type Variant } from '../../core/review/compare.js';
import type { InputEvent } from '../../core/keys/input-event.js';
import { framedBox } from './dialog-box.js';
import type { Modal, ModalResult } from './modal.js';
import { paint, type Palette } from './palette.js';
import { columns, fit } from './text-width.js';

const HINT = 'j/k file · Tab B · S-Tab A · Enter: B against A · t check · q';

export interface CompareViewActions {
  /** Show `path` as variant `b` has it against variant `a` (indexes into the variants). */
  openFile(path: string, a: number, b: number): void;
  /** Run the config's check in every variant, and show the table again with the results. */
  check(): void;
}

export class CompareView implements Modal {
  private readonly box: Widgets.BoxElement;
  private readonly paths: readonly string[];
  private row = 0;
  private pair: [number, number] = [0, 1];
  /** A file shown over the table (showFile), scrolled to `top`; q goes back to the table. */
  private file: { readonly title: string; readonly lines: readonly string[]; top: number } | undefined;
  private screenSize = { cols: 80, rows: 24 };

  constructor(screen: Widgets.Screen, private readonly palette: Palette, title: string, private readonly variants: readonly Variant[], private readonly actions: CompareViewActions) {
    this.paths = compareRows(variants).map((row) => row.path);
    this.box = framedBox(screen, palette, title);
    this.layout(screen.width as number, screen.height as number);
  }

  /** Shows a file's diff in place of the table, until q. */
  showFile(title: string, lines: readonly string[]): void {
    this.file = { title, lines, top: 0 };
    this.layout(this.screenSize.cols, this.screenSize.rows);
  }

  layout(cols: number, rows: number): void {
    this.screenSize = { cols, rows };
    const lines = this.file ? [...this.file.lines, this.file.title] : this.lines();
    // Wide enough for its keys' hint too; a line each, the frame, and the hint.
    const width = Math.min(cols, Math.max(columns(HINT), ...lines.map(columns)) + 4);
    const height = Math.min(rows - 1, lines.length + 3);
    Object.assign(this.box, { left: Math.floor((cols - width) / 2), top: Math.max(0, Math.floor((rows - 1 - height) / 2)), width, height });
    this.draw();
  }

  handle(event: InputEvent): ModalResult {
    if (event.kind !== 'key') return 'open';
    if (this.file) return this.scrollFile(event.key);
    const count = this.variants.length;
    switch (event.key) {
      case 'q': case 'Escape': case 'C-c': return 'done';
      case 'Down': case 'j': this.row = Math.min(this.paths.length - 1, this.row + 1); break;
      case 'Up': case 'k': this.row = Math.max(0, this.row - 1); break;
      case 'Tab': this.pair = [this.pair[0], this.next(this.pair[1], this.pair[0], count)]; break;
      case 'BTab': this.pair = [this.next(this.pair[0], this.pair[1], count), this.pair[1]]; break;
      case 'Enter':
        if (this.paths[this.row] !== undefined) this.actions.openFile(this.paths[this.row]!, ...this.pair);
        return 'open';
      case 't':
        this.actions.check();
        return 'done';
      default: return 'open';
    }
    this.draw();
    return 'open';
  }

  cursor(): undefined {
    return undefined;
  }

  dispose(): void {
    this.box.destroy();
  }

  private scrollFile(key: string): ModalResult {
    const file = this.file!;
    const page = Math.max(1, (this.box.height as number) - 4);
    const max = Math.max(0, file.lines.length - page);
    switch (key) {
      case 'q': case 'Escape': case 'C-c':
        this.file = undefined;
        this.layout(this.screenSize.cols, this.screenSize.rows);
        return 'open';
      case 'Down': case 'j': file.top = Math.min(max, file.top + 1); break;
      case 'Up': case 'k': file.top = Math.max(0, file.top - 1); break;
      case 'NPage': case 'Space': file.top = Math.min(max, file.top + page); break;
      case 'PPage': file.top = Math.max(0, file.top - page); break;
      default: return 'open';
    }
    this.draw();
    return 'open';
  }

  /** The variant after `from` that is not `other`, wrapping. */
  private next(from: number, other: number, count: number): number {
    let at = (from + 1) % count;
    if (at === other) at = (at + 1) % count;
    return at;
  }

  /** The table, its header marking A and B. */
  private lines(): string[] {
    const marked = this.variants.map((variant, i) => ({ ...variant, name: `${variant.name}${i === this.pair[0] ? ' A' : i === this.pair[1] ? ' B' : ''}` }));
    return compareLines(marked);
  }

  private draw(): void {
    const inner = (this.box.width as number) - 2;
    const { dialog } = this.palette;
    if (this.file) {
      const page = Math.max(1, (this.box.height as number) - 4);
      const shown = this.file.lines.slice(this.file.top, this.file.top + page).map((line) => fit(` ${line}`, inner));
      this.box.setContent([paint(fit(` ${this.file.title}`, inner), dialog.dim), ...shown, paint(fit(' j/k scroll · q back to the table', inner), dialog.dim)].join('\n'));
      return;
    }
    const lines = this.lines().map((line, i) => {
      const text = fit(` ${line}`, inner);
      if (i === 0) return paint(text, dialog.dim);
      return i - 1 === this.row ? paint(text, dialog.field) : text;
    });
    lines.push(paint(fit(` ${HINT}`, inner), dialog.dim));
    this.box.setContent(lines.join('\n'));
  }
}
