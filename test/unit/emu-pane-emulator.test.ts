/**
 * The pane emulator, driven the way a program drives a terminal: escape sequences in, frames out.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PaneEmulator } from '../../src/emu/pane-emulator.js';
import { Attr, DEFAULT_COLOR, DEFAULT_MODES, PLAIN, lineText, rgb, type PaneFrame, type Style } from '../../src/core/screen/frame.js';

const live: PaneEmulator[] = [];
afterEach(() => {
  while (live.length) live.pop()!.dispose();
});

function emulator(cols = 20, rows = 4, replies: string[] = []): PaneEmulator {
  const emu = new PaneEmulator({ cols, rows, onReply: (data) => replies.push(data) });
  live.push(emu);
  return emu;
}

function feed(emu: PaneEmulator, data: string): Promise<void> {
  return new Promise((resolve) => emu.write(data, resolve));
}

async function frameOf(data: string, cols = 20, rows = 4): Promise<PaneFrame> {
  const emu = emulator(cols, rows);
  await feed(emu, data);
  return emu.frame();
}

/** Each column of a line as [cell, style], so tests can point at a column. */
function columns(frame: PaneFrame, y: number): [string, Style][] {
  return frame.lines[y]!.flatMap((run) => run.cells.map((cell): [string, Style] => [cell, run.style]));
}

const styleAt = (frame: PaneFrame, x: number, y = 0): Style => columns(frame, y)[x]![1];

describe('colours', () => {
  it.each([
    ['16 colours', '\x1b[31;42m', 1, 2],
    ['bright 16 colours', '\x1b[91;104m', 9, 12],
    ['256 colours', '\x1b[38;5;208;48;5;17m', 208, 17],
    ['truecolor', '\x1b[38;2;1;2;3;48;2;250;128;0m', rgb(1, 2, 3), rgb(250, 128, 0)],
  ])('%s', async (_name, sgr, fg, bg) => {
    const frame = await frameOf(`${sgr}X\x1b[mY`);
    expect(styleAt(frame, 0)).toEqual({ fg, bg, attrs: 0 });
    expect(styleAt(frame, 1)).toEqual(PLAIN);
  });

  it('leaves default colours as DEFAULT_COLOR', async () => {
    const frame = await frameOf('\x1b[31mX\x1b[39mY');
    expect(styleAt(frame, 1)).toEqual({ fg: DEFAULT_COLOR, bg: DEFAULT_COLOR, attrs: 0 });
  });
});

describe('attributes', () => {
  it.each([
    [1, Attr.BOLD], [2, Attr.DIM], [3, Attr.ITALIC], [4, Attr.UNDERLINE],
    [5, Attr.BLINK], [7, Attr.INVERSE], [8, Attr.INVISIBLE], [9, Attr.STRIKETHROUGH],
  ])('SGR %i', async (sgr, attr) => {
    const frame = await frameOf(`\x1b[${sgr}mX\x1b[mY`);
    expect(styleAt(frame, 0).attrs).toBe(attr);
    expect(styleAt(frame, 1).attrs).toBe(0);
  });

  it('combines attributes and merges cells of one style into one run', async () => {
    const frame = await frameOf('ab\x1b[1;3;31mcd\x1b[mef', 8, 1);
    expect(frame.lines[0]).toEqual([
      { style: PLAIN, cells: ['a', 'b'] },
      { style: { fg: 1, bg: DEFAULT_COLOR, attrs: Attr.BOLD | Attr.ITALIC }, cells: ['c', 'd'] },
      { style: PLAIN, cells: ['e', 'f', ' ', ' '] },
    ]);
  });
});

describe('wide characters', () => {
  it('gives CJK and emoji two columns, the second one empty', async () => {
    const frame = await frameOf('中a😀b\x1b[32m한', 10, 1);
    expect(columns(frame, 0).map(([cell]) => cell)).toEqual(['中', '', 'a', '😀', '', 'b', '한', '', ' ', ' ']);
    expect(styleAt(frame, 7).fg).toBe(2); // the second column carries the character's style
  });

  it('adds up to exactly cols on every line', async () => {
    const frame = await frameOf('漢字😀かな🎉x\r\nab中\r\n👍🏽', 9, 3);
    for (const line of frame.lines) expect(line.reduce((n, run) => n + run.cells.length, 0)).toBe(9);
  });

  it('wraps a wide character that does not fit in the last column', async () => {
    const frame = await frameOf('abcd中', 5, 2);
    expect(lineText(frame.lines[0]!)).toBe('abcd ');
    expect(columns(frame, 1).slice(0, 2).map(([cell]) => cell)).toEqual(['中', '']);
  });

  it('blanks the remaining half when a wide character is partly overwritten', async () => {
    const frame = await frameOf('中\x1b[1;2HX', 4, 1);
    expect(columns(frame, 0).map(([cell]) => cell)).toEqual([' ', 'X', ' ', ' ']);
  });
});

describe('cursor', () => {
  it('reports its position', async () => {
    expect((await frameOf('\x1b[3;5H')).cursor).toEqual({ x: 4, y: 2, visible: true });
  });

  it('stays in the last column while a wrap is pending', async () => {
    expect((await frameOf('abcde', 5, 2)).cursor).toMatchObject({ x: 4, y: 0 });
  });

  // A full reset (RIS, ESC c) does not show it again in xterm.js; `reset` and `tput reset` also send DECSTR.
  it('follows DECTCEM and a soft reset', async () => {
    const emu = emulator();
    await feed(emu, '\x1b[?25l');
    expect(emu.frame().cursor.visible).toBe(false);
    await feed(emu, '\x1b[?25h');
    expect(emu.frame().cursor.visible).toBe(true);
    await feed(emu, '\x1b[?25l\x1b[!p');
    expect(emu.frame().cursor.visible).toBe(true);
  });
});

