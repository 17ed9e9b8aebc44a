/**
 * Decodes the outer terminal's input stream into events: keys, pastes, mouse reports, focus, replies.
 *
 * The parser is a small state machine over a string. Plain characters and control bytes are decoded on
 * the spot; an ESC hands over to escape-sequences.ts; ESC[200~ switches to collecting a bracketed paste
 * until ESC[201~. Input arrives in arbitrary chunks, so a sequence cut off at the end of a chunk is kept
 * (`hasPending()`) and finished by the next `feed`.
 *
 * ESC alone is ambiguous: the Escape key, or the start of a sequence still in flight. The parser has no
 * clock, so it never guesses; the caller calls `flush()` after ~20 ms without input, and the held bytes
 * are then decoded as typed keys (`Escape`, `M-[` …). An open paste is not flushed: pastes arrive at the
 * speed of the terminal's pipe, and cutting one in two would hand half of it to the keymap.
 *
 * Decoding walks the input by index, slicing only the characters of each event, so a megabyte of text
 * costs a megabyte of work.
 */
import { keyEvent, UNKNOWN_KEY, type InputEvent } from './input-event.js';
import { PasteCollector } from './bracketed-paste.js';
import { PASTE_END, PASTE_START } from './csi-keys.js';
import { controlKey } from './control-keys.js';
import { scanEscape } from './escape-sequences.js';

const ESC = 0x1b;

export class InputParser {
  /** The unfinished sequence at the end of the last chunk. */
  private pending = '';
  private paste: PasteCollector | undefined;

  feed(data: string): InputEvent[] {
    const events: InputEvent[] = [];
    const input = this.paste ? this.paste.takeTail() + data : this.pending + data;
    this.pending = '';
    this.decode(input, false, events);
    return events;
  }

  /** True while bytes are held: an unfinished sequence, or an open paste. */
  hasPending(): boolean {
    return this.pending !== '' || this.paste !== undefined;
  }

  /** Decodes held bytes as typed keys; call after a short silence. An open paste stays open. */
  flush(): InputEvent[] {
    const events: InputEvent[] = [];
    if (this.paste || !this.pending) return events;
    const input = this.pending;
    this.pending = '';
    this.decode(input, true, events);
    return events;
  }

  private decode(input: string, final: boolean, events: InputEvent[]): void {
    const length = input.length;
    let at = this.paste ? this.continuePaste(input, 0, events) : 0;
    while (at < length) {
      const code = input.charCodeAt(at);
      if (code === ESC) {
        const scan = scanEscape(input, at, final);
        if (scan.type === 'incomplete') {
          this.pending = input.slice(at);
          return;
        }
        if (scan.type === 'paste-start') {
          this.paste = new PasteCollector();
          at = this.continuePaste(input, scan.end, events);
        } else {
          events.push(scan.event);
          at = scan.end;
        }
      } else if (code < 0x20 || code === 0x7f) {
        events.push(keyEvent(controlKey(code), input[at]!));
        at++;
      } else if (code >= 0xd800 && code <= 0xdbff) {
        if (at + 1 >= length && !final) {
          this.pending = input.slice(at);
          return;
        }
        const low = input.charCodeAt(at + 1);
        const paired = low >= 0xdc00 && low <= 0xdfff;
        const character = input.slice(at, at + (paired ? 2 : 1));
        events.push(keyEvent(paired ? character : UNKNOWN_KEY, character));
        at += character.length;
      } else {
        const character = input[at]!;
        const unnamed = (code >= 0x80 && code < 0xa0) || (code >= 0xdc00 && code <= 0xdfff);
        events.push(keyEvent(code === 0x20 ? 'Space' : unnamed ? UNKNOWN_KEY : character, character));
        at++;
      }
    }
  }

  /** Feeds the paste collector; returns where decoding resumes (the input's length while the paste goes on). */
  private continuePaste(input: string, from: number, events: InputEvent[]): number {
    const paste = this.paste!;
    const end = paste.consume(input, from);
    if (end < 0) return input.length;
    this.paste = undefined;
    const text = paste.text;
    events.push({ kind: 'paste', text, raw: PASTE_START + text + PASTE_END });
    return end;
  }
}
