/**
 * Where the reader is in a diff document: the first line shown, and so which file is current. Scrolling
 * moves by lines or pages; n/p jump to the next or previous file's first line. The last file's patch may
 * be shorter than a screen, so the document may scroll until that file's first line is at the top, past
 * the point where the last line reaches the bottom.
 */
import type { DiffDocument } from './diff-document.js';

export class DiffPager {
  private first = 0;
  private rows = 1;

  constructor(private readonly doc: DiffDocument) {}

  /** The first line shown. */
  get top(): number {
    return this.first;
  }

  get height(): number {
    return this.rows;
  }

  setHeight(rows: number): void {
    this.rows = Math.max(1, rows);
    this.moveTo(this.first);
  }

  scroll(lines: number): void {
    this.moveTo(this.first + lines);
  }

  page(direction: 1 | -1): void {
    this.moveTo(this.first + direction * Math.max(1, this.rows - 1));
  }

  home(): void {
    this.moveTo(0);
  }

  end(): void {
    this.moveTo(this.lastTop());
  }

  /** The file whose patch holds the top line, -1 above the first file (the commits and diffstat). */
  currentFile(): number {
    let current = -1;
    this.doc.files.forEach((file, index) => {
      if (file.line <= this.first) current = index;
    });
    return current;
  }

  nextFile(): void {
    const next = this.doc.files[this.currentFile() + 1];
    if (next) this.moveTo(next.line);
  }

  previousFile(): void {
    const current = this.currentFile();
    const file = this.doc.files[current];
    // Back to the start of this file first, as a pager does, then to the one before.
    if (file && file.line < this.first) return this.moveTo(file.line);
    if (current <= 0) return this.moveTo(0);
    this.moveTo(this.doc.files[current - 1]!.line);
  }

  jumpToFile(index: number): void {
    const file = this.doc.files[index];
    if (file) this.moveTo(file.line);
  }

  private lastTop(): number {
    const lastFile = this.doc.files.at(-1)?.line ?? 0;
    return Math.max(0, this.doc.lines.length - this.rows, lastFile);
  }

  private moveTo(line: number): void {
    this.first = Math.max(0, Math.min(line, this.lastTop()));
  }
}
