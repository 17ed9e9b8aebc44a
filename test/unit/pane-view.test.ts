/**
 * PaneView on a real blessed screen: what it puts into the screen's cell grid.
 */
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { PaneView } from '../../src/client/pane-view.js';
import { openScreen, type TerminalScreen } from '../../src/io/screen.js';
import { DEFAULT_ATTR, screenGrid } from '../../src/io/screen-grid.js';
import { STYLE_BASE, styles } from '../../src/io/screen-style.js';
import { Attr, PLAIN, rgb, type PaneFrame, type Run, type Style } from '../../src/core/screen/frame.js';

const owned: { dispose(): void }[] = [];
afterEach(() => {
  while (owned.length) owned.pop()!.dispose();
});

function testScreen(cols = 12, rows = 4): TerminalScreen {
  const output = new Writable({ write: (_chunk, _encoding, done) => done() });
  Object.assign(output, { columns: cols, rows, isTTY: true });
  const screen = openScreen({ output: output as unknown as NodeJS.WriteStream, colorDepth: '256', term: 'xterm-256color' });
  owned.push({ dispose: () => screen.destroy() });
  return screen;
}

function view(screen: TerminalScreen): PaneView {
  const pane = new PaneView(screen.screen);
  owned.push(pane);
  return pane;
}

/** A frame from text rows; every row in one run of `style`. */
function frame(rows: string[][], style: Style = PLAIN, cursor = { x: 0, y: 0, visible: true }): PaneFrame {
  return {
    cols: rows[0]!.length, rows: rows.length, cursor, title: '',
    modes: { applicationCursor: false, bracketedPaste: false, mouseTracking: 'none', sgrMouse: false },
    lines: rows.map((cells): Run[] => [{ style, cells }]),
  };
}

const chars = (text: string): string[] => [...text];
const row = (screen: TerminalScreen, y: number): string => screenGrid(screen.screen).lines[y]!.map(([, ch]) => ch || '_').join('');
const attrAt = (screen: TerminalScreen, x: number, y: number): number => screenGrid(screen.screen).lines[y]![x]![0];

describe('copying cells', () => {
  it('puts each cell in its column, offset by the rect', () => {
    const screen = testScreen();
    const pane = view(screen);
    pane.setRect({ x: 2, y: 1, width: 4, height: 2 });
    pane.setFrame(frame([chars('abcd'), ['中', '', 'e', 'f']]));
    screen.render();
    expect([row(screen, 0), row(screen, 1), row(screen, 2), row(screen, 3)]).toEqual([
      '            ', '  abcd      ', '  中_ef      ', '            ',
    ]);
  });

  it('packs the style the way blessed does when it has no 24-bit colour', () => {
    const screen = testScreen();
    const pane = view(screen);
    pane.setRect({ x: 0, y: 0, width: 2, height: 1 });
    pane.setFrame(frame([chars('ab')], { fg: 208, bg: 17, attrs: Attr.BOLD | Attr.ITALIC }));
    screen.render();
    expect(attrAt(screen, 0, 0)).toBe(((Attr.BOLD | Attr.ITALIC) << 18) | (208 << 9) | 17);
  });

  it('interns a style with 24-bit colours, one id for all its cells, its packed form at the nearest 256 entry', () => {
    const screen = testScreen();
    const pane = view(screen);
    pane.setRect({ x: 0, y: 0, width: 2, height: 1 });
    pane.setFrame(frame([chars('ab')], { fg: rgb(255, 0, 0), bg: 17, attrs: Attr.BOLD | Attr.ITALIC }));
    screen.render();
    const attr = attrAt(screen, 0, 0);
    expect(attr).toBeGreaterThanOrEqual(STYLE_BASE);
    expect(attrAt(screen, 1, 0)).toBe(attr);
    expect([styles.fg(attr), styles.bg(attr)]).toEqual([rgb(255, 0, 0), 17]);
    expect(styles.packed(attr)).toBe(((Attr.BOLD | Attr.ITALIC) << 18) | (196 << 9) | 17);
  });

  it('leaves the rest of the rect blank when the frame is smaller', () => {
    const screen = testScreen();
    const pane = view(screen);
    pane.setRect({ x: 0, y: 0, width: 6, height: 3 });
    pane.setFrame(frame([chars('xxxxxx'), chars('xxxxxx'), chars('xxxxxx')], { fg: 1, bg: 2, attrs: 0 }));
    screen.render();
    pane.setFrame(frame([chars('ab')], { fg: 1, bg: 2, attrs: 0 }));
    screen.render();
    expect([row(screen, 0), row(screen, 1), row(screen, 2)]).toEqual(['ab          ', '            ', '            ']);
    expect(attrAt(screen, 3, 0)).toBe(DEFAULT_ATTR);
  });

  it('clips a larger frame to the rect, and a wide character cut in half becomes a space', () => {
    const screen = testScreen();
    const pane = view(screen);
    pane.setRect({ x: 1, y: 0, width: 3, height: 1 });
    pane.setFrame(frame([['a', 'b', '中', '', 'c'], chars('defgh')]));
    screen.render();
    expect([row(screen, 0), row(screen, 1)]).toEqual([' ab         ', '            ']);
  });

  it('blanks the rect when there is no frame', () => {
    const screen = testScreen();
    const pane = view(screen);
    pane.setRect({ x: 0, y: 0, width: 3, height: 1 });
    pane.setFrame(frame([chars('abc')]));
    screen.render();
    pane.setFrame(undefined);
    screen.render();
    expect(row(screen, 0)).toBe('            ');
  });

  it('marks dirty only the lines it changed', () => {
    const screen = testScreen();
    const pane = view(screen);
    pane.setRect({ x: 0, y: 0, width: 3, height: 3 });
    pane.setFrame(frame([chars('abc'), chars('def'), chars('ghi')]));
    screen.render();
    pane.setFrame(frame([chars('abc'), chars('dXf'), chars('ghi')]));
    pane.element.render();
    expect(screenGrid(screen.screen).lines.slice(0, 3).map((line) => Boolean(line.dirty))).toEqual([false, true, false]);
  });

  it('blanks the area it leaves when it moves, and when it is disposed', () => {
    const screen = testScreen();
    const pane = view(screen);
    pane.setRect({ x: 0, y: 0, width: 3, height: 1 });
    pane.setFrame(frame([chars('abc')]));
    screen.render();
    pane.setRect({ x: 6, y: 1, width: 3, height: 1 });
    screen.render();
    expect([row(screen, 0), row(screen, 1)]).toEqual(['            ', '      abc   ']);
    pane.dispose();
    screen.render();
    expect(row(screen, 1)).toBe('            ');
  });

  it('paints nothing while hidden', () => {
    const screen = testScreen();
    const pane = view(screen);
    pane.setRect({ x: 0, y: 0, width: 3, height: 1 });
    pane.setFrame(frame([chars('abc')]));
    pane.element.hide();
    screen.render();
    expect(row(screen, 0)).toBe('            ');
  });
});

