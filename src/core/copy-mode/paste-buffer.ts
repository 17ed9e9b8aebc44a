/**
 * grove's paste buffer, as clients reach it. The server keeps one buffer for all of its clients, as tmux
 * keeps its buffers in the server: what copy mode copied is still there after a detach (an SSH connection
 * that dropped) and in every other client. Clients put text in it (`set`) and paste it into a pane
 * (`paste`, done by the server, which knows whether the pane's program asked for bracketed paste); they
 * learn whether there is anything to paste from `length$`, which the server pushes, so that `prefix ]`
 * can decide at once, without asking.
 *
 * The buffer holds at most MAX_PASTE_BUFFER_BYTES (1 MiB) of UTF-8, the bound grove puts on OSC 52 too:
 * a selection bigger than that is more likely a mistake than something to type into a program, and the
 * server keeps it for as long as it runs. `pasteBufferProblem` is the one check, made by the protocol's
 * table (so the server enforces it) and by clients before they send megabytes for nothing.
 */
import type { Observable } from 'rxjs';

export const MAX_PASTE_BUFFER_BYTES = 1024 * 1024;

export interface PasteBufferPort {
  /** The buffer's length in characters, 0 while it is empty; replays the current length to each subscriber. */
  readonly length$: Observable<number>;
  /** Replaces the buffer's text; rejects with one line when the text is empty or too large. */
  set(text: string): Promise<void>;
  /** Types the buffer into the session's pane, as tmux's paste-buffer does; rejects when it is empty. */
  paste(session: string): Promise<void>;
}

/** How many bytes `text` takes in UTF-8, without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair is one character beyond the BMP: four bytes for the two code units.
      bytes += 4;
      i++;
    } else bytes += 3; // a lone surrogate is encoded as U+FFFD, three bytes
  }
  return bytes;
}

/** Why the paste buffer cannot hold `text`, in one line; undefined when it can. */
export function pasteBufferProblem(text: string): string | undefined {
  if (text === '') return 'nothing to put in the paste buffer: the text is empty';
  const bytes = utf8Length(text);
  if (bytes > MAX_PASTE_BUFFER_BYTES) {
    return `the paste buffer holds at most 1 MiB (${MAX_PASTE_BUFFER_BYTES} bytes); this text is ${bytes} bytes`;
  }
  return undefined;
}
