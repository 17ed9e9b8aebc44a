/**
 * Copy mode's model, as in tmux: a cursor moving over a pane's lines — scrollback and screen, frozen at
 * the moment copy mode began — a viewport that follows it, a selection, and a search.
 *
 * Lines are numbered from 0, the oldest kept, to count - 1, the bottom of the screen. The viewport is
 * `height` lines from `top`; every motion leaves the cursor inside it, scrolling no more than needed,
 * except a search, which centres a match that was out of view. Up and down remember the column the
 * cursor wanted, as vi does, and the cursor never goes past a line's last character, nor rests on the
 * second column of a wide character. A selection runs from an anchor to the cursor, either character
 * by character (v) or whole lines (V), and copies as terminals copy: trailing blanks cut, a line that
 * the program's text wrapped onto joined to the one before it.
 *
 * The model does not load anything: it reads `CopyLines`, and a line not loaded yet reads as blank. The
 * client loads what the viewport shows, and everything before a search.
 */
import { copiedText, firstContentColumn, lastContentColumn } from './line-text.js';
import { findMatch, LineTexts, type Found, type Position, type Span } from './search.js';
import { nextWordStart, previousWordStart, type WordLines } from './word-motion.js';

export type CopyLines = WordLines;

export interface ViewportSize {
  readonly width: number;
  readonly height: number;
}

/** In reading order; both ends included. */
export interface Selection {
  readonly start: Position;
  readonly end: Position;
  /** Whole lines (V) rather than characters (v). */
  readonly lines: boolean;
}

export interface SearchState {
  readonly term: string;
  readonly forward: boolean;
}

const clamp = (value: number, low: number, high: number): number => Math.max(low, Math.min(value, high));

export class CopyMode {
  private at: Position;
  private wantedCol: number;
  private first = 0;
  private size: ViewportSize;
  private anchor: Position | undefined;
  private lineSelection = false;
  private searching: SearchState | undefined;
  private readonly texts: LineTexts;

  /** Starts with the viewport at the bottom and the cursor at `cursor` (the pane's own cursor). */
  constructor(private readonly lines: CopyLines, size: ViewportSize, cursor: Position) {
    this.size = size;
    this.texts = new LineTexts(lines);
    this.first = this.maxTop();
    this.at = this.settle(cursor.line, cursor.col, true);
    this.wantedCol = this.at.col;
    this.reveal(false);
  }

  get cursor(): Position {
    return this.at;
  }

  /** The first line in view. */
  get top(): number {
    return this.first;
  }

  get viewport(): ViewportSize {
    return this.size;
  }

  get count(): number {
    return this.lines.count;
  }

  get search(): SearchState | undefined {
    return this.searching;
  }

  get selection(): Selection | undefined {
    const anchor = this.anchor;
    if (!anchor) return undefined;
    const before = anchor.line < this.at.line || (anchor.line === this.at.line && anchor.col <= this.at.col);
    const [start, end] = before ? [anchor, this.at] : [this.at, anchor];
    if (!this.lineSelection) return { start, end, lines: false };
    return { start: { line: start.line, col: 0 }, end: { line: end.line, col: this.widthOf(end.line) - 1 }, lines: true };
  }

  // Motions.

  left(): void {
    this.place(this.at.line, this.at.col - 1, false);
  }

  right(): void {
    const cells = this.lines.cells(this.at.line);
    // Past a wide character's second column, not onto it.
    const step = cells?.[this.at.col + 1] === '' ? 2 : 1;
    this.place(this.at.line, this.at.col + step, false);
  }

  up(count = 1): void {
    this.moveLines(-count);
  }

  down(count = 1): void {
    this.moveLines(count);
  }

  /** A screen less two lines, as vi's C-b and tmux's page-up: the two give some context. */
  pageUp(): void {
    this.scrollWithCursor(-Math.max(1, this.size.height - 2));
  }

  pageDown(): void {
    this.scrollWithCursor(Math.max(1, this.size.height - 2));
  }

  halfPageUp(): void {
    this.scrollWithCursor(-Math.max(1, Math.floor(this.size.height / 2)));
  }

  halfPageDown(): void {
    this.scrollWithCursor(Math.max(1, Math.floor(this.size.height / 2)));
  }

  historyTop(): void {
    this.toLineStart(0);
  }

  historyBottom(): void {
    this.toLineStart(this.count - 1);
  }

  startOfLine(): void {
    this.place(this.at.line, 0, false);
  }

  endOfLine(): void {
    this.place(this.at.line, Number.MAX_SAFE_INTEGER, false);
  }

  backToIndentation(): void {
    this.toLineStart(this.at.line);
  }

  nextWord(): void {
    const to = nextWordStart(this.lines, this.size.width, this.at);
    this.place(to.line, to.col, false);
  }

  previousWord(): void {
    const to = previousWordStart(this.lines, this.size.width, this.at);
    this.place(to.line, to.col, false);
  }

  /** H, M and L: the top, middle and bottom lines in view. */
  topLine(): void {
    this.toLineStart(this.first);
  }

  middleLine(): void {
    this.toLineStart(this.first + Math.floor((this.visibleLines() - 1) / 2));
  }

  bottomLine(): void {
    this.toLineStart(this.first + this.visibleLines() - 1);
  }

  /** Moves the view (down for positive `lines`); the cursor stays on its line while that is in view. */
  scroll(lines: number): void {
    this.first = clamp(this.first + lines, 0, this.maxTop());
    const line = clamp(this.at.line, this.first, this.first + this.visibleLines() - 1);
    if (line !== this.at.line) this.at = this.settle(line, this.wantedCol, false);
  }

