import { describe, expect, it } from 'vitest';
import type { InputEvent } from '../../src/core/keys/input-event.js';
import { InputParser } from '../../src/core/keys/input-parser.js';

/** Everything `chunks` decode to, flushing at the end as the caller's timeout would. */
function decode(...chunks: string[]): InputEvent[] {
  const parser = new InputParser();
  const events = chunks.flatMap((chunk) => parser.feed(chunk));
  return [...events, ...parser.flush()];
}

function keys(...chunks: string[]): string[] {
  return decode(...chunks).map((event) => (event.kind === 'key' ? event.key : `<${event.kind}>`));
}

describe('InputParser: characters and control bytes', () => {
  it('yields one key per character, keeping the raw bytes', () => {
    expect(decode('ab?')).toEqual([
      { kind: 'key', key: 'a', raw: 'a' },
      { kind: 'key', key: 'b', raw: 'b' },
      { kind: 'key', key: '?', raw: '?' },
    ]);
  });

  it('keeps surrogate pairs and non-ASCII characters whole', () => {
    expect(keys('日é😀A')).toEqual(['日', 'é', '😀', 'A']);
  });

  it('holds a high surrogate cut off at the end of a chunk', () => {
    const parser = new InputParser();
    expect(parser.feed('x\ud83d')).toEqual([{ kind: 'key', key: 'x', raw: 'x' }]);
    expect(parser.hasPending()).toBe(true);
    expect(parser.feed('\ude00')).toEqual([{ kind: 'key', key: '😀', raw: '😀' }]);
    expect(parser.hasPending()).toBe(false);
  });

  it('names a lone surrogate Unknown rather than inventing a character', () => {
    expect(keys('\ud83dx')).toEqual(['Unknown', 'x']);
    expect(keys('\ude00')).toEqual(['Unknown']);
    expect(keys('\ud83d')).toEqual(['Unknown']);
  });

  it.each([
    ['\r', 'Enter'], ['\t', 'Tab'], ['\x7f', 'BSpace'], ['\x08', 'C-h'], ['\x00', 'C-Space'], [' ', 'Space'],
    ['\x01', 'C-a'], ['\x02', 'C-b'], ['\x0a', 'C-j'], ['\x1a', 'C-z'],
    ['\x1c', 'C-\\'], ['\x1d', 'C-]'], ['\x1e', 'C-^'], ['\x1f', 'C-_'],
  ])('%j is %s', (input, key) => {
    expect(decode(input)).toEqual([{ kind: 'key', key, raw: input }]);
  });

  it('names every byte from 0x01 to 0x1a', () => {
    const names = keys(Array.from({ length: 26 }, (_, i) => String.fromCharCode(i + 1)).join(''));
    const expected = 'abcdefghijklmnopqrstuvwxyz'.split('').map((letter) => `C-${letter}`);
    expected[8] = 'Tab';
    expected[12] = 'Enter';
    expect(names).toEqual(expected);
  });
});

