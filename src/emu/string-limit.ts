/**
 * A bound on the control strings a program may leave open: OSC, DCS, APC, PM and SOS.
 *
 * xterm.js gathers a string's text until its terminator, up to ten million characters for each handler
 * that wants it (a title, a colour, grove's OSC 52), and a program that opens one and never ends it makes
 * the server hold that text, for every session that does so. This filter sits between the pty and the
 * emulator and counts each string's length as it streams past; once a string passes MAX_STRING_CHARS, it
 * sends CAN (which makes every VT parser, xterm's included, drop the string unparsed) and swallows the rest
 * of that string up to its terminator. Shorter strings pass untouched, in the same chunks.
 *
 * The scan is native regular-expression search for the few characters that matter, so ordinary output
 * (text and CSI sequences) costs one search per chunk. Terminators are taken broadly (BEL, ESC, ST, CAN,
 * SUB end every kind here), which can only end a count early, never make a string longer than the bound.
 */

/**
 * tmux's bound too (its input buffer): room for OSC 52 with 768 KiB of text. It is not generous because
 * xterm holds an open string as a rope of small pieces, some 33 bytes of heap per character (measured:
 * 133 MB for a 4 M-character title), until the string ends or is cut.
 */
export const MAX_STRING_CHARS = 1024 * 1024;

/** ESC ] / P / _ / ^ / X, or their 8-bit forms (OSC, DCS, APC, PM, SOS), begin a string. */
const STRING_START = /\x1b[\]P_^X]|[\x9d\x90\x9f\x9e\x98]/gu;
/** What ends (or aborts) a string. */
const STRING_END = /[\x07\x1b\x9c\x18\x1a]/gu;
const CAN = '\x18';

export class StringSequenceLimit {
  /** Characters of the open string seen so far; undefined outside a string. */
  private open: number | undefined;
  /** The open string passed the bound: drop what is left of it. */
  private discarding = false;
  /** The last chunk ended in ESC: the next chunk's first character says whether a string starts. */
  private escapePending = false;

  constructor(private readonly max = MAX_STRING_CHARS) {}

  /** The chunk as the emulator should see it. */
  filter(chunk: string): string {
    if (this.open === undefined && !this.escapePending && chunk.search(STRING_START) === -1 && !chunk.endsWith('\x1b')) {
      return chunk;
    }
    let out = '';
    let at = 0;
    if (this.escapePending) {
      this.escapePending = false;
      at = this.afterEscape(chunk, 0, (text) => (out += text));
    }
    while (at < chunk.length) {
      if (this.open === undefined) {
        STRING_START.lastIndex = at;
        const start = STRING_START.exec(chunk);
        if (!start) {
          // An ESC at the very end may begin a string with the next chunk's first character.
          if (chunk.endsWith('\x1b')) this.escapePending = true;
          out += chunk.slice(at);
          break;
        }
        out += chunk.slice(at, start.index + start[0].length);
        at = start.index + start[0].length;
        this.open = 0;
        continue;
      }
      STRING_END.lastIndex = at;
      const end = STRING_END.exec(chunk);
      const stop = end ? end.index : chunk.length;
      const room = this.max - this.open;
      if (!this.discarding && stop - at > room) {
        out += chunk.slice(at, at + room) + CAN;
        this.discarding = true;
      } else if (!this.discarding) {
        out += chunk.slice(at, stop);
      }
      this.open += stop - at;
      at = stop;
      if (!end) break;
      // The terminator itself goes on to the emulator, except after a string already cut off with CAN.
      const terminator = end[0];
      const wasDiscarding = this.discarding;
      this.open = undefined;
      this.discarding = false;
      if (terminator === '\x1b') {
        // ESC \ is the terminator; ESC anything else ends the string and starts a new sequence. Either way
        // the ESC is handed on (after a cut-off string it is harmless: ESC \ alone does nothing).
        out += terminator;
        at = this.afterEscape(chunk, at + 1, (text) => (out += text));
        continue;
      }
      if (!wasDiscarding) out += terminator;
      at += 1;
    }
    return out;
  }

  /**
   * Just after an ESC that was handed on: a string starts if the next character says so (it is handed on
   * and counting begins); at the end of the chunk, the next chunk decides. Returns where to go on from.
   */
  private afterEscape(chunk: string, at: number, emit: (text: string) => void): number {
    if (at === chunk.length) {
      this.escapePending = true;
      return at;
    }
    if (!']P_^X'.includes(chunk[at]!)) return at;
    emit(chunk[at]!);
    this.open = 0;
    return at + 1;
  }
}
