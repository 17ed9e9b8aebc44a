/**
 * The server's paste buffer over its socket: `set` and `paste` are requests in the protocol's table, and
 * the length comes from the server's `buffer` pushes, which it sends with its welcome and at every
 * change, so a client knows whether there is anything to paste without asking.
 */
import type { Observable } from 'rxjs';
import type { PasteBufferPort } from '../core/copy-mode/paste-buffer.js';
import type { RemoteHost } from './remote-host.js';

export class RemotePasteBuffer implements PasteBufferPort {
  readonly length$: Observable<number>;

  constructor(private readonly host: RemoteHost) {
    this.length$ = host.buffer$;
  }

  async set(text: string): Promise<void> {
    await this.host.request('setBuffer', { text });
  }

  async paste(session: string): Promise<void> {
    await this.host.request('pasteBuffer', { session });
  }

  /** The buffer's text, or undefined when it is empty. */
  async text(): Promise<string | undefined> {
    return (await this.host.request('getBuffer', {})) ?? undefined;
  }
}
