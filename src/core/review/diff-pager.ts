/**
 * Where the reader is in a diff document: the first line shown, and a cursor on the line being read (what a
 * review comment is made on), whose file is the current one. j/k move the cursor and the view follows it;
 * pages move both; n/p jump to the next or previous file's first line and put it at the top. The last
 * file's patch may be shorter than a screen, so the document may scroll until that file's first line is at
 * the top, past the point where the last line reaches the bottom.
 */
import type { DiffDocument } from './diff-document.js';

export class DiffPager {
  private first = 0;
  private at = 0;
  private rows = 1;

  constructor(private readonly doc: DiffDocument) {}

  /** The first line shown. */
  get top(): number {
    return this.first;
  }

  /** The line the cursor is on: what `c` comments on. */
  get cursor(): number {
    return this.at;
  }

  get height(): number {
    return this.rows;
  }

  setHeight(rows: number): void {
    this.rows = Math.max(1, rows);
    this.first = this.clampTop(this.first);
    this.follow();
  }

  /** Moves the cursor; the view scrolls when it would leave the screen. */
  scroll(lines: number): void {
    this.moveCursorTo(this.at + lines);
  }

  moveCursorTo(line: number): void {
    this.at = Math.max(0, Math.min(line, this.doc.lines.length - 1));
    this.follow();
  }

  /** The view as it was (the document changed under it): `top` at the top, the cursor on `cursor`. */
  place(top: number, cursor: number): void {
    this.first = this.clampTop(top);
    this.moveCursorTo(cursor);
  }

  /** A screen less a line, the cursor along with it. */
  page(direction: 1 | -1): void {
    const step = direction * Math.max(1, this.rows - 1);
    this.first = this.clampTop(this.first + step);
    this.moveCursorTo(this.at + step);
  }

  home(): void {
    this.jump(0);
  }

  end(): void {
    this.first = this.lastTop();
    this.moveCursorTo(this.doc.lines.length - 1);
  }

  /** The file whose patch holds the cursor's line, -1 above the first file (the commits and diffstat). */
  currentFile(): number {
    let current = -1;
    this.doc.files.forEach((file, index) => {
      if (file.line <= this.at) current = index;
    });
    return current;
  }

  nextFile(): void {
    const next = this.doc.files[this.currentFile() + 1];
    if (next) this.jump(next.line);
  }

  previousFile(): void {
    const current = this.currentFile();
    const file = this.doc.files[current];
    // Back to the start of this file first, as a pager does, then to the one before.
    if (file && file.line < this.at) return this.jump(file.line);
    if (current <= 0) return this.jump(0);
    this.jump(this.doc.files[current - 1]!.line);
  }

  jumpToFile(index: number): void {
    const file = this.doc.files[index];
    if (file) this.jump(file.line);
  }

  /** The line at the top of the screen, and the cursor on it. */
  private jump(line: number): void {
    this.first = this.clampTop(line);
    this.moveCursorTo(line);
  }

  /** Scrolls as little as keeps the cursor on the screen. */
  private follow(): void {
    if (this.at < this.first) this.first = this.at;
    else if (this.at >= this.first + this.rows) this.first = this.at - this.rows + 1;
  }

  private lastTop(): number {
    const lastFile = this.doc.files.at(-1)?.line ?? 0;
    return Math.max(0, this.doc.lines.length - this.rows, lastFile);
  }

  private clampTop(line: number): number {
    return Math.max(0, Math.min(line, this.lastTop()));
  }
}
