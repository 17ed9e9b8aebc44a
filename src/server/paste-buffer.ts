/**
 * The server's paste buffer, and its rows of the request table (request-table.ts).
 *
 * One buffer, holding the newest text, rather than tmux's stack of fifty: grove has no way to pick an
 * older buffer (no choose-buffer, no buffer names, `prefix ]` pastes the newest), so a stack would only
 * keep text nobody can reach. It is filled by copies from any client (copy mode, `grove buffer set`) and,
 * when programs may set the clipboard, by a program's OSC 52, as tmux's set-clipboard fills a buffer.
 *
 * Clients are told its length, not its text: the length (0 for empty) is what `prefix ]` needs to know
 * at once, and pasting happens here, where the pane's emulator says whether its program asked for
 * bracketed paste. The text travels to a client only when asked for (`grove buffer`).
 */
import { BehaviorSubject, type Observable } from 'rxjs';
import { pasteBufferProblem } from '../core/copy-mode/paste-buffer.js';
import { pasteBytes } from '../core/copy-mode/paste.js';
import type { RequestMethod } from '../core/protocol/requests.js';
import type { Handler, RequestContext } from './request-table.js';

export class PasteBuffer {
  private text: string | undefined;
  private readonly lengthSubject = new BehaviorSubject(0);
  /** The text's length in characters, 0 while empty; replays the current length to each subscriber. */
  readonly length$: Observable<number> = this.lengthSubject.asObservable();

  get current(): string | undefined {
    return this.text;
  }

  /** Replaces the text; throws the one-line reason when the buffer cannot hold it. */
  set(text: string): void {
    const problem = pasteBufferProblem(text);
    if (problem) throw new Error(problem);
    this.text = text;
    this.lengthSubject.next(text.length);
  }
}

type BufferMethod = Extract<RequestMethod, 'setBuffer' | 'getBuffer' | 'pasteBuffer'>;

function bufferOf(context: RequestContext): PasteBuffer {
  if (!context.buffer) throw new Error('this server keeps no paste buffer');
  return context.buffer;
}

export const BUFFER_HANDLERS: { [M in BufferMethod]: Handler<M> } = {
  setBuffer: async ({ text }, context) => {
    bufferOf(context).set(text);
    return null;
  },
  getBuffer: async (_params, context) => bufferOf(context).current ?? null,
  // Synchronous up to the write, like `input`: keys typed after the paste reach the pane after it.
  pasteBuffer: async ({ session }, context) => {
    const id = context.resolve(session);
    const text = bufferOf(context).current;
    if (text === undefined) throw new Error('the paste buffer is empty');
    context.host.input(id, pasteBytes(text, context.host.frameOf(id)?.modes.bracketedPaste ?? false));
    return null;
  },
};
