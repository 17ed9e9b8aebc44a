/**
 * The compact history (core/screen/history.ts): a line taken as the rows an emulator wrapped it onto
 * reads back as the same rows at the same width, wraps again at another width, keeps its styles, and
 * drops off the top whole.
 */
import { describe, expect, it } from 'vitest';
import { History } from '../../src/core/screen/history.js';
import { Attr, PLAIN, lineText, rgb, type FrameLine, type Style } from '../../src/core/screen/frame.js';

const RED: Style = { fg: 1, bg: -1, attrs: Attr.BOLD };
const TRUE: Style = { fg: rgb(250, 128, 3), bg: rgb(1, 2, 3), attrs: Attr.ITALIC | Attr.STRIKETHROUGH };

/** Cells (one string each, '' after a wide one) cut into rows of `cols`, as an emulator wraps them. */
function wrap(cells: string[], style: Style, cols: number): FrameLine[] {
  const rows: FrameLine[] = [];
  let row: string[] = [];
  for (let i = 0; i < cells.length; i++) {
    const wide = cells[i + 1] === '';
    if (row.length + (wide ? 2 : 1) > cols) {
      while (row.length < cols) row.push(' ');
      rows.push([{ style, cells: row }]);
      row = [];
    }
    row.push(cells[i]!);
    if (wide) row.push(cells[++i]!);
  }
  const blanks = Array<string>(cols - row.length).fill(' ');
  rows.push(blanks.length && style !== PLAIN ? [{ style, cells: row }, { style: PLAIN, cells: blanks }] : [{ style, cells: [...row, ...blanks] }]);
  return rows;
}

const texts = (lines: readonly FrameLine[]) => lines.map((line) => lineText(line));

describe('History', () => {
  it('reads each line back as the rows it was taken as, at the same width', () => {
    const history = new History();
    const lines = [
      wrap([...'hello'], PLAIN, 8),
      wrap([...'a line longer than eight'], RED, 8),
      wrap(['中', '', 'x', '😀', '', '中', '', '中', '', 'y'], TRUE, 5),
      wrap([], PLAIN, 8),
    ];
    history.append(lines[0]!, 8);
    history.append(lines[1]!, 8);
    history.append(wrap(['中', '', 'x', '😀', '', '中', '', '中', '', 'y'], TRUE, 8), 8);
    history.append(lines[3]!, 8);
    const all = history.read(0, 100, 8);
    expect(history.rows(8)).toBe(1 + 3 + 2 + 1);
    expect(all.lines[0]).toEqual(lines[0]![0]);
    expect(all.lines.slice(1, 4)).toEqual(lines[1]);
    expect(all.lines.slice(4, 6)).toEqual(wrap(['中', '', 'x', '😀', '', '中', '', '中', '', 'y'], TRUE, 8));
    expect(all.lines[6]).toEqual(lines[3]![0]);
    expect(all.wrapped).toEqual([false, false, true, true, false, true, false]);
  });

  it('wraps a line again at another width, a wide character never split across the edge', () => {
    const history = new History();
    history.append(wrap([...'abcdefghij'], PLAIN, 4), 4);
    history.append(wrap(['a', 'b', '中', '', 'c'], PLAIN, 3), 3);
    expect(texts(history.read(0, 10, 6).lines)).toEqual(['abcdef', 'ghij  ', 'ab中c ']);
    expect(texts(history.read(0, 10, 3).lines)).toEqual(['abc', 'def', 'ghi', 'j  ', 'ab ', '中c']);
    expect(history.read(0, 10, 3).wrapped).toEqual([false, true, true, true, false, true]);
  });

  it('keeps a row the program wrapped onto and left blank, so rows keep their numbers', () => {
    const history = new History();
    const rows = [[{ style: PLAIN, cells: [...'abcd'] }], [{ style: PLAIN, cells: [...'    '] }]];
    history.append(rows, 4);
    history.append(wrap([...'next'], PLAIN, 4), 4);
    expect(history.rows(4)).toBe(3);
    expect(texts(history.read(0, 3, 4).lines)).toEqual(['abcd', '    ', 'next']);
  });

  it('keeps trailing cells that show a background, cuts plain blanks', () => {
    const history = new History();
    const painted: FrameLine = [{ style: PLAIN, cells: ['a'] }, { style: { fg: -1, bg: 4, attrs: 0 }, cells: [' ', ' '] }, { style: PLAIN, cells: [' ', ' ', ' '] }];
    history.append([painted], 6);
    expect(history.read(0, 1, 6).lines[0]).toEqual(painted);
  });

  it('reads any stretch of rows, from inside a wrapped line', () => {
    const history = new History();
    for (let i = 0; i < 20; i++) history.append(wrap([...`line ${i} `.repeat(i % 3 + 1)], PLAIN, 10), 10);
    const all = history.read(0, 1000, 10);
    for (const [from, to] of [[0, 5], [3, 9], [17, 30], [all.lines.length - 2, all.lines.length + 5]] as const) {
      const part = history.read(from, to, 10);
      expect(part.lines).toEqual(all.lines.slice(from, to));
      expect(part.wrapped).toEqual(all.wrapped.slice(from, to));
    }
  });

  it('drops whole lines off the top, at least the rows asked for', () => {
    const history = new History();
    history.append(wrap([...'one'], PLAIN, 4), 4);
    history.append(wrap([...'two two'], PLAIN, 4), 4);
    history.append(wrap([...'six'], PLAIN, 4), 4);
    expect(history.dropRows(2, 4)).toBe(3);
    expect(texts(history.read(0, 5, 4).lines)).toEqual(['six ']);
    expect(history.rows(4)).toBe(1);
    history.clear();
    expect([history.rows(4), history.lineCount]).toEqual([0, 0]);
  });
});
