/**
 * The user's keyboard, byte-exact: stdin in raw mode, decoded into input events.
 *
 * grove reads stdin itself rather than through the screen library, because keys that are not grove's
 * must reach the pane exactly as typed. A lone ESC is ambiguous (the Escape key, or the start of a
 * sequence still in flight), so after ESC_WAIT_MS of silence whatever is pending is taken as typed.
 */
import { StringDecoder } from 'node:string_decoder';
import type { Disposable } from '../core/disposable.js';
import type { InputEvent } from '../core/keys/input-event.js';
import { InputParser } from '../core/keys/input-parser.js';

const ESC_WAIT_MS = 25;

export class TerminalInput implements Disposable {
  private readonly parser = new InputParser();
  private readonly decoder = new StringDecoder('utf8');
  private escTimer: NodeJS.Timeout | undefined;
  private readonly onData = (chunk: Buffer) => this.receive(this.decoder.write(chunk));
  private readonly wasRaw: boolean;

  constructor(
    private readonly stdin: NodeJS.ReadStream,
    private readonly deliver: (events: InputEvent[]) => void,
  ) {
    this.wasRaw = stdin.isTTY ? stdin.isRaw : false;
    if (stdin.isTTY) stdin.setRawMode(true);
    stdin.on('data', this.onData);
    stdin.resume();
  }

  private receive(text: string): void {
    if (this.escTimer) clearTimeout(this.escTimer);
    this.escTimer = undefined;
    const events = this.parser.feed(text);
    if (events.length) this.deliver(events);
    if (this.parser.hasPending()) {
      this.escTimer = setTimeout(() => {
        this.escTimer = undefined;
        const flushed = this.parser.flush();
        if (flushed.length) this.deliver(flushed);
      }, ESC_WAIT_MS);
    }
  }

  dispose(): void {
    if (this.escTimer) clearTimeout(this.escTimer);
    this.stdin.off('data', this.onData);
    this.stdin.pause();
    if (this.stdin.isTTY) this.stdin.setRawMode(this.wasRaw);
  }
}
