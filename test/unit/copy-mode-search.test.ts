/**
 * Searching in copy mode: where a term matches within a line (in columns, whatever the characters),
 * and how / ? n N move through the fixture scrollback, wrapping at the ends.
 */
import { describe, expect, it } from 'vitest';
import { CopyMode } from '../../src/core/copy-mode/copy-mode.js';
import { lineText } from '../../src/core/copy-mode/line-text.js';
import { ignoresCase, spansIn } from '../../src/core/copy-mode/search.js';
import { fixtureText, scrollback } from './scrollback-fixture.js';

const WIDTH = 40;
const HEIGHT = 10;
const lines = scrollback(fixtureText('agent-log.txt'), WIDTH);
const LAST = lines.count - 1;

function entered(source = lines): CopyMode {
  return new CopyMode(source, { width: WIDTH, height: HEIGHT }, { line: LAST, col: 2 });
}

const spans = (text: string, term: string) => spansIn(lineText([...text]), term);

describe('matches within a line', () => {
  it('are found left to right without overlapping', () => {
    expect(spans('aaaa', 'aa')).toEqual([{ start: 0, end: 2 }, { start: 2, end: 4 }]);
    expect(spans('abc', '')).toEqual([]);
  });

  it('ignore case unless the term has a capital letter', () => {
    expect(ignoresCase('tests')).toBe(true);
    expect(ignoresCase('Tests')).toBe(false);
    expect(spans('Tests and tests', 'tests')).toEqual([{ start: 0, end: 5 }, { start: 10, end: 15 }]);
    expect(spans('Tests and tests', 'Tests')).toEqual([{ start: 0, end: 5 }]);
  });

  it('are given in columns, wide characters counting two', () => {
    expect(spansIn(lineText(lines.cells(40)!), 'テスト')).toEqual([{ start: 10, end: 16 }]);
    expect(spansIn(lineText(lines.cells(40)!), '🎉')).toEqual([{ start: 33, end: 35 }]);
  });

  it('stay on their columns after a character of two code units', () => {
    expect(spansIn(lineText(['🎉', '', 'x']), 'x')).toEqual([{ start: 2, end: 3 }]);
  });

  it('stay on their columns when lower-casing changes a character’s length', () => {
    // "İ" lower-cases to two code units; the "x" after it is still in column 1.
    expect(spansIn(lineText(['İ', 'x', 'x']), 'x')).toEqual([{ start: 1, end: 2 }, { start: 2, end: 3 }]);
  });
});

describe('searching the scrollback', () => {
  it('? finds the nearest match above the cursor, n goes on and N comes back', () => {
    const mode = entered();
    const found = mode.find('status', false);
    expect(found).toEqual({ match: { line: 38, start: 22, end: 28 }, wrapped: false });
    expect(mode.cursor).toEqual({ line: 38, col: 22 });
    mode.findNext(false);
    expect(mode.cursor).toEqual({ line: 37, col: 18 });
    mode.findNext(true);
    expect(mode.cursor).toEqual({ line: 38, col: 22 });
    expect(mode.search).toEqual({ term: 'status', forward: false });
  });

  it('/ goes round from the bottom to the top, and says that it did', () => {
    const mode = entered();
    expect(mode.find('npm', true)).toEqual({ match: { line: 0, start: 2, end: 5 }, wrapped: true });
    expect(mode.top).toBe(0);
    expect(mode.findNext(false)).toEqual({ match: { line: 41, start: 2, end: 5 }, wrapped: false });
  });

  it('steps between matches on one line', () => {
    const mode = entered();
    mode.moveTo({ line: 26, col: 0 });
    mode.find('1', true);
    const cols: number[] = [mode.cursor.col];
    for (let i = 0; i < 3; i++) {
      mode.findNext(false);
      cols.push(mode.cursor.col);
    }
    expect(cols).toEqual([13, 24, 26, 36]);
    expect(mode.matchesOn(26)).toEqual([13, 24, 26, 36].map((start) => ({ start, end: start + 1 })));
  });

  it('centres a match that was out of view', () => {
    const mode = entered();
    mode.historyTop();
    mode.find('Duration', true);
    expect(mode.cursor).toEqual({ line: 27, col: 3 });
    expect(mode.top).toBe(27 - HEIGHT / 2);
  });

  it('finds the term wherever the lines of the view are', () => {
    const mode = entered();
    mode.find('wraps', false);
    // Two matches: the wrapped test name (row 14) and Claude's explanation (row 35), which is nearer.
    expect(mode.cursor.line).toBe(35);
    mode.findNext(false);
    expect(mode.cursor.line).toBe(14);
  });

  it('leaves the cursor where it was when nothing matches, and remembers the term', () => {
    const mode = entered();
    expect(mode.find('zebra', true)).toBeUndefined();
    expect(mode.cursor).toEqual({ line: LAST, col: 2 });
    expect(mode.search).toEqual({ term: 'zebra', forward: true });
    expect(mode.matchesOn(0)).toEqual([]);
  });

  it('has nothing to repeat before a search, and an empty term clears it', () => {
    const mode = entered();
    expect(mode.findNext(false)).toBeUndefined();
    mode.find('npm', true);
    mode.find('', true);
    expect(mode.search).toBeUndefined();
    expect(mode.matchesOn(0)).toEqual([]);
  });

  it('finds nothing in lines that are not loaded', () => {
    const mode = entered(scrollback(fixtureText('agent-log.txt'), WIDTH, new Set([27])));
    expect(mode.find('Duration', true)).toBeUndefined();
  });
});