describe('InputParser: Escape and Alt', () => {
  it('holds a lone ESC until flushed, then calls it Escape', () => {
    const parser = new InputParser();
    expect(parser.feed('\x1b')).toEqual([]);
    expect(parser.hasPending()).toBe(true);
    expect(parser.flush()).toEqual([{ kind: 'key', key: 'Escape', raw: '\x1b' }]);
    expect(parser.hasPending()).toBe(false);
    expect(parser.flush()).toEqual([]);
  });

  it.each([
    ['\x1bx', 'M-x'], ['\x1bX', 'M-X'], ['\x1b\r', 'M-Enter'], ['\x1b\x01', 'C-M-a'], ['\x1b\x7f', 'M-BSpace'],
    ['\x1b ', 'M-Space'], ['\x1b\t', 'M-Tab'], ['\x1b\x00', 'C-M-Space'], ['\x1b日', 'M-日'], ['\x1b😀', 'M-😀'],
    ['\x1b\x1b', 'M-Escape'], ['\x1b\x1b[A', 'M-Up'], ['\x1b\x1bOB', 'M-Down'], ['\x1b\x1b[1;5C', 'C-M-Right'],
  ])('%j is %s', (input, key) => {
    expect(decode(input)).toEqual([{ kind: 'key', key, raw: input }]);
  });

  it('joins an ESC with the character of the next chunk', () => {
    expect(keys('\x1b', 'x')).toEqual(['M-x']);
    expect(keys('\x1b', '[', 'A')).toEqual(['Up']);
  });

  it('decodes what could have begun a sequence as typed keys when flushed', () => {
    expect(keys('\x1b[')).toEqual(['M-[']);
    expect(keys('\x1bO')).toEqual(['M-O']);
    expect(keys('\x1bP')).toEqual(['M-P']);
    expect(keys('\x1b]')).toEqual(['M-]']);
    expect(keys('\x1b[1;')).toEqual(['M-[', '1', ';']);
    expect(keys('\x1b]52;c')).toEqual(['M-]', '5', '2', ';', 'c']);
    expect(keys('\x1b\x1b[')).toEqual(['Escape', 'M-[']);
  });

  it('leaves ESC alone before something that is not a character', () => {
    expect(keys('\x1b\u0085')).toEqual(['Escape', 'Unknown']);
    expect(keys('\x1b\ude00')).toEqual(['Escape', 'Unknown']);
    expect(keys('\x1b\ud83dx')).toEqual(['Escape', 'Unknown', 'x']);
    expect(keys('\x1b\ud83d')).toEqual(['Escape', 'Unknown']);
  });

  it('does not stack Alt twice: ESC ESC x is Escape then M-x', () => {
    expect(keys('\x1b\x1bx')).toEqual(['Escape', 'M-x']);
  });

  it('does not mistake ESC before a report or paste for Alt', () => {
    expect(keys('\x1b\x1b[I')).toEqual(['Escape', '<focus>']);
    expect(keys('\x1b\x1b[200~hi\x1b[201~')).toEqual(['Escape', '<paste>']);
  });

  it('ends a CSI that a control byte interrupts, keeping the byte', () => {
    expect(keys('\x1b[\r')).toEqual(['M-[', 'Enter']);
    expect(decode('\x1b[12\rx')).toEqual([
      { kind: 'key', key: 'Unknown', raw: '\x1b[12' },
      { kind: 'key', key: 'Enter', raw: '\r' },
      { kind: 'key', key: 'x', raw: 'x' },
    ]);
  });

  it('cuts off a runaway CSI instead of holding input forever', () => {
    const parser = new InputParser();
    const events = parser.feed(`\x1b[${'1'.repeat(200)}`);
    expect(events[0]).toMatchObject({ kind: 'key', key: 'Unknown' });
    expect(events.slice(1).every((event) => event.kind === 'key' && event.key === '1')).toBe(true);
    expect(parser.hasPending()).toBe(false);
  });
});

