/**
 * The rows of the new-session dialog, each drawn as one line: a label, then either a one-line text field
 * or a choice.
 *
 * A text row shows its default greyed while it is empty, so Enter alone accepts it. A choice row steps
 * through a fixed list with Space, Left and Right; a short list (isolation, mode) is spread out with the
 * chosen one highlighted, a long one (agents) shows only the chosen one between arrows. A row that does
 * not apply at the moment (a prompt with no agent) is drawn dim but stays reachable, so Tab never skips.
 */
import type { Widgets } from 'blessed';
import { LineEditor } from '../../core/text/line-editor.js';
import { paint, type Palette } from './palette.js';
import { columns, fit } from './text-width.js';

export const LABEL_WIDTH = 11;

export class TextRow {
  readonly kind = 'text' as const;
  readonly editor = new LineEditor();

  constructor(
    readonly label: string,
    readonly placeholder: () => string,
    readonly applies: () => boolean = () => true,
  ) {}

  get value(): string {
    return this.editor.value.trim();
  }
}

/** What the dialog needs of a choice row, whatever it chooses between. */
export interface Choice {
  readonly kind: 'choice';
  readonly label: string;
  applies(): boolean;
  step(delta: 1 | -1): void;
  text(palette: Palette, width: number): string;
}

export class ChoiceRow<T> implements Choice {
  readonly kind = 'choice' as const;
  private index = 0;

  constructor(
    readonly label: string,
    private readonly choices: readonly T[],
    private readonly show: (choice: T) => string,
    private readonly spread: boolean,
    readonly applies: () => boolean = () => true,
  ) {}

  get value(): T {
    return this.choices[this.index]!;
  }

  set value(choice: T) {
    const index = this.choices.indexOf(choice);
    if (index >= 0) this.index = index;
  }

  step(delta: 1 | -1): void {
    this.index = (this.index + delta + this.choices.length) % this.choices.length;
  }

  /** The choice part of the line, at most `width` columns. */
  text(palette: Palette, width: number): string {
    const { dialog } = palette;
    if (!this.spread) return paint(fit(`‹ ${this.show(this.value)} ›`, width), this.applies() ? dialog.field : dialog.dim);
    return this.choices
      .map((choice) => paint(` ${this.show(choice)} `, choice === this.value && this.applies() ? dialog.field : dialog.dim))
      .join(' ');
  }
}

export type DialogRow = TextRow | Choice;

/** One row as a line of the dialog; `width` is what the field may take. */
export function drawRow(row: DialogRow, active: boolean, palette: Palette, width: number): string {
  const { dialog } = palette;
  const label = fit(row.label, LABEL_WIDTH - 1);
  const shownLabel = active ? paint(label, { ...dialog.box, bold: true }) : label;
  if (row.kind === 'choice') return ` ${shownLabel} ${row.text(palette, width)}`;
  const value = row.editor.value
    ? paint(fit(visiblePart(row.editor, width), width), row.applies() ? dialog.field : dialog.dim)
    : paint(fit(row.placeholder(), width), dialog.placeholder);
  return ` ${shownLabel} ${value}`;
}

/** The columns a row's field gets in a dialog box of the rows (its border, the label and a margin off). */
export function fieldWidthIn(box: Widgets.BoxElement): number {
  return Math.max(4, (box.width as number) - 4 - LABEL_WIDTH);
}

/** Where the terminal's cursor goes for the text row drawn `index` rows down a dialog box. */
export function textRowCursor(box: Widgets.BoxElement, row: TextRow, index: number): { x: number; y: number; visible: boolean } {
  return { x: (box.aleft as number) + 2 + LABEL_WIDTH + cursorColumn(row, fieldWidthIn(box)), y: (box.atop as number) + 1 + index, visible: true };
}

/** Where the cursor of a text row sits, in columns from the start of its field. */
export function cursorColumn(row: TextRow, width: number): number {
  return Math.min(columns(row.editor.value.slice(0, row.editor.cursor)), width - 1);
}

/** The value, scrolled so the cursor stays inside the field. */
function visiblePart(editor: LineEditor, width: number): string {
  const { value, cursor } = editor;
  return cursor < width ? value : value.slice(cursor - width + 1);
}
