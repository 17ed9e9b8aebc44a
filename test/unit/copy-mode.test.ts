/**
 * Copy mode's model over a fixture scrollback: an agent's test run, 45 rows of a 40-column terminal,
 * with lines the terminal wrapped and a line of wide characters. The view is 10 rows high.
 */
import { describe, expect, it } from 'vitest';
import { CopyMode } from '../../src/core/copy-mode/copy-mode.js';
import { fixtureText, scrollback } from './scrollback-fixture.js';

const WIDTH = 40;
const HEIGHT = 10;
const lines = scrollback(fixtureText('agent-log.txt'), WIDTH);
const LAST = lines.count - 1;

/** Copy mode entered with the pane's cursor at the end of the last prompt, as after `prefix [`. */
function entered(): CopyMode {
  return new CopyMode(lines, { width: WIDTH, height: HEIGHT }, { line: LAST, col: 2 });
}

/** Copy mode with the cursor put on a cell, as a click would. */
function at(line: number, col: number): CopyMode {
  const mode = entered();
  mode.moveTo({ line, col });
  return mode;
}

function repeat(times: number, step: () => void): void {
  for (let i = 0; i < times; i++) step();
}

describe('the fixture', () => {
  it('is the log as a 40-column terminal holds it', () => {
    expect(lines.count).toBe(45);
    expect(lines.text(0)).toBe('$ npm test');
    expect(lines.wrapped(13)).toBe(true);
    expect(lines.text(LAST)).toBe('$');
  });
});

describe('entering', () => {
  it('shows the bottom of the buffer with the cursor where the pane had it', () => {
    const mode = entered();
    expect(mode.top).toBe(lines.count - HEIGHT);
    expect(mode.cursor).toEqual({ line: LAST, col: 2 });
    expect(mode.atBottom).toBe(true);
    expect(mode.selection).toBeUndefined();
    expect(mode.search).toBeUndefined();
  });

  it('shows everything from the top when the buffer is shorter than the view', () => {
    const short = scrollback('one\ntwo\n', WIDTH);
    const mode = new CopyMode(short, { width: WIDTH, height: HEIGHT }, { line: 1, col: 0 });
    expect(mode.top).toBe(0);
    mode.down();
    expect(mode.cursor.line).toBe(1);
  });
});

describe('moving', () => {
  it('h and l stay within the text of the line', () => {
    const mode = at(0, 0);
    repeat(20, () => mode.right());
    expect(mode.cursor).toEqual({ line: 0, col: 9 });
    repeat(20, () => mode.left());
    expect(mode.cursor).toEqual({ line: 0, col: 0 });
  });

  it('j and k keep the column the cursor wanted across shorter lines', () => {
    const mode = at(26, 30);
    mode.down();
    expect(mode.cursor).toEqual({ line: 27, col: 17 });
    mode.down();
    expect(mode.cursor).toEqual({ line: 28, col: 0 });
    mode.down();
    expect(mode.cursor).toEqual({ line: 29, col: 30 });
    mode.up(3);
    expect(mode.cursor).toEqual({ line: 26, col: 30 });
  });

  it('scrolls the view no further than needed to keep the cursor in it', () => {
    const mode = at(35, 0);
    expect(mode.top).toBe(35);
    mode.up();
    expect([mode.top, mode.cursor.line]).toEqual([34, 34]);
    mode.down(9);
    expect(mode.top).toBe(34);
    mode.down();
    expect([mode.top, mode.cursor.line]).toEqual([35, 44]);
  });

  it('pages up and down by the height less two, keeping the cursor on its row, until an end', () => {
    const mode = entered();
    mode.pageUp();
    expect([mode.top, mode.cursor.line]).toEqual([27, 36]);
    repeat(3, () => mode.pageUp());
    expect([mode.top, mode.cursor.line]).toEqual([3, 12]);
    mode.pageUp();
    expect([mode.top, mode.cursor.line]).toEqual([0, 4]);
    mode.pageUp();
    expect([mode.top, mode.cursor.line]).toEqual([0, 0]);
    mode.pageDown();
    expect([mode.top, mode.cursor.line]).toEqual([8, 8]);
  });

  it('C-u and C-d move half a page', () => {
    const mode = entered();
    mode.halfPageUp();
    expect([mode.top, mode.cursor.line]).toEqual([30, 39]);
    mode.halfPageDown();
    expect([mode.top, mode.cursor.line]).toEqual([35, 44]);
    mode.halfPageDown();
    expect([mode.top, mode.cursor.line]).toEqual([35, 44]);
  });

  it('g and G go to the oldest line and the bottom', () => {
    const mode = entered();
    mode.historyTop();
    expect([mode.top, mode.cursor]).toEqual([0, { line: 0, col: 0 }]);
    mode.historyBottom();
    expect([mode.top, mode.cursor]).toEqual([35, { line: LAST, col: 0 }]);
  });

  it('H, M and L go to the top, middle and bottom of the view, at the first character', () => {
    const mode = entered();
    mode.topLine();
    expect(mode.cursor).toEqual({ line: 35, col: 2 });
    mode.middleLine();
    expect(mode.cursor).toEqual({ line: 39, col: 0 });
    mode.bottomLine();
    expect(mode.cursor).toEqual({ line: 44, col: 0 });
  });

  it('0, ^ and $ go to the start, the first character and the last character of the line', () => {
    const mode = at(22, 10);
    mode.backToIndentation();
    expect(mode.cursor.col).toBe(4);
    mode.endOfLine();
    expect(mode.cursor.col).toBe(39);
    mode.startOfLine();
    expect(mode.cursor.col).toBe(0);
  });

  it('w and b stop at words and at runs of marks', () => {
    const mode = at(32, 0);
    const stops: number[] = [];
    repeat(6, () => {
      mode.nextWord();
      stops.push(mode.cursor.col);
    });
    expect(stops).toEqual([2, 10, 13, 14, 18, 19]);
    mode.previousWord();
    expect(mode.cursor).toEqual({ line: 32, col: 18 });
  });

  it('w and b take a line end as a gap, but not where the text only wrapped', () => {
    const mode = at(32, 33);
    mode.nextWord();
    expect(mode.cursor).toEqual({ line: 33, col: 2 });
    mode.previousWord();
    expect(mode.cursor).toEqual({ line: 32, col: 33 });

    const wrapped = at(13, 39); // the "o" of "of", whose "f" the terminal wrapped onto the next row
    wrapped.nextWord();
    expect(wrapped.cursor).toEqual({ line: 14, col: 2 });
    wrapped.previousWord();
    expect(wrapped.cursor).toEqual({ line: 13, col: 39 });
  });

  it('steps over wide characters whole and never rests on their second column', () => {
    const mode = at(40, 2);
    expect(lines.cells(40)!.slice(2, 6)).toEqual(['日', '', '本', '']);
    mode.right();
    expect(mode.cursor.col).toBe(4);
    mode.left();
    expect(mode.cursor.col).toBe(2);
    mode.moveTo({ line: 40, col: 5 });
    expect(mode.cursor.col).toBe(4);
    mode.endOfLine();
    expect(mode.cursor.col).toBe(33);
  });

  it('C-y, C-e and the wheel scroll the view, taking the cursor along only at its edge', () => {
    const mode = entered();
    mode.scroll(-3);
    expect([mode.top, mode.cursor.line]).toEqual([32, 41]);
    expect(mode.atBottom).toBe(false);
    mode.scroll(-1);
    expect([mode.top, mode.cursor.line]).toEqual([31, 40]);
    mode.scroll(50);
    expect([mode.top, mode.cursor.line]).toEqual([35, 40]);
    expect(mode.atBottom).toBe(true);
  });

  it('puts a clicked cursor anywhere in the line, but inside the buffer', () => {
    const mode = entered();
    mode.moveTo({ line: 0, col: 30 });
    expect(mode.cursor).toEqual({ line: 0, col: 30 });
    expect(mode.top).toBe(0);
    mode.moveTo({ line: 999, col: 999 });
    expect(mode.cursor).toEqual({ line: LAST, col: WIDTH - 1 });
  });

  it('keeps the cursor in view when the view shrinks', () => {
    const mode = at(36, 0);
    mode.resize({ width: WIDTH, height: 4 });
    expect(mode.top).toBe(35);
    mode.down(4);
    expect(mode.top).toBe(37);
  });
});