describe('InputParser: cursor, editing and function keys', () => {
  it.each([
    ['\x1b[A', 'Up'], ['\x1b[B', 'Down'], ['\x1b[C', 'Right'], ['\x1b[D', 'Left'], ['\x1b[H', 'Home'], ['\x1b[F', 'End'],
    ['\x1bOA', 'Up'], ['\x1bOB', 'Down'], ['\x1bOC', 'Right'], ['\x1bOD', 'Left'], ['\x1bOH', 'Home'], ['\x1bOF', 'End'],
    ['\x1b[1~', 'Home'], ['\x1b[7~', 'Home'], ['\x1b[4~', 'End'], ['\x1b[8~', 'End'],
    ['\x1b[2~', 'IC'], ['\x1b[3~', 'DC'], ['\x1b[5~', 'PPage'], ['\x1b[6~', 'NPage'], ['\x1b[Z', 'BTab'],
    ['\x1bOP', 'F1'], ['\x1bOQ', 'F2'], ['\x1bOR', 'F3'], ['\x1bOS', 'F4'],
    ['\x1b[11~', 'F1'], ['\x1b[12~', 'F2'], ['\x1b[13~', 'F3'], ['\x1b[14~', 'F4'],
    ['\x1b[15~', 'F5'], ['\x1b[17~', 'F6'], ['\x1b[18~', 'F7'], ['\x1b[19~', 'F8'],
    ['\x1b[20~', 'F9'], ['\x1b[21~', 'F10'], ['\x1b[23~', 'F11'], ['\x1b[24~', 'F12'],
    ['\x1b[[A', 'F1'], ['\x1b[[E', 'F5'],
  ])('%j is %s', (input, key) => {
    expect(decode(input)).toEqual([{ kind: 'key', key, raw: input }]);
  });

  it.each([
    ['\x1b[1;2A', 'S-Up'], ['\x1b[1;3A', 'M-Up'], ['\x1b[1;4A', 'M-S-Up'], ['\x1b[1;5A', 'C-Up'],
    ['\x1b[1;6A', 'C-S-Up'], ['\x1b[1;7A', 'C-M-Up'], ['\x1b[1;8A', 'C-M-S-Up'], ['\x1b[1;9A', 'M-Up'],
    ['\x1b[1;5D', 'C-Left'], ['\x1b[1;2H', 'S-Home'], ['\x1b[3;5~', 'C-DC'], ['\x1b[5;3~', 'M-PPage'],
    ['\x1b[15;2~', 'S-F5'], ['\x1b[1;5P', 'C-F1'], ['\x1bO5A', 'C-Up'], ['\x1b[1;2Z', 'BTab'],
  ])('modifier parameter: %j is %s', (input, key) => {
    expect(decode(input)).toEqual([{ kind: 'key', key, raw: input }]);
  });

  it.each([
    ['\x1b[97;5u', 'C-a'], ['\x1b[97;3u', 'M-a'], ['\x1b[13;3u', 'M-Enter'], ['\x1b[27u', 'Escape'],
    ['\x1b[97:65;2u', 'A'], ['\x1b[27;5;97~', 'C-a'], ['\x1b[27;3;13~', 'M-Enter'],
  ])('CSI u and modifyOtherKeys: %j is %s', (input, key) => {
    expect(decode(input)).toEqual([{ kind: 'key', key, raw: input }]);
  });

  it.each([['\x1bOM', 'Enter'], ['\x1bOj', '*'], ['\x1bOp', '0'], ['\x1bOy', '9'], ['\x1bOX', '=']])(
    'application keypad: %j is %s',
    (input, key) => {
      expect(decode(input)).toEqual([{ kind: 'key', key, raw: input }]);
    },
  );

  it.each(['\x1b[99~', '\x1b[E', '\x1b[57399u', '\x1bOz', '\x1b[1;5E', '\x1b[[Z'])('%j is Unknown, raw kept', (input) => {
    expect(decode(input)).toEqual([{ kind: 'key', key: 'Unknown', raw: input }]);
  });

  it('decodes a sequence split at every possible point', () => {
    const input = 'a\x1b[1;5Ab\x1bOPc\x1b[3;5~\x1b[<0;3;4M日';
    const whole = decode(input);
    for (let cut = 1; cut < input.length; cut++) {
      expect(decode(input.slice(0, cut), input.slice(cut)), `cut at ${cut}`).toEqual(whole);
    }
    expect(decode(...input.split(''))).toEqual(whole);
  });
});

