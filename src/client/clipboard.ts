/**
 * Where copied text goes: grove's paste buffer, which `prefix ]` types into the focused pane, and the
 * clipboard of the user's own terminal, through OSC 52.
 *
 * OSC 52 travels in the terminal's byte stream, so it reaches the clipboard of the machine the user
 * sits at even when grove runs over SSH; a terminal that does not know it ignores it. Text a program
 * in a pane set (when the server lets programs do that) goes the same way. Very large texts stay in the
 * paste buffer only: some terminals freeze on a huge OSC 52.
 */
import { pasteBytes } from '../core/copy-mode/paste.js';

const MAX_OSC52_BASE64 = 1024 * 1024;

export function osc52(text: string): string | undefined {
  const data = Buffer.from(text, 'utf8').toString('base64');
  return data.length > MAX_OSC52_BASE64 ? undefined : `\x1b]52;c;${data}\x07`;
}

export class Clipboard {
  private buffer: string | undefined;

  constructor(private readonly writeToTerminal: (sequence: string) => void) {}

  get hasText(): boolean {
    return this.buffer !== undefined;
  }

  /** Keeps the text for pasting and sends it to the terminal's clipboard; false if it was too large to send. */
  copy(text: string): boolean {
    this.buffer = text;
    const sequence = osc52(text);
    if (sequence) this.writeToTerminal(sequence);
    return sequence !== undefined;
  }

  /** What to write to a pane to paste the buffer; undefined when nothing was copied. */
  paste(bracketed: boolean): string | undefined {
    return this.buffer === undefined ? undefined : pasteBytes(this.buffer, bracketed);
  }
}
