/**
 * Column widths for the views: plain ASCII takes a shortcut past string-width, so check the shortcut
 * agrees with it, and that everything else still gets string-width's answer.
 */
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { columns, fit, NARROW_SYMBOLS } from '../../src/client/views/text-width.js';
import { marks, STATUS_SYMBOL } from '../../src/core/session/display.js';
import type { SessionInfo } from '../../src/core/session/session.js';

describe('columns', () => {
  it.each([
    ['', 0],
    ['api  claude  working', 20],
    ['~!@#$%^&*()_+{}|:"<>? `-=[]\\;\',./', 33],
    ['界面', 4],
    ['● api', 5],
    ['👍 ok', 5],
    ['e\u0301', 1],
    ['\x1b[31mred\x1b[0m', 3],
    ['tab\there', stringWidth('tab\there')],
  ])('%j is %i columns, as string-width says', (text, width) => {
    expect(columns(text)).toBe(width);
    expect(columns(text)).toBe(stringWidth(text));
  });
});

describe('the symbols grove draws', () => {
  it.each([...NARROW_SYMBOLS])('%s is one column, as string-width says, so text made of them skips it', (symbol) => {
    expect(stringWidth(symbol)).toBe(1);
    expect(columns(`a ${symbol} b`)).toBe(stringWidth(`a ${symbol} b`));
  });
});

describe('fit', () => {
  it('cuts wide text on a character boundary and pads to the exact width', () => {
    expect(fit('界面界面', 5)).toBe('界面…');
    expect(columns(fit('界面界面', 5))).toBe(5);
    expect(fit('abc', 5)).toBe('abc  ');
    expect(fit('abcdef', 4)).toBe('abc…');
  });
});

describe('the marks a session row draws', () => {
  it('are all one column, so no row shifts (the dead mark once measured two)', () => {
    const drawn = [...Object.values(STATUS_SYMBOL), ...marks({ turnCommitFailure: 'x', changes: { overlaps: ['a'], conflicts: ['b'] } } as unknown as SessionInfo, true)].join('');
    for (const symbol of drawn) expect(NARROW_SYMBOLS + '!', symbol).toContain(symbol);
  });
});