  /** Puts the cursor on a cell (a mouse click), anywhere in the line's width. */
  moveTo(position: Position): void {
    this.place(position.line, position.col, true);
  }

  /** The view is at the bottom: nothing further down to scroll to. */
  get atBottom(): boolean {
    return this.first >= this.maxTop();
  }

  // Selection.

  /** v: starts a selection at the cursor, or drops the one there is. */
  toggleSelection(): void {
    if (this.anchor && !this.lineSelection) return this.clearSelection();
    this.anchor ??= this.at;
    this.lineSelection = false;
  }

  /** V: selects whole lines from the cursor's, or drops the line selection. */
  toggleLineSelection(): void {
    if (this.anchor && this.lineSelection) return this.clearSelection();
    this.anchor ??= this.at;
    this.lineSelection = true;
  }

  /** Starts a character selection at a cell (where a mouse drag began). */
  selectFrom(position: Position): void {
    this.anchor = this.settle(position.line, position.col, true);
    this.lineSelection = false;
  }

  clearSelection(): void {
    this.anchor = undefined;
    this.lineSelection = false;
  }

  /** The selected columns of a line, for drawing. */
  selectionOn(line: number): Span | undefined {
    const selection = this.selection;
    if (!selection || line < selection.start.line || line > selection.end.line) return undefined;
    const start = line === selection.start.line ? selection.start.col : 0;
    const end = line === selection.end.line ? selection.end.col + 1 : this.widthOf(line);
    return { start, end };
  }

  /** The selection as text, lines joined by '\n'; undefined with nothing selected. */
  selectedText(): string | undefined {
    const selection = this.selection;
    if (!selection) return undefined;
    const { start, end } = selection;
    let text = '';
    for (let line = start.line; line <= end.line; line++) {
      const cells = this.lines.cells(line) ?? [];
      const continues = line < end.line && this.lines.wrapped(line + 1);
      // A wide character at the end is taken whole: its second column comes along.
      const to = line === end.line ? end.col + (cells[end.col + 1] === '' ? 1 : 0) : cells.length - 1;
      text += copiedText(cells, line === start.line ? start.col : 0, to, continues);
      if (line < end.line && !continues) text += '\n';
    }
    return text;
  }

  // Search.

  /** Looks for `term` from the cursor and moves to it; it is also what n and N repeat. */
  find(term: string, forward: boolean): Found | undefined {
    this.searching = term === '' ? undefined : { term, forward };
    return this.findNext(false);
  }

  /** n (the same way) or N (the other way). */
  findNext(reverse: boolean): Found | undefined {
    const search = this.searching;
    if (!search) return undefined;
    const found = findMatch(this.texts, this.count, search.term, this.at, search.forward !== reverse);
    if (found) {
      this.at = this.settle(found.match.line, found.match.start, true);
      this.wantedCol = this.at.col;
      this.reveal(true);
    }
    return found;
  }

  /** Every match of the search on a line, for highlighting. */
  matchesOn(line: number): Span[] {
    return this.searching ? this.texts.spans(line, this.searching.term) : [];
  }

  resize(size: ViewportSize): void {
    this.size = size;
    this.first = clamp(this.first, 0, this.maxTop());
    this.at = this.settle(this.at.line, this.at.col, true);
    this.reveal(false);
  }

  // Internals.

  private maxTop(): number {
    return Math.max(0, this.count - this.size.height);
  }

  private visibleLines(): number {
    return Math.min(this.size.height, this.count - this.first);
  }

  private widthOf(line: number): number {
    return this.lines.cells(line)?.length ?? this.size.width;
  }

  /**
   * A valid cursor position near (line, col): inside the buffer, not past the line's last character
   * (unless `free`, as for the mouse), and on the first column of a wide character.
   */
  private settle(line: number, col: number, free: boolean): Position {
    const row = clamp(line, 0, Math.max(0, this.count - 1));
    const cells = this.lines.cells(row);
    const last = free || !cells ? this.widthOf(row) - 1 : Math.max(0, lastContentColumn(cells));
    let column = clamp(col, 0, Math.max(0, last));
    while (column > 0 && cells?.[column] === '') column--;
    return { line: row, col: column };
  }

  private place(line: number, col: number, free: boolean): void {
    this.at = this.settle(line, col, free);
    this.wantedCol = this.at.col;
    this.reveal(false);
  }

  private toLineStart(line: number): void {
    const row = clamp(line, 0, Math.max(0, this.count - 1));
    this.place(row, firstContentColumn(this.lines.cells(row) ?? []), false);
  }

  private moveLines(delta: number): void {
    this.at = this.settle(this.at.line + delta, this.wantedCol, false);
    this.reveal(false);
  }

  /** Moves the view and the cursor together, so the cursor keeps its row; at either end only the cursor moves. */
  private scrollWithCursor(delta: number): void {
    this.first = clamp(this.first + delta, 0, this.maxTop());
    this.moveLines(delta);
  }

  /** Scrolls just enough to show the cursor, or centres it when `centre` and it is out of view. */
  private reveal(centre: boolean): void {
    const { line } = this.at;
    const height = this.size.height;
    const inView = line >= this.first && line < this.first + height;
    if (inView) return;
    const top = centre ? line - Math.floor(height / 2) : line < this.first ? line : line - height + 1;
    this.first = clamp(top, 0, this.maxTop());
  }
}
