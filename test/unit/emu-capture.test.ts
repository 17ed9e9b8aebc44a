/**
 * Capturing a pane as text, like `tmux capture-pane -p [-e] [-S -]`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PaneEmulator } from '../../src/emu/pane-emulator.js';

const live: PaneEmulator[] = [];
afterEach(() => {
  while (live.length) live.pop()!.dispose();
});

async function pane(output: string, cols = 20, rows = 4): Promise<PaneEmulator> {
  const emu = new PaneEmulator({ cols, rows, scrollback: 100, onReply: () => {} });
  live.push(emu);
  await new Promise<void>((resolve) => emu.write(output, resolve));
  return emu;
}

describe('plain capture', () => {
  it('prints each row with trailing blanks cut and the empty rows at the end left out', async () => {
    const emu = await pane('$ ls   \r\na  b\r\n$ ');
    expect(emu.capture({ ansi: false, scrollback: false })).toBe('$ ls\na  b\n$\n');
  });

  it('keeps empty rows between text, and wide characters once', async () => {
    const emu = await pane('中文 ok\r\n\r\n😀 end');
    expect(emu.capture({ ansi: false, scrollback: false })).toBe('中文 ok\n\n😀 end\n');
  });

  it('keeps a wrapped line as two rows, as tmux does without -J', async () => {
    const emu = await pane('abcdefgh', 5, 3);
    expect(emu.capture({ ansi: false, scrollback: false })).toBe('abcde\nfgh\n');
  });

  it('drops colours, and cuts trailing spaces even when they have a background', async () => {
    const emu = await pane('\x1b[31mred\x1b[44m   \x1b[m');
    expect(emu.capture({ ansi: false, scrollback: false })).toBe('red\n');
  });

  it('prints nothing for an empty screen', async () => {
    expect((await pane('')).capture({ ansi: false, scrollback: false })).toBe('');
  });
});

describe('scrollback', () => {
  const lines = Array.from({ length: 10 }, (_, i) => `line ${i}`).join('\r\n');

  it('gives only the screen by default', async () => {
    const emu = await pane(lines, 20, 3);
    expect(emu.capture({ ansi: false, scrollback: false })).toBe('line 7\nline 8\nline 9\n');
  });

  it('gives the lines scrolled off the top too when asked', async () => {
    const emu = await pane(lines, 20, 3);
    expect(emu.capture({ ansi: false, scrollback: true })).toBe(Array.from({ length: 10 }, (_, i) => `line ${i}\n`).join(''));
  });
});

describe('capture with colours', () => {
  it('writes each style as a full SGR and resets at the end of a styled line', async () => {
    const emu = await pane('a\x1b[1;31mb\x1b[38;2;1;2;3;48;5;200mc\x1b[md\r\nplain');
    expect(emu.capture({ ansi: true, scrollback: false })).toBe(
      'a\x1b[0;1;31mb\x1b[0;1;38;2;1;2;3;48;5;200mc\x1b[0md\nplain\n',
    );
  });

  it('keeps trailing spaces that a background makes visible', async () => {
    const emu = await pane('x\x1b[44m  \x1b[m   ');
    expect(emu.capture({ ansi: true, scrollback: false })).toBe('x\x1b[0;44m  \x1b[0m\n');
  });

  it('reproduces the screen when written to another terminal', async () => {
    const source = await pane('\x1b[3;92mgreen\x1b[m \x1b[7minv\x1b[m\r\n\x1b[9;38;5;99mstrike\x1b[m 中');
    const copy = await pane(source.capture({ ansi: true, scrollback: false }).replace(/\n/g, '\r\n'));
    expect(copy.frame().lines).toEqual(source.frame().lines);
  });
});
