/**
 * A buffer line as copy mode reads it: the cells of its columns, turned into text that can be searched
 * and copied, with the way back from a place in the text to the column it came from.
 *
 * A frame line has one cell per column and '' in the second column of a wide character, so the text is
 * the cells joined, and a map gives the column of each UTF-16 unit of it. Searching ignores case unless
 * the term has a capital letter (smart case, as in vim and less); the folded text is built cell by cell,
 * because lower-casing can change a string's length ("İ" becomes two units) and its map must still line
 * up. Most lines are one unit per column either way, and keep no map at all: a search may hold the text
 * of every line of a long scrollback.
 */

export interface LineText {
  /** The cells joined. */
  readonly text: string;
  /** The text with every cell lower-cased, for searches that ignore case. */
  readonly folded: string;
  /** The line's width in columns. */
  readonly width: number;
  /** The column of unit i of `text`, or of `folded`. */
  column(i: number, folded: boolean): number;
}

class PlainLineText implements LineText {
  constructor(readonly text: string, readonly folded: string) {}

  get width(): number {
    return this.text.length;
  }

  column(i: number): number {
    return i;
  }
}

class MappedLineText implements LineText {
  constructor(
    readonly text: string,
    readonly folded: string,
    readonly width: number,
    private readonly columnAt: readonly number[],
    private readonly foldedColumnAt: readonly number[],
  ) {}

  column(i: number, folded: boolean): number {
    return (folded ? this.foldedColumnAt : this.columnAt)[i]!;
  }
}

export function lineText(cells: readonly string[]): LineText {
  const text = cells.join('');
  const folded = text.toLowerCase();
  // Lower-casing never shortens text, so an unchanged length means no character grew.
  if (text.length === cells.length && folded.length === text.length && cells.every((cell) => cell.length === 1)) {
    return new PlainLineText(text, folded);
  }
  let foldedByCell = '';
  const columnAt: number[] = [];
  const foldedColumnAt: number[] = [];
  cells.forEach((cell, column) => {
    for (let i = 0; i < cell.length; i++) columnAt.push(column);
    const lower = cell.toLowerCase();
    foldedByCell += lower;
    for (let i = 0; i < lower.length; i++) foldedColumnAt.push(column);
  });
  return new MappedLineText(text, foldedByCell, cells.length, columnAt, foldedColumnAt);
}

/** The last column holding something other than a blank, or -1 for a blank line. */
export function lastContentColumn(cells: readonly string[]): number {
  for (let column = cells.length - 1; column >= 0; column--) {
    const cell = cells[column]!;
    if (cell !== ' ' && cell !== '') return column;
  }
  return -1;
}

/** The first column holding something other than a blank, or 0 for a blank line. */
export function firstContentColumn(cells: readonly string[]): number {
  const column = cells.findIndex((cell) => cell !== ' ' && cell !== '');
  return column < 0 ? 0 : column;
}

/** What a word motion stops at: runs of word characters, runs of other marks, and the blanks between. */
export type CharClass = 'blank' | 'word' | 'mark';

const WORD = /[\p{L}\p{N}_]/u;

export function charClass(cell: string | undefined): CharClass {
  if (cell === undefined || cell === ' ' || cell === '') return 'blank';
  return WORD.test(cell) ? 'word' : 'mark';
}

/**
 * The copied text of columns [from, to] of a line. A trailing run of blanks is cut unless the line
 * continues on the next one (the program's text wrapped there), as terminals copy.
 */
export function copiedText(cells: readonly string[], from: number, to: number, continues: boolean): string {
  const text = cells.slice(from, to + 1).join('');
  return continues ? text : text.replace(/ +$/u, '');
}