describe('selecting and copying', () => {
  it('copies nothing before a selection starts', () => {
    expect(entered().selectedText()).toBeUndefined();
  });

  it('v selects characters from where it was pressed to the cursor, either way round', () => {
    const mode = at(32, 2);
    mode.toggleSelection();
    mode.nextWord();
    expect(mode.selectedText()).toBe('Reading s');
    mode.moveTo({ line: 32, col: 12 });
    mode.toggleSelection();
    mode.toggleSelection();
    repeat(2, () => mode.left());
    expect(mode.selectedText()).toBe('src');
    expect(mode.selection).toEqual({ start: { line: 32, col: 10 }, end: { line: 32, col: 12 }, lines: false });
  });

  it('joins lines with newlines and cuts their trailing blanks', () => {
    const mode = at(19, 1);
    mode.toggleSelection();
    mode.moveTo({ line: 20, col: 13 });
    expect(mode.selectedText()).toBe('FAIL  test/unit/status-detect.test.ts\nAssertionError');
  });

  it('V selects whole lines, and v switches back to characters', () => {
    const mode = at(37, 5);
    mode.toggleLineSelection();
    mode.down();
    expect(mode.selectedText()).toBe('● Update(src/core/status/detect.ts)\n  ⎿  Updated src/core/status/detect.ts w');
    expect(mode.selectionOn(38)).toEqual({ start: 0, end: WIDTH });
    mode.toggleSelection();
    expect(mode.selectedText()).toBe('ate(src/core/status/detect.ts)\n  ⎿  U');
    mode.toggleSelection();
    expect(mode.selection).toBeUndefined();
  });

  it('copies a line the terminal wrapped as the one line the program printed', () => {
    const mode = at(12, 0);
    mode.toggleLineSelection();
    mode.down(2);
    const original = fixtureText('agent-log.txt').split('\n').find((line) => line.includes('wraps twice'));
    expect(mode.selectedText()).toBe(original);
  });

  it('copies a wide character whole, and marks the columns selected on each line', () => {
    const mode = at(40, 2);
    mode.toggleSelection();
    mode.right();
    expect(mode.selectedText()).toBe('日本');
    expect(mode.selectionOn(40)).toEqual({ start: 2, end: 5 });
    expect(mode.selectionOn(39)).toBeUndefined();
  });

  it('starts a selection where a drag began', () => {
    const mode = entered();
    mode.selectFrom({ line: 27, col: 3 });
    mode.moveTo({ line: 27, col: 10 });
    expect(mode.selectedText()).toBe('Duration');
  });

  it('reads lines that are not loaded yet as blank', () => {
    const sparse = scrollback(fixtureText('agent-log.txt'), WIDTH, new Set([20]));
    const mode = new CopyMode(sparse, { width: WIDTH, height: HEIGHT }, { line: 19, col: 1 });
    mode.toggleLineSelection();
    mode.down();
    expect(mode.selectedText()).toBe(' FAIL  test/unit/status-detect.test.ts\n');
  });
});