describe('InputParser: mouse', () => {
  const mouse = (input: string) => {
    const events = decode(input);
    expect(events).toHaveLength(1);
    const [event] = events;
    if (event?.kind !== 'mouse') throw new Error(`not a mouse event: ${JSON.stringify(event)}`);
    expect(event.raw).toBe(input);
    return event.mouse;
  };
  const plain = { shift: false, meta: false, ctrl: false };

  it('decodes SGR press, release, motion and wheel with 0-based cells', () => {
    expect(mouse('\x1b[<0;10;5M')).toEqual({ action: 'press', button: 0, x: 9, y: 4, ...plain });
    expect(mouse('\x1b[<2;1;1M')).toEqual({ action: 'press', button: 2, x: 0, y: 0, ...plain });
    expect(mouse('\x1b[<1;300;200m')).toEqual({ action: 'release', button: 1, x: 299, y: 199, ...plain });
    expect(mouse('\x1b[<32;4;4M')).toEqual({ action: 'move', button: 0, x: 3, y: 3, ...plain });
    expect(mouse('\x1b[<35;4;4M')).toEqual({ action: 'move', button: -1, x: 3, y: 3, ...plain });
    expect(mouse('\x1b[<64;2;3M')).toEqual({ action: 'wheel-up', button: -1, x: 1, y: 2, ...plain });
    expect(mouse('\x1b[<65;2;3M')).toEqual({ action: 'wheel-down', button: -1, x: 1, y: 2, ...plain });
  });

  it('decodes modifier bits', () => {
    expect(mouse('\x1b[<4;1;1M')).toMatchObject({ shift: true, meta: false, ctrl: false });
    expect(mouse('\x1b[<8;1;1M')).toMatchObject({ shift: false, meta: true, ctrl: false });
    expect(mouse('\x1b[<16;1;1M')).toMatchObject({ shift: false, meta: false, ctrl: true });
    expect(mouse('\x1b[<80;1;1M')).toMatchObject({ action: 'wheel-up', ctrl: true });
  });

  it('decodes X10/normal reports, whose release does not say which button', () => {
    const x10 = (b: number, x: number, y: number) => `\x1b[M${String.fromCharCode(b + 32, x + 33, y + 33)}`;
    expect(mouse(x10(0, 9, 4))).toEqual({ action: 'press', button: 0, x: 9, y: 4, ...plain });
    expect(mouse(x10(3, 9, 4))).toEqual({ action: 'release', button: -1, x: 9, y: 4, ...plain });
    expect(mouse(x10(64, 0, 0))).toEqual({ action: 'wheel-up', button: -1, x: 0, y: 0, ...plain });
    expect(mouse(x10(32 + 2, 100, 50))).toEqual({ action: 'move', button: 2, x: 100, y: 50, ...plain });
    expect(mouse(x10(16 + 1, 0, 0))).toEqual({ action: 'press', button: 1, x: 0, y: 0, ...plain, ctrl: true });
  });

  it('decodes X10 coordinate bytes that look like escape sequence bytes', () => {
    expect(mouse('\x1b[M [\x1b')).toMatchObject({ action: 'press', button: 0, x: 58, y: 0 });
  });

  it('decodes urxvt (1015) reports', () => {
    expect(mouse('\x1b[32;10;5M')).toEqual({ action: 'press', button: 0, x: 9, y: 4, ...plain });
    expect(mouse('\x1b[35;10;5M')).toEqual({ action: 'release', button: -1, x: 9, y: 4, ...plain });
  });

  it('drops horizontal wheel and extra buttons as replies, never as keys', () => {
    expect(decode('\x1b[<66;1;1M')).toEqual([{ kind: 'reply', raw: '\x1b[<66;1;1M' }]);
    expect(decode('\x1b[<128;1;1M')).toEqual([{ kind: 'reply', raw: '\x1b[<128;1;1M' }]);
    expect(decode('\x1b[<0;1M')).toEqual([{ kind: 'reply', raw: '\x1b[<0;1M' }]);
  });
});

