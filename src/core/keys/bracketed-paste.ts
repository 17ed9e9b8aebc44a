/**
 * Collects the text of the outer terminal's bracketed paste, however many chunks it arrives in.
 *
 * Between ESC[200~ and ESC[201~ nothing is a key: the pasted text may itself hold escape sequences, and
 * they are text. So the collector only looks for the end marker, with indexOf over each chunk (linear in
 * the paste, whatever its size), keeping back at most five characters that might be the start of a
 * marker split across chunks.
 */
import { PASTE_END, PASTE_START } from './csi-keys.js';

/**
 * Text for a program that asked for bracketed paste (DECSET 2004), between its markers. An end marker in
 * the text would end the paste early and the program would run the rest as typed keys, so every one is
 * removed, to a fixed point: removing `ESC[201~` from `ESC[20ESC[201~1~` must not leave a live marker.
 */
export function bracketedPaste(text: string): string {
  return PASTE_START + withoutPasteEnd(text) + PASTE_END;
}

/** `text` with no end marker left in it, in one pass: a marker that a removal completes is removed too. */
function withoutPasteEnd(text: string): string {
  if (!text.includes(PASTE_END)) return text;
  const kept: string[] = [];
  const last = PASTE_END.length;
  for (const char of text) {
    kept.push(char);
    if (kept.length >= last && char === '~' && kept.slice(-last).join('') === PASTE_END) kept.length -= last;
  }
  return kept.join('');
}

export class PasteCollector {
  private readonly parts: string[] = [];
  private tail = '';

  /** Characters held back from the last chunk; the caller puts them in front of the next one. */
  takeTail(): string {
    const tail = this.tail;
    this.tail = '';
    return tail;
  }

  /**
   * Takes `input` from `from` on. Returns the index just past the end marker, or -1 when the input ran out
   * first and the paste goes on.
   */
  consume(input: string, from: number): number {
    const end = input.indexOf(PASTE_END, from);
    if (end >= 0) {
      this.parts.push(input.slice(from, end));
      return end + PASTE_END.length;
    }
    const keep = partialMarkerLength(input, from);
    this.parts.push(input.slice(from, input.length - keep));
    this.tail = input.slice(input.length - keep);
    return -1;
  }

  get text(): string {
    return this.parts.join('');
  }
}

/** How many characters at the end of `input` (past `from`) could begin the end marker. */
function partialMarkerLength(input: string, from: number): number {
  for (let length = Math.min(PASTE_END.length - 1, input.length - from); length > 0; length--) {
    if (input.endsWith(PASTE_END.slice(0, length))) return length;
  }
  return 0;
}
