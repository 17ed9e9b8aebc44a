/**
 * Finding where an escape sequence ends, and what it is, starting from an ESC in the input.
 *
 * ESC is both a key and the first byte of every sequence, so a scan has three outcomes: a complete event,
 * the start of a bracketed paste, or "incomplete" when the input stops before the sequence could end. The
 * parser keeps an incomplete tail until more input arrives. When none does (the caller's ~20 ms timeout),
 * it scans again with `final` set, and then whatever began with ESC is the Alt chord of the next
 * character, which is what a person pressing Escape or Alt+[ produced: ESC alone is `Escape`, ESC [ is
 * `M-[`, and the characters after it are decoded afresh as keys.
 *
 * Sequences are bounded: a CSI longer than MAX_CSI, or one interrupted by a byte that cannot occur inside
 * it, is cut off as `Unknown`, so a stray ESC [ cannot swallow what the user types next.
 */
import { keyEvent, replyEvent, UNKNOWN_KEY, type InputEvent } from './input-event.js';
import { addModifiers, splitKey } from './keyspec.js';
import { decodeCsi, decodeSs3 } from './csi-keys.js';
import { decodeX10Mouse } from './mouse.js';
import { controlKey } from './control-keys.js';

export type Scan =
  | { readonly type: 'event'; readonly event: InputEvent; readonly end: number }
  | { readonly type: 'paste-start'; readonly end: number }
  | { readonly type: 'incomplete' };

const INCOMPLETE: Scan = { type: 'incomplete' };
const ESC = 0x1b;
const MAX_CSI = 64;

const event = (input: InputEvent, end: number): Scan => ({ type: 'event', event: input, end });
const key = (name: string, input: string, start: number, end: number): Scan =>
  event(keyEvent(name, input.slice(start, end)), end);

/** Scans the sequence starting at `input[start]`, which is ESC. */
export function scanEscape(input: string, start: number, final: boolean): Scan {
  if (start + 1 >= input.length) return final ? key('Escape', input, start, start + 1) : INCOMPLETE;
  let scan: Scan;
  switch (input[start + 1]) {
    case '[': scan = scanCsi(input, start); break;
    case 'O': scan = scanSs3(input, start); break;
    case 'P': case ']': case '_': case '^': case 'X': scan = scanString(input, start); break;
    case '\x1b': return scanEscapedEscape(input, start, final);
    default: return scanAltKey(input, start, final);
  }
  if (scan.type === 'incomplete' && final) return key(`M-${input[start + 1]}`, input, start, start + 2);
  return scan;
}

/** ESC followed by a character: that character with Alt. */
function scanAltKey(input: string, start: number, final: boolean): Scan {
  const code = input.charCodeAt(start + 1);
  if (code < 0x20 || code === 0x7f) return key(addModifiers(controlKey(code), { meta: true }), input, start, start + 2);
  if (code >= 0xd800 && code <= 0xdbff) {
    if (start + 2 >= input.length) return final ? key('Escape', input, start, start + 1) : INCOMPLETE;
    const low = input.charCodeAt(start + 2);
    if (low >= 0xdc00 && low <= 0xdfff) return key(`M-${input.slice(start + 1, start + 3)}`, input, start, start + 3);
  }
  // Not a character (a C1 control, half a surrogate pair): the ESC stands alone and the rest is Unknown.
  if ((code >= 0x80 && code < 0xa0) || (code >= 0xd800 && code <= 0xdfff)) return key('Escape', input, start, start + 1);
  return key(addModifiers(input[start + 1]!, { meta: true }), input, start, start + 2);
}

/** ESC ESC [A is Alt+Up; ESC followed by a mouse report, a paste or an Alt chord is just Escape first. */
function scanEscapedEscape(input: string, start: number, final: boolean): Scan {
  const inner = scanEscape(input, start + 1, final);
  if (inner.type === 'incomplete') return INCOMPLETE;
  if (inner.type === 'event' && inner.event.kind === 'key' && inner.event.key !== UNKNOWN_KEY) {
    if (!splitKey(inner.event.key).meta) return key(addModifiers(inner.event.key, { meta: true }), input, start, inner.end);
  }
  return key('Escape', input, start, start + 1);
}

function scanCsi(input: string, start: number): Scan {
  const length = input.length;
  const first = start + 2;
  if (first >= length) return INCOMPLETE;
  if (input[first] === 'M') {
    // X10 mouse: three raw characters follow, any value, so they cannot be scanned as parameters.
    if (first + 3 >= length) return INCOMPLETE;
    const [b, x, y] = [1, 2, 3].map((offset) => input.charCodeAt(first + offset)) as [number, number, number];
    return event(decodeX10Mouse(input.slice(start, first + 4), b, x, y), first + 4);
  }
  if (input[first] === '[') {
    // The Linux console's F1–F5: ESC [ [ A … ESC [ [ E.
    if (first + 1 >= length) return INCOMPLETE;
    const fkey = 'ABCDE'.indexOf(input[first + 1]!);
    return key(fkey >= 0 ? `F${fkey + 1}` : UNKNOWN_KEY, input, start, first + 2);
  }
  for (let at = first; at < length; at++) {
    const code = input.charCodeAt(at);
    if (code >= 0x40 && code <= 0x7e) {
      const params = input.slice(first, at);
      if (params === '200' && code === 0x7e) return { type: 'paste-start', end: at + 1 };
      return event(decodeCsi(input.slice(start, at + 1), params, input[at]!), at + 1);
    }
    if (code < 0x20 || code > 0x7e || at - start >= MAX_CSI) {
      return at === first ? key('M-[', input, start, first) : key(UNKNOWN_KEY, input, start, at);
    }
  }
  return INCOMPLETE;
}

function scanSs3(input: string, start: number): Scan {
  const length = input.length;
  let at = start + 2;
  while (at < length && at - start < MAX_CSI && /[0-9;]/.test(input[at]!)) at++;
  if (at >= length) return INCOMPLETE;
  const code = input.charCodeAt(at);
  if (code < 0x40 || code > 0x7e) {
    return at === start + 2 ? key('M-O', input, start, at) : key(UNKNOWN_KEY, input, start, at);
  }
  return event(decodeSs3(input.slice(start, at + 1), input.slice(start + 2, at), input[at]!), at + 1);
}

/**
 * DCS, OSC, APC, PM and SOS: a string up to ST (ESC \) or BEL. Another ESC cuts the string short, as it
 * does in a terminal, so a lost terminator costs one reply rather than every key after it.
 */
function scanString(input: string, start: number): Scan {
  const length = input.length;
  for (let at = start + 2; at < length; at++) {
    const code = input.charCodeAt(at);
    if (code === 0x07) return event(replyEvent(input.slice(start, at + 1)), at + 1);
    if (code !== ESC) continue;
    if (at + 1 >= length) return INCOMPLETE;
    if (input[at + 1] === '\\') return event(replyEvent(input.slice(start, at + 2)), at + 2);
    return event(replyEvent(input.slice(start, at)), at);
  }
  return INCOMPLETE;
}
