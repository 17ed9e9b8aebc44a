/**
 * Copy mode's marks over a line's own styles: matches, the match under the cursor, the selection.
 */
import { describe, expect, it } from 'vitest';
import { markLine } from '../../src/core/copy-mode/highlight.js';
import { Attr, PLAIN, type FrameLine, type Style } from '../../src/core/screen/frame.js';

const RED: Style = { fg: 1, bg: -1, attrs: Attr.BOLD };
const line: FrameLine = [
  { style: PLAIN, cells: [...'ok: '] },
  { style: RED, cells: [...'fail'] },
];

/** Each column as [cell, style]. */
const columns = (frameLine: FrameLine) => frameLine.flatMap((run) => run.cells.map((cell) => [cell, run.style] as const));

describe('markLine', () => {
  it('gives back the very same line when there is nothing to mark', () => {
    expect(markLine(line, [])).toBe(line);
  });

  it('paints a match black on yellow, underlined, and the current one brighter and bold', () => {
    const marked = markLine(line, [{ start: 1, end: 3, mark: 'match' }, { start: 4, end: 6, mark: 'current-match' }]);
    expect(marked.map((run) => run.cells.join(''))).toEqual(['o', 'k:', ' ', 'fa', 'il']);
    expect(marked[1]!.style).toEqual({ fg: 0, bg: 3, attrs: Attr.UNDERLINE });
    expect(marked[3]!.style).toEqual({ fg: 0, bg: 11, attrs: Attr.UNDERLINE | Attr.BOLD });
    expect(marked[4]!.style).toBe(RED);
  });

  it('shows the selection in reverse video over whatever is there, a match included', () => {
    const inverse: FrameLine = [{ style: { ...PLAIN, attrs: Attr.INVERSE }, cells: [...'ab'] }];
    expect(columns(markLine(inverse, [{ start: 0, end: 1, mark: 'selection' }]))[0]![1].attrs).toBe(0);
    const marked = columns(markLine(line, [{ start: 4, end: 5, mark: 'match' }, { start: 3, end: 6, mark: 'selection' }]));
    expect(marked[3]![1]).toEqual({ ...PLAIN, attrs: Attr.INVERSE });
    expect(marked[4]![1]).toEqual({ fg: 0, bg: 3, attrs: Attr.UNDERLINE | Attr.INVERSE });
    expect(marked[5]![1]).toEqual({ ...RED, attrs: Attr.BOLD | Attr.INVERSE });
    expect(marked[6]![1]).toBe(RED);
  });

  it('marks both columns of a wide character a mark ends on', () => {
    const wide: FrameLine = [{ style: PLAIN, cells: ['a', '日', '', 'b'] }];
    const marked = columns(markLine(wide, [{ start: 0, end: 2, mark: 'selection' }]));
    expect(marked.map(([cell, style]) => [cell, style.attrs])).toEqual([['a', Attr.INVERSE], ['日', Attr.INVERSE], ['', Attr.INVERSE], ['b', 0]]);
  });

  it('ignores the parts of a mark outside the line', () => {
    expect(columns(markLine(line, [{ start: 6, end: 99, mark: 'match' }])).length).toBe(8);
  });
});
