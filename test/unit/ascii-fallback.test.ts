import { describe, expect, it } from 'vitest';
import { asciiGlyph, localeIsUtf8 } from '../../src/core/text/ascii-fallback.js';
import { NARROW_SYMBOLS } from '../../src/client/views/text-width.js';

describe('drawing for a terminal that is not UTF-8', () => {
  it('reads the locale as the C library does: LC_ALL, then LC_CTYPE, then LANG; none set is UTF-8', () => {
    expect(localeIsUtf8({ LANG: 'C' })).toBe(false);
    expect(localeIsUtf8({ LANG: 'en_US.UTF-8' })).toBe(true);
    expect(localeIsUtf8({ LANG: 'C.utf8' })).toBe(true);
    expect(localeIsUtf8({ LC_ALL: 'POSIX', LANG: 'en_US.UTF-8' })).toBe(false);
    expect(localeIsUtf8({ LC_CTYPE: 'C.UTF-8', LANG: 'C' })).toBe(true);
    expect(localeIsUtf8({})).toBe(true);
  });

  it('gives every glyph grove draws an ASCII stand-in, and anything else "_" per column', () => {
    for (const symbol of NARROW_SYMBOLS) expect(asciiGlyph(symbol, 1), symbol).toMatch(/^[\x21-\x5e\x60-\x7e]$/u);
    expect(asciiGlyph('a', 1)).toBe('a');
    expect(asciiGlyph('界', 2)).toBe('__');
    expect(asciiGlyph('é', 1)).toBe('_');
  });
});
