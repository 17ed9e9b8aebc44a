/**
 * Where copied text goes: the server's paste buffer, which `prefix ]` types into the focused pane (from
 * any client, and after a detach), and the clipboard of the user's own terminal, through OSC 52.
 *
 * OSC 52 travels in the terminal's byte stream, so it reaches the clipboard of the machine the user
 * sits at even when grove runs over SSH; a terminal that does not know it ignores it. Text a program
 * in a pane set (when the server lets programs do that) goes the same way; the server has put it in
 * the paste buffer already. Very large texts stay in the paste buffer only: some terminals freeze on a
 * huge OSC 52. Whether there is anything to paste is known here at all times, from the server's pushes,
 * because `paste-buffer` must say at once whether it can run.
 */
import type { Subscription } from 'rxjs';
import type { Disposable } from '../core/disposable.js';
import { pasteBufferProblem, type PasteBufferPort } from '../core/copy-mode/paste-buffer.js';

const MAX_OSC52_BASE64 = 1024 * 1024;

function osc52(text: string): string | undefined {
  const data = Buffer.from(text, 'utf8').toString('base64');
  return data.length > MAX_OSC52_BASE64 ? undefined : `\x1b]52;c;${data}\x07`;
}

export class Clipboard implements Disposable {
  private length = 0;
  private readonly subscription: Subscription;

  /** `message` puts a line on the status line: what a copy did, or why a copy or paste failed. */
  constructor(
    private readonly writeToTerminal: (sequence: string) => void,
    private readonly buffer: PasteBufferPort,
    private readonly message: (text: string) => void,
  ) {
    this.subscription = buffer.length$.subscribe((length) => (this.length = length));
  }

  get hasText(): boolean {
    return this.length > 0;
  }

  /** Copy mode's copy: to the paste buffer and the terminal's clipboard, then says so. */
  copy(text: string): void {
    if (text === '') return this.message('nothing copied: the selection is blank');
    const problem = pasteBufferProblem(text);
    if (problem) return this.message(`nothing copied: ${problem}`);
    const sent = this.toTerminal(text);
    // Known at once, before the server's push confirms it: `prefix ]` may come right after the copy, and
    // the server handles the paste after the copy, in the order they were sent.
    this.length = text.length;
    this.buffer.set(text).catch((err: Error) => this.message(`could not copy: ${err.message}`));
    this.message(`copied ${text.length} characters${sent ? '' : ' (too many for the terminal\'s clipboard)'}`);
  }

  /** Sends text to the terminal's clipboard only; false if it was too large to send. */
  toTerminal(text: string): boolean {
    const sequence = osc52(text);
    if (sequence) this.writeToTerminal(sequence);
    return sequence !== undefined;
  }

  /** Types the paste buffer into the session's pane (the server knows whether to bracket it). */
  paste(session: string): void {
    this.buffer.paste(session).catch((err: Error) => this.message(err.message));
  }

  dispose(): void {
    this.subscription.unsubscribe();
  }
}
