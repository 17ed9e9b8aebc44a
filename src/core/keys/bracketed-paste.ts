/**
 * Collects the text of the outer terminal's bracketed paste, however many chunks it arrives in.
 *
 * Between ESC[200~ and ESC[201~ nothing is a key: the pasted text may itself hold escape sequences, and
 * they are text. So the collector only looks for the end marker, with indexOf over each chunk (linear in
 * the paste, whatever its size), keeping back at most five characters that might be the start of a
 * marker split across chunks.
 */
import { PASTE_END } from './csi-keys.js';

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
