/**
 * Control strings a program leaves open are cut off at a bound (issue 16.3): the filter between pty and
 * emulator passes short strings exactly, and past the bound sends CAN and drops the rest of the string.
 */
import { describe, expect, it } from 'vitest';
import { lineText } from '../../src/core/screen/frame.js';
import { PaneEmulator } from '../../src/emu/pane-emulator.js';
import { MAX_STRING_CHARS, StringSequenceLimit } from '../../src/emu/string-limit.js';

const ESC = '\x1b';
/** Every way of cutting `text` into two chunks, filtered by a fresh limit. */
const splits = (text: string, max: number): string[] =>
  Array.from({ length: text.length + 1 }, (_, i) => {
    const limit = new StringSequenceLimit(max);
    return limit.filter(text.slice(0, i)) + limit.filter(text.slice(i));
  });

describe('StringSequenceLimit', () => {
  it('passes text, CSI and strings within the bound exactly, however the chunks fall', () => {
    const text = `plain ${ESC}[1;31mred${ESC}[0m ${ESC}]2;title\x07 ${ESC}P1$qm${ESC}\\ ${ESC}_apc${ESC}\\ \x9d0;c1\x9c done${ESC}[K`;
    for (const out of splits(text, 16)) expect(out).toBe(text);
  });

  it('cuts a string at the bound with CAN and drops the rest up to its terminator', () => {
    const limit = new StringSequenceLimit(8);
    expect(limit.filter(`a${ESC}]2;0123456789`)).toBe(`a${ESC}]2;012345\x18`);
    expect(limit.filter('x'.repeat(1000))).toBe('');
    expect(limit.filter('tail\x07after')).toBe('after');
    expect(limit.filter(`${ESC}]0;ok\x07`)).toBe(`${ESC}]0;ok\x07`);
  });

  it('counts a string across chunks, and ESC split from its introducer', () => {
    const limit = new StringSequenceLimit(8);
    expect(limit.filter(`${ESC}`)).toBe(ESC);
    expect(limit.filter('P0123')).toBe('P0123');
    expect(limit.filter('4567')).toBe('4567');
    expect(limit.filter(`89${ESC}\\ok`)).toBe(`\x18${ESC}\\ok`);
  });

  it('treats ESC inside a string as its end and a new sequence’s start', () => {
    const limit = new StringSequenceLimit(6);
    expect(limit.filter(`${ESC}]2;ab${ESC}]2;0123456789\x07z`)).toBe(`${ESC}]2;ab${ESC}]2;0123\x18z`);
  });

  it('keeps a pane’s emulator from holding a program’s endless title, and the screen goes on after it', async () => {
    const emulator = new PaneEmulator({ cols: 40, rows: 5, onReply: () => undefined });
    const limit = new StringSequenceLimit();
    const written = (data: string) => new Promise<void>((done) => emulator.write(limit.filter(data), done));
    await written(`${ESC}]2;`);
    let passed = 0;
    for (let i = 0; i < 12; i++) {
      const out = limit.filter('t'.repeat(1024 * 1024));
      passed += out.length;
      await new Promise<void>((done) => emulator.write(out, done));
    }
    expect(passed).toBe(MAX_STRING_CHARS - 2 + 1); // what fits after "2;" (counted), then CAN
    await written(`\x07${ESC}]2;short\x07visible`);
    expect(emulator.title).toBe('short');
    expect(lineText(emulator.frame().lines[0]!)).toContain('visible');
    emulator.dispose();
  });
});