describe('title and bell', () => {
  it('takes the title from OSC 0 and OSC 2 and announces it', async () => {
    const emu = emulator();
    const titles: string[] = [];
    emu.onTitleChange((title) => titles.push(title));
    await feed(emu, '\x1b]0;first\x07');
    expect(emu.title).toBe('first');
    await feed(emu, '\x1b]2;second\x1b\\');
    expect(emu.frame().title).toBe('second');
    expect(titles).toEqual(['first', 'second']);
  });

  it('rings once per BEL until the listener is disposed', async () => {
    const emu = emulator();
    let rings = 0;
    const listener = emu.onBell(() => rings++);
    await feed(emu, 'a\x07b\x07');
    listener.dispose();
    await feed(emu, '\x07');
    expect(rings).toBe(2);
  });
});

describe('modes', () => {
  it('starts with the defaults', async () => {
    expect((await frameOf('')).modes).toEqual(DEFAULT_MODES);
  });

  it('follows the DECSET modes a program asks for', async () => {
    const frame = await frameOf('\x1b[?1h\x1b[?2004h\x1b[?1002h\x1b[?1006h');
    expect(frame.modes).toEqual({ applicationCursor: true, bracketedPaste: true, mouseTracking: 'drag', sgrMouse: true });
  });

  it.each([
    ['\x1b[?9h', 'x10'], ['\x1b[?1000h', 'vt200'], ['\x1b[?1003h', 'any'], ['\x1b[?1003h\x1b[?1003l', 'none'],
  ] as const)('%j → %s mouse tracking', async (sequence, tracking) => {
    expect((await frameOf(sequence)).modes.mouseTracking).toBe(tracking);
  });
});

describe('replies', () => {
  it('answers device attributes and cursor position reports through onReply', async () => {
    const replies: string[] = [];
    const emu = emulator(20, 4, replies);
    await feed(emu, '\x1b[c\x1b[2;3H\x1b[6n');
    expect(replies).toEqual(['\x1b[?1;2c', '\x1b[2;3R']);
  });
});

describe('typing', () => {
  it('sends the program nothing when told a key was typed (the server writes keys to the pty itself)', () => {
    const replies: string[] = [];
    const emu = emulator(20, 4, replies);
    emu.typed();
    expect(replies).toEqual([]);
  });

  it("parses the program's next output as it is written, so an echo is on screen without waiting a tick", () => {
    const emu = emulator();
    let parsed = false;
    emu.write('before', () => undefined);
    expect(emu.pendingBytes).toBe(6); // output that is not an echo waits its turn
    return feed(emu, '').then(() => {
      emu.typed();
      emu.write('x', () => (parsed = true));
      expect(parsed).toBe(true);
      expect(emu.pendingBytes).toBe(0);
      expect(lineText(emu.frame().lines[0]!).trimEnd()).toBe('beforex');
    });
  });

  it('keeps an echo behind output of its own pane still queued, in order', async () => {
    const emu = emulator();
    const order: string[] = [];
    emu.write('flood ', () => order.push('flood'));
    emu.typed();
    emu.write('x', () => order.push('echo'));
    expect(order).toEqual([]);
    await feed(emu, '');
    expect(order).toEqual(['flood', 'echo']);
    expect(lineText(emu.frame().lines[0]!).trimEnd()).toBe('flood x');
  });
});

describe('screen and size', () => {
  it('shows the bottom of the buffer once output scrolls', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\r\n');
    const frame = await frameOf(lines, 10, 3);
    expect(frame.lines.map((line) => lineText(line).trimEnd())).toEqual(['line 27', 'line 28', 'line 29']);
  });

  it('shows the alternate screen while a full-screen program runs', async () => {
    const emu = emulator(10, 2);
    await feed(emu, 'shell\x1b[?1049h\x1b[Hvim');
    expect(lineText(emu.frame().lines[0]!).trimEnd()).toBe('vim');
    await feed(emu, '\x1b[?1049l');
    expect(lineText(emu.frame().lines[0]!).trimEnd()).toBe('shell');
  });

  it('resizes to the new size, every line as wide as the new cols', async () => {
    const emu = emulator(10, 3);
    await feed(emu, 'hello');
    emu.resize(25, 6);
    const frame = emu.frame();
    expect([frame.cols, frame.rows, frame.lines.length]).toEqual([25, 6, 6]);
    for (const line of frame.lines) expect(line.reduce((n, run) => n + run.cells.length, 0)).toBe(25);
    expect(lineText(frame.lines[0]!).trimEnd()).toBe('hello');
  });
});

describe('flow control', () => {
  it('counts unparsed input and returns to 0 once parsed', async () => {
    const emu = emulator();
    const parsed = Promise.all([feed(emu, 'x'.repeat(100_000)), feed(emu, 'y'.repeat(50_000))]);
    expect(emu.pendingBytes).toBe(150_000);
    await parsed;
    expect(emu.pendingBytes).toBe(0);
  });

  it('ignores writes after dispose', () => {
    const emu = emulator();
    emu.dispose();
    expect(() => emu.write('late')).not.toThrow();
    expect(emu.pendingBytes).toBe(0);
  });
});
