import { describe, expect, it } from 'vitest';
import { bytesForPane, encodeKey } from '../../src/core/keys/key-encoder.js';
import { InputParser } from '../../src/core/keys/input-parser.js';
import { composeKey, NAMED_KEYS } from '../../src/core/keys/keyspec.js';

const normal = { applicationCursor: false };
const application = { applicationCursor: true };

describe('encodeKey', () => {
  it.each([
    ['a', 'a'], ['A', 'A'], ['日', '日'], ['Space', ' '], ['Enter', '\r'], ['Tab', '\t'], ['BTab', '\x1b[Z'],
    ['Escape', '\x1b'], ['BSpace', '\x7f'], ['C-b', '\x02'], ['C-a', '\x01'], ['C-z', '\x1a'], ['C-h', '\x08'],
    ['C-Space', '\x00'], ['C-\\', '\x1c'], ['C-]', '\x1d'], ['C-^', '\x1e'], ['C-_', '\x1f'],
    ['M-x', '\x1bx'], ['M-X', '\x1bX'], ['C-M-a', '\x1b\x01'], ['M-Enter', '\x1b\r'], ['M-BSpace', '\x1b\x7f'],
    ['Up', '\x1b[A'], ['Down', '\x1b[B'], ['Right', '\x1b[C'], ['Left', '\x1b[D'], ['Home', '\x1b[H'], ['End', '\x1b[F'],
    ['C-Up', '\x1b[1;5A'], ['S-Left', '\x1b[1;2D'], ['M-Up', '\x1b[1;3A'], ['C-M-S-End', '\x1b[1;8F'],
    ['IC', '\x1b[2~'], ['DC', '\x1b[3~'], ['PPage', '\x1b[5~'], ['NPage', '\x1b[6~'], ['C-DC', '\x1b[3;5~'],
    ['F1', '\x1bOP'], ['F4', '\x1bOS'], ['S-F1', '\x1b[1;2P'], ['F5', '\x1b[15~'], ['F6', '\x1b[17~'],
    ['F10', '\x1b[21~'], ['F11', '\x1b[23~'], ['F12', '\x1b[24~'], ['C-F12', '\x1b[24;5~'],
  ])('%s → %j', (key, bytes) => {
    expect(encodeKey(key, normal)).toBe(bytes);
  });

  it('sends unmodified cursor keys as SS3 in application cursor mode, and nothing else', () => {
    expect(encodeKey('Up', application)).toBe('\x1bOA');
    expect(encodeKey('Left', application)).toBe('\x1bOD');
    expect(encodeKey('Home', application)).toBe('\x1bOH');
    expect(encodeKey('End', application)).toBe('\x1bOF');
    expect(encodeKey('C-Up', application)).toBe('\x1b[1;5A');
    expect(encodeKey('PPage', application)).toBe('\x1b[5~');
    expect(encodeKey('a', application)).toBe('a');
  });

  it.each(['C-Enter', 'S-Space', 'C-1', 'C-Tab', 'C-BSpace', 'S-Enter', 'Unknown', 'C-é'])('%s has no legacy encoding', (key) => {
    expect(encodeKey(key, normal)).toBeUndefined();
  });

  it('produces bytes the input parser decodes back to the same key, for every key it can encode', () => {
    const bases = [...NAMED_KEYS, 'a', 'z', 'Q', '?', '\\', ']', '^', '_', '日', '😀'];
    let encoded = 0;
    for (const base of bases) {
      for (let mask = 0; mask < 8; mask++) {
        const key = composeKey({ ctrl: (mask & 1) !== 0, meta: (mask & 2) !== 0, shift: (mask & 4) !== 0 }, base);
        for (const modes of [normal, application]) {
          const bytes = encodeKey(key, modes);
          // Shift+F3 is ESC[1;2R, which is also a cursor position report; the parser reads it as the report.
          if (bytes === undefined || /^\x1b\[1;\d+R$/.test(bytes)) continue;
          const parser = new InputParser();
          const events = [...parser.feed(bytes), ...parser.flush()];
          expect(events, `${key} as ${JSON.stringify(bytes)}`).toEqual([{ kind: 'key', key, raw: bytes }]);
          encoded++;
        }
      }
    }
    expect(encoded).toBeGreaterThan(300);
  });
});

describe('bytesForPane', () => {
  it('passes typed bytes through exactly', () => {
    expect(bytesForPane({ kind: 'key', key: 'C-Up', raw: '\x1b[1;5A' }, application)).toBe('\x1b[1;5A');
    expect(bytesForPane({ kind: 'key', key: 'M-x', raw: '\x1bx' }, normal)).toBe('\x1bx');
    expect(bytesForPane({ kind: 'key', key: 'Unknown', raw: '\x1b[99~' }, normal)).toBe('\x1b[99~');
    expect(bytesForPane({ kind: 'key', key: 'C-a', raw: '\x1b[97;5u' }, normal)).toBe('\x1b[97;5u');
    expect(bytesForPane({ kind: 'key', key: 'PPage', raw: '\x1b[5~' }, application)).toBe('\x1b[5~');
  });

  it("re-encodes unmodified cursor keys for the pane's own cursor mode", () => {
    expect(bytesForPane({ kind: 'key', key: 'Up', raw: '\x1bOA' }, normal)).toBe('\x1b[A');
    expect(bytesForPane({ kind: 'key', key: 'Up', raw: '\x1b[A' }, application)).toBe('\x1bOA');
    expect(bytesForPane({ kind: 'key', key: 'Home', raw: '\x1b[1~' }, application)).toBe('\x1bOH');
    expect(bytesForPane({ kind: 'key', key: 'End', raw: '\x1b[4~' }, normal)).toBe('\x1b[F');
    expect(bytesForPane({ kind: 'key', key: 'Right', raw: '\x1b[C' }, normal)).toBe('\x1b[C');
  });
});
