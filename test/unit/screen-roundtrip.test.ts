/**
 * The whole drawing path, checked by a second terminal: escape sequences go into emulator A, its frame is
 * copied by a PaneView onto a real blessed screen, grove's renderer writes bytes, and those bytes go into
 * emulator B, which plays the user's terminal. What B shows inside the pane must be what A shows.
 */
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { box } from '../../src/io/screen-widgets.js';
import { PaneEmulator } from '../../src/emu/pane-emulator.js';
import { openScreen, type TerminalScreen } from '../../src/io/screen.js';
import { PaneView } from '../../src/client/pane-view.js';
import { nearest16, nearest256, type ColorDepth } from '../../src/core/screen/color.js';
import { DEFAULT_COLOR, PLAIN, type PaneFrame } from '../../src/core/screen/frame.js';
import type { Rect } from '../../src/core/layout/rect.js';

const owned: { dispose(): void }[] = [];
afterEach(() => {
  while (owned.length) owned.pop()!.dispose();
});

function emulator(cols: number, rows: number): PaneEmulator {
  return own(new PaneEmulator({ cols, rows, onReply: () => {} }));
}

function own<T extends { dispose(): void }>(thing: T): T {
  owned.push(thing);
  return thing;
}

function feed(emu: PaneEmulator, data: string): Promise<void> {
  return new Promise((resolve) => emu.write(data, resolve));
}

/** A blessed screen whose terminal is a recording of every write. */
function testScreen(cols: number, rows: number, colorDepth: ColorDepth): { screen: TerminalScreen; writes: string[] } {
  const writes: string[] = [];
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      writes.push(chunk.toString());
      done();
    },
  });
  Object.assign(output, { columns: cols, rows, isTTY: true });
  const screen = openScreen({ output: output as unknown as NodeJS.WriteStream, colorDepth, term: 'xterm-256color' });
  own({ dispose: () => screen.destroy() });
  return { screen, writes };
}

interface SeenCell {
  ch: string;
  fg: number;
  bg: number;
  attrs: number;
}

function cells(frame: PaneFrame, rect: Rect, mapColor: (c: number) => number = (c) => c): SeenCell[][] {
  return frame.lines.slice(rect.y, rect.y + rect.height).map((line) =>
    line
      .flatMap((run) => run.cells.map((ch) => ({ ch, fg: mapColor(run.style.fg), bg: mapColor(run.style.bg), attrs: run.style.attrs })))
      .slice(rect.x, rect.x + rect.width),
  );
}

const SAMPLE = [
  'plain \x1b[1mbold\x1b[22m \x1b[2mdim\x1b[22m \x1b[3mitalic\x1b[23m \x1b[4munder\x1b[24m',
  '\x1b[7minverse\x1b[27m \x1b[9mstrike\x1b[29m \x1b[5mblink\x1b[25m \x1b[1;3;4mall\x1b[m',
  '\x1b[31mred\x1b[42mgreen-bg\x1b[m \x1b[93;104mbright\x1b[m \x1b[38;5;208;48;5;17m256\x1b[m',
  '\x1b[38;2;30;144;255mtrue\x1b[48;2;250;128;0mcolor\x1b[m \x1b[36m中文\x1b[m|한국|😀|🎉x',
  '   indented \x1b[1m漢字かな\x1b[m end',
].join('\r\n');

async function roundTrip(colorDepth: ColorDepth, mapColor: (c: number) => number) {
  const a = emulator(40, 6);
  await feed(a, SAMPLE);
  const { screen, writes } = testScreen(50, 10, colorDepth);
  const rect = { x: 4, y: 2, width: 40, height: 6 };
  const view = own(new PaneView(screen.screen));
  view.setRect(rect);
  view.setFrame(a.frame());
  screen.render();

  const b = emulator(50, 10);
  await feed(b, writes.join(''));
  const whole = { x: 0, y: 0, width: 40, height: 6 };
  expect(cells(b.frame(), rect)).toEqual(cells(a.frame(), whole, mapColor));
  return { a, b, view, screen, writes, rect, whole };
}

