/**
 * The C0 control bytes a keyboard produces, and the keys they stand for.
 *
 * Ctrl+letter sends the letter's code minus 0x60 (Ctrl+A is 0x01), so the terminal cannot say whether
 * Shift was down, and a few bytes double as keys of their own: 0x09 is Tab, 0x0d is Enter, 0x1b is
 * Escape, 0x7f is Backspace. 0x08 stays `C-h`: it is what Ctrl+H sends, and the few terminals that send it
 * for Backspace are better served by a binding than by guessing.
 */

const NAMED: Readonly<Record<number, string>> = {
  0x00: 'C-Space', 0x09: 'Tab', 0x0d: 'Enter', 0x1b: 'Escape',
  0x1c: 'C-\\', 0x1d: 'C-]', 0x1e: 'C-^', 0x1f: 'C-_', 0x7f: 'BSpace',
};

/** The key for a control byte (0x00–0x1f or 0x7f). */
export function controlKey(code: number): string {
  return NAMED[code] ?? `C-${String.fromCharCode(code + 0x60)}`;
}

const CODES: ReadonlyMap<string, number> = new Map([
  ...Object.entries(NAMED).map(([code, key]) => [key, Number(code)] as const),
  ...Array.from({ length: 26 }, (_, i) => [`C-${String.fromCharCode(0x61 + i)}`, i + 1] as const),
]);

/** The control byte for a key (without Alt), or undefined when the key is not one. */
export function controlByte(key: string): string | undefined {
  const code = CODES.get(key);
  return code === undefined ? undefined : String.fromCharCode(code);
}