describe('InputParser: focus and replies', () => {
  it('decodes focus in and out', () => {
    expect(decode('\x1b[I\x1b[O')).toEqual([
      { kind: 'focus', focused: true, raw: '\x1b[I' },
      { kind: 'focus', focused: false, raw: '\x1b[O' },
    ]);
  });

  it.each([
    ['cursor position', '\x1b[24;80R'], ['cursor position at 1;2', '\x1b[1;2R'], ['primary DA', '\x1b[?62;22c'],
    ['secondary DA', '\x1b[>41;390;0c'], ['DECRPM', '\x1b[?2004;1$y'], ['status', '\x1b[0n'], ['window size', '\x1b[8;24;80t'],
    ['kitty flags', '\x1b[?1u'], ['OSC with BEL', '\x1b]11;rgb:0000/0000/0000\x07'], ['OSC with ST', '\x1b]10;rgb:ffff/ffff/ffff\x1b\\'],
    ['DCS', '\x1bP1+r544e=787465726d\x1b\\'], ['APC', '\x1b_Gi=1;OK\x1b\\'], ['stray paste end', '\x1b[201~'],
  ])('%s is a reply', (_, input) => {
    expect(decode(input)).toEqual([{ kind: 'reply', raw: input }]);
  });

  it('waits for a reply split across chunks', () => {
    const parser = new InputParser();
    expect(parser.feed('\x1b]11;rgb:00')).toEqual([]);
    expect(parser.feed('00/0000/0000\x1b')).toEqual([]);
    expect(parser.feed('\\x')).toEqual([
      { kind: 'reply', raw: '\x1b]11;rgb:0000/0000/0000\x1b\\' },
      { kind: 'key', key: 'x', raw: 'x' },
    ]);
  });

  it('ends a string at the next ESC when its terminator was lost', () => {
    expect(decode('\x1b]11;rgb\x1b[A')).toEqual([
      { kind: 'reply', raw: '\x1b]11;rgb' },
      { kind: 'key', key: 'Up', raw: '\x1b[A' },
    ]);
  });
});

describe('InputParser: bracketed paste', () => {
  it('delivers the text between the markers as one event', () => {
    expect(decode('a\x1b[200~hello\r\nworld\x1b[201~b')).toEqual([
      { kind: 'key', key: 'a', raw: 'a' },
      { kind: 'paste', text: 'hello\r\nworld', raw: '\x1b[200~hello\r\nworld\x1b[201~' },
      { kind: 'key', key: 'b', raw: 'b' },
    ]);
  });

  it('treats escape sequences inside a paste as text', () => {
    expect(decode('\x1b[200~\x1b[A\x1b\x03\x1b[201~')).toEqual([
      { kind: 'paste', text: '\x1b[A\x1b\x03', raw: '\x1b[200~\x1b[A\x1b\x03\x1b[201~' },
    ]);
  });

  it('collects a paste across many chunks, with markers split anywhere', () => {
    const input = 'x\x1b[200~one two\x1b[20 three\x1b[201~y';
    for (let cut = 1; cut < input.length; cut++) {
      for (const second of [cut + 1, cut + 3, input.length - 1]) {
        if (second <= cut || second >= input.length) continue;
        expect(
          keys(input.slice(0, cut), input.slice(cut, second), input.slice(second)),
          `cuts at ${cut} and ${second}`,
        ).toEqual(['x', '<paste>', 'y']);
      }
    }
    expect(decode(...input.split('')).find((event) => event.kind === 'paste')).toMatchObject({ text: 'one two\x1b[20 three' });
  });

  it('keeps a paste open through flush, and says so', () => {
    const parser = new InputParser();
    expect(parser.feed('\x1b[200~part one')).toEqual([]);
    expect(parser.hasPending()).toBe(true);
    expect(parser.flush()).toEqual([]);
    expect(parser.feed(', part two\x1b[201~')).toEqual([
      { kind: 'paste', text: 'part one, part two', raw: '\x1b[200~part one, part two\x1b[201~' },
    ]);
    expect(parser.hasPending()).toBe(false);
  });

  it('collects a large paste delivered in a thousand chunks', () => {
    const parser = new InputParser();
    const body = 'line of pasted text\n'.repeat(10_000);
    const events = [parser.feed('\x1b[200~')];
    for (let at = 0; at < body.length; at += 200) events.push(parser.feed(body.slice(at, at + 200)));
    events.push(parser.feed('\x1b[201~'));
    expect(events.flat()).toEqual([{ kind: 'paste', text: body, raw: `\x1b[200~${body}\x1b[201~` }]);
  });
});

describe('InputParser: volume', () => {
  it('decodes a megabyte of text into one key per character', () => {
    const text = 'abcdefghij'.repeat(100_000);
    const events = new InputParser().feed(text);
    expect(events).toHaveLength(text.length);
    expect(events[999_999]).toEqual({ kind: 'key', key: 'j', raw: 'j' });
  });
});