describe('cursorPosition', () => {
  it('is the frame cursor in screen cells', () => {
    const pane = view(testScreen());
    pane.setRect({ x: 3, y: 1, width: 4, height: 2 });
    pane.setFrame(frame([chars('abcd'), chars('efgh')], PLAIN, { x: 2, y: 1, visible: false }));
    expect(pane.cursorPosition()).toEqual({ x: 5, y: 2, visible: false });
  });

  it('is undefined without a frame, and kept in view in a frame larger than the rect', () => {
    const pane = view(testScreen());
    pane.setRect({ x: 0, y: 0, width: 2, height: 2 });
    expect(pane.cursorPosition()).toBeUndefined();
    pane.setFrame(frame([chars('abcd')], PLAIN, { x: 3, y: 0, visible: true }));
    expect(pane.cursorPosition()).toEqual({ x: 1, y: 0, visible: true });
  });
});

describe('a frame larger than the pane (sized for a bigger client that typed last)', () => {
  it('is shown through a window that keeps the cursor in view, marked with its real size', () => {
    const screen = testScreen(12, 4);
    const pane = view(screen);
    pane.setRect({ x: 0, y: 0, width: 9, height: 2 });
    const rows = [chars('aaaaaaaaaaaa'), chars('bbbbbbbbbbbb'), chars('cccccccccccc'), ['d', 'd', '中', '', ...chars('dddddddd')]];
    // The cursor at the bottom-right, where the big client's typing is.
    pane.setFrame(frame(rows, PLAIN, { x: 11, y: 3, visible: true }));
    screen.render();
    // The wide character's half left of the window becomes a space.
    expect([row(screen, 0), row(screen, 1)]).toEqual(['ccc 12×4    ', ' dddddddd   ']);
    expect(pane.cursorPosition()).toEqual({ x: 8, y: 1, visible: true });
    // Back at the top-left, the window follows.
    pane.setFrame(frame(rows, PLAIN, { x: 0, y: 0, visible: true }));
    screen.render();
    expect([row(screen, 0), row(screen, 1)]).toEqual(['aaa 12×4    ', 'bbbbbbbbb   ']);
  });
});

describe('repaint', () => {
  it('paints the rows whose line changed, leaves the others, and the screen shows it at the next draw', () => {
    const screen = testScreen();
    const pane = view(screen);
    pane.setRect({ x: 1, y: 0, width: 3, height: 2 });
    const first = frame([chars('abc'), chars('def')]);
    pane.setFrame(first);
    screen.render();
    // Another frame sharing row 0 with the first (as emulators share unchanged rows) and a new row 1.
    const second: PaneFrame = { ...first, lines: [first.lines[0]!, [{ style: PLAIN, cells: chars('xyz') }]] };
    // A cell of row 0 that only a full paint would put back shows whether row 0 was painted again.
    screenGrid(screen.screen).lines[0]![1]![1] = '#';
    pane.repaint(second);
    expect([row(screen, 0), row(screen, 1)]).toEqual([' #bc        ', ' xyz        ']);
    expect(screenGrid(screen.screen).lines[1]!.dirty).toBe(true);
    screen.draw();
    expect(screenGrid(screen.screen).lines[1]!.dirty).toBe(false);
    // blessed's render pass paints every row again.
    screen.render();
    expect(row(screen, 0)).toBe(' abc        ');
  });
});
