/**
 * Removes terminal control sequences from a stream of output, leaving the characters a person would see.
 *
 * The echo test looks for one typed letter in a client's output, and letters are also the final bytes of
 * escape sequences (`ESC [ K`, `ESC [ 2 J`), so it has to look past them. This is a small state machine
 * that survives sequences split across chunks: CSI, OSC and DCS strings (ended by BEL or ST), charset
 * designations, and two-byte escapes. Control characters are dropped too.
 */
const ESC = 0x1b;

const GROUND = 0;
const ESCAPE = 1; // after ESC
const INTERMEDIATE = 2; // ESC then 0x20-0x2f bytes, waiting for the final byte
const CSI = 3;
const STRING = 4; // OSC / DCS / APC / PM body, until BEL or ESC \
const STRING_ESCAPE = 5; // ESC inside a string

export class EscapeStripper {
  state = GROUND;

  /** The visible text of `chunk`, given everything fed before it. */
  feed(chunk) {
    let out = '';
    let runStart = -1;
    for (let i = 0; i < chunk.length; i++) {
      const code = chunk.charCodeAt(i);
      if (this.state === GROUND) {
        if (code >= 0x20 && code !== 0x7f) {
          if (runStart < 0) runStart = i;
          continue;
        }
        if (runStart >= 0) out += chunk.slice(runStart, i);
        runStart = -1;
        if (code === ESC) this.state = ESCAPE;
        continue;
      }
      this.step(code);
    }
    if (runStart >= 0) out += chunk.slice(runStart);
    return out;
  }

  step(code) {
    switch (this.state) {
      case ESCAPE:
        if (code === 0x5b) this.state = CSI; // [
        else if (code === 0x5d || code === 0x50 || code === 0x5f || code === 0x5e) this.state = STRING; // ] P _ ^
        else if (code >= 0x20 && code <= 0x2f) this.state = INTERMEDIATE;
        else this.state = GROUND;
        return;
      case INTERMEDIATE:
        if (code < 0x20 || code > 0x2f) this.state = GROUND;
        return;
      case CSI:
        if (code >= 0x40 && code <= 0x7e) this.state = GROUND;
        return;
      case STRING:
        if (code === 0x07) this.state = GROUND;
        else if (code === ESC) this.state = STRING_ESCAPE;
        return;
      case STRING_ESCAPE:
        this.state = code === 0x5c ? GROUND : STRING;
        return;
    }
  }
}