describe('round trip through the screen', () => {
  it('reproduces text, 256 colours, attributes and wide characters at 256 colours', async () => {
    await roundTrip('256', (c) => (c === DEFAULT_COLOR ? c : nearest256(c)));
  });

  it('reproduces the same at truecolor, with 24-bit colours kept exactly', async () => {
    const { writes } = await roundTrip('truecolor', (c) => c);
    expect(writes.join('')).toContain('38;2;30;144;255');
  });

  it('reduces colours to the 16 system colours at 16', async () => {
    await roundTrip('16', (c) => (c === DEFAULT_COLOR ? c : nearest16(nearest256(c))));
  });

  it('sends only changes afterwards, and B still matches', async () => {
    const { a, b, view, screen, writes, rect, whole } = await roundTrip('256', nearest256);
    const before = writes.join('').length;
    await feed(a, '\x1b[2;1H\x1b[2K\x1b[35mrewritten\x1b[m\x1b[5;4H\x1b[1mX\x1b[m');
    view.setFrame(a.frame());
    screen.render();
    const delta = writes.join('').slice(before);
    expect(delta.length).toBeLessThan(before / 4);
    await feed(b, delta);
    expect(cells(b.frame(), rect)).toEqual(cells(a.frame(), whole, nearest256));
  });

  it('writes nothing when nothing changed, and one write per frame otherwise', async () => {
    const { a, view, screen, writes } = await roundTrip('256', nearest256);
    const count = writes.length;
    screen.render();
    expect(writes.length).toBe(count);
    await feed(a, '\x1b[Hchanged');
    view.setFrame(a.frame());
    screen.render();
    expect(writes.length).toBe(count + 1);
  });

  it('draws a dialog over halves of wide characters without shifting anything', async () => {
    const a = emulator(10, 1);
    await feed(a, 'ab中文字');
    const { screen, writes } = testScreen(10, 1, '256');
    const view = own(new PaneView(screen.screen));
    view.setRect({ x: 0, y: 0, width: 10, height: 1 });
    view.setFrame(a.frame());
    box({ parent: screen.screen, left: 3, top: 0, width: 2, height: 1, content: 'XY' });
    screen.render();
    const b = emulator(10, 1);
    await feed(b, writes.join(''));
    expect(cells(b.frame(), { x: 0, y: 0, width: 10, height: 1 })[0]!.map((c) => c.ch).join('|')).toBe('a|b| |X|Y| |字|| | ');
  });
});

describe('what never reaches the terminal', () => {
  const hostile: PaneFrame = {
    cols: 6, rows: 1, title: '', modes: { applicationCursor: false, bracketedPaste: false, mouseTracking: 'none', sgrMouse: false },
    cursor: { x: 0, y: 0, visible: false },
    lines: [[{ style: PLAIN, cells: ['a', '\x1b[31m', '\x07', '\x9b2J', '\x1b]0;pwned\x07', 'z'] }]],
  };

  it('control characters in cells are drawn as ?', async () => {
    const { screen, writes } = testScreen(6, 1, '256');
    screen.render();
    const before = writes.length;
    const view = own(new PaneView(screen.screen));
    view.setRect({ x: 0, y: 0, width: 6, height: 1 });
    view.setFrame(hostile);
    screen.render();
    const out = writes.slice(before).join('');
    for (const bad of ['\x1b[31m', '\x07', '\x9b', 'pwned']) expect(out).not.toContain(bad);
    const b = emulator(6, 1);
    await feed(b, writes.join(''));
    expect(cells(b.frame(), { x: 0, y: 0, width: 6, height: 1 })[0]!.map((c) => c.ch).join('')).toBe('a????z');
  });

  it('mono sends no colour codes, only attributes', async () => {
    const a = emulator(30, 2);
    await feed(a, '\x1b[1;31;44mbold\x1b[m \x1b[3;38;5;208mitalic\x1b[m \x1b[38;2;1;2;3;48;2;4;5;6mrgb\x1b[m\r\n\x1b[91;7minv');
    const { screen, writes } = testScreen(30, 2, 'mono');
    const view = own(new PaneView(screen.screen));
    view.setRect({ x: 0, y: 0, width: 30, height: 2 });
    view.setFrame(a.frame());
    screen.render();
    const params = [...writes.join('').matchAll(/\x1b\[([\d;]*)m/g)].flatMap((m) => m[1]!.split(';')).map(Number);
    expect(params.filter((p) => (p >= 30 && p <= 49) || (p >= 90 && p <= 107))).toEqual([]);
    const b = emulator(30, 2);
    await feed(b, writes.join(''));
    const whole = { x: 0, y: 0, width: 30, height: 2 };
    expect(cells(b.frame(), whole)).toEqual(cells(a.frame(), whole, () => DEFAULT_COLOR));
  });
});
