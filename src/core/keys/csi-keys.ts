/**
 * The meaning of a complete CSI (ESC [) or SS3 (ESC O) sequence: which key, mouse report or reply it is.
 *
 * Keys follow xterm, which everything else imitates. Cursor and editing keys come in two shapes, a final
 * letter (ESC[A, ESC O A) or a number and `~` (ESC[5~), and both take an optional modifier parameter:
 * ESC[1;5A is Ctrl+Up, ESC[3;5~ is Ctrl+Delete. The parameter is 1 plus a bit mask: 1 Shift, 2 Alt,
 * 4 Ctrl, 8 Meta (grove folds Meta into Alt, as tmux does). CSI u (fixterms, kitty) and xterm's
 * modifyOtherKeys (ESC[27;m;c~) name a character by code point under the same mask.
 *
 * A terminal's answers travel the same road as keys, so anything with a private marker (`?`, `>`, `=`), an
 * intermediate byte, or the final of a report (R c n t y) is a reply. That includes ESC[1;2R, which old
 * xterms also send for Shift+F3: a cursor position report is the likelier reading.
 */
import { keyEvent, replyEvent, UNKNOWN_KEY, type InputEvent } from './input-event.js';
import { composeKey, NO_MODIFIERS, type Modifiers } from './keyspec.js';
import { decodeSgrMouse, decodeUrxvtMouse } from './mouse.js';

const LETTER_KEYS: Readonly<Record<string, string>> = {
  A: 'Up', B: 'Down', C: 'Right', D: 'Left', H: 'Home', F: 'End', Z: 'BTab', P: 'F1', Q: 'F2', S: 'F4',
};

/** SS3 adds F3 (no clash with reports there) and the keypad in application mode. */
const SS3_KEYS: Readonly<Record<string, string>> = {
  ...LETTER_KEYS, R: 'F3', M: 'Enter', X: '=', j: '*', k: '+', l: ',', m: '-', n: '.', o: '/',
  p: '0', q: '1', r: '2', s: '3', t: '4', u: '5', v: '6', w: '7', x: '8', y: '9',
};

const TILDE_KEYS: Readonly<Record<string, string>> = {
  1: 'Home', 2: 'IC', 3: 'DC', 4: 'End', 5: 'PPage', 6: 'NPage', 7: 'Home', 8: 'End',
  11: 'F1', 12: 'F2', 13: 'F3', 14: 'F4', 15: 'F5', 17: 'F6', 18: 'F7', 19: 'F8', 20: 'F9', 21: 'F10',
  23: 'F11', 24: 'F12',
};

/** Code points CSI u reports for keys that have a name rather than a character. */
const CODE_POINT_NAMES: Readonly<Record<number, string>> = { 9: 'Tab', 13: 'Enter', 27: 'Escape', 32: 'Space', 127: 'BSpace' };

const REPORT_FINALS = new Set(['R', 'c', 'n', 't', 'y']);

/** Paste markers: CSI 200 ~ opens the outer terminal's bracketed paste, CSI 201 ~ closes it. */
export const PASTE_START = '\x1b[200~';
export const PASTE_END = '\x1b[201~';

/** Decodes an xterm modifier parameter (`5` is Ctrl). Absent or malformed means none. */
function modifierParameter(field: string | undefined): Modifiers {
  const value = Number(field);
  if (!field || !Number.isInteger(value) || value < 1) return NO_MODIFIERS;
  const mask = value - 1;
  return { shift: (mask & 1) !== 0, meta: (mask & 10) !== 0, ctrl: (mask & 4) !== 0 };
}

function keyByCodePoint(raw: string, codeField: string | undefined, modifiers: Modifiers): InputEvent {
  const code = Number(codeField?.split(':')[0]);
  const name = CODE_POINT_NAMES[code];
  if (name) return keyEvent(composeKey(modifiers, name), raw);
  // U+E000–U+F8FF are the private-use codes kitty gives keys with no character; grove has no names for them.
  const printable = (code > 32 && code < 127) || (code >= 0xa0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xf8ff));
  if (!Number.isInteger(code) || !printable) return keyEvent(UNKNOWN_KEY, raw);
  return keyEvent(composeKey(modifiers, String.fromCodePoint(code)), raw);
}

/** `params` is everything between `ESC[` and the final character `final`. */
export function decodeCsi(raw: string, params: string, final: string): InputEvent {
  if (params.startsWith('<')) {
    return final === 'M' || final === 'm' ? decodeSgrMouse(raw, params.slice(1), final === 'm') : replyEvent(raw);
  }
  if (/^[?>=]|[\x20-\x2f]/.test(params) || REPORT_FINALS.has(final)) return replyEvent(raw);
  if (params === '' && (final === 'I' || final === 'O')) return { kind: 'focus', focused: final === 'I', raw };

  const fields = params.split(';');
  if (final === '~') {
    if (fields[0] === '27' && fields.length === 3) return keyByCodePoint(raw, fields[2], modifierParameter(fields[1]));
    if (fields[0] === '201') return replyEvent(raw); // a paste end with no start: nothing to deliver
    const base = TILDE_KEYS[fields[0]!];
    return keyEvent(base ? composeKey(modifierParameter(fields[1]), base) : UNKNOWN_KEY, raw);
  }
  if (final === 'u') return keyByCodePoint(raw, fields[0], modifierParameter(fields[1]?.split(':')[0]));
  if (final === 'M' && fields.length === 3) return decodeUrxvtMouse(raw, fields);
  const base = LETTER_KEYS[final];
  return keyEvent(base ? composeKey(modifierParameter(fields[1]), base) : UNKNOWN_KEY, raw);
}

/** `params` is the optional modifier digits some terminals put between `ESC O` and the final character. */
export function decodeSs3(raw: string, params: string, final: string): InputEvent {
  const base = SS3_KEYS[final];
  if (!base) return keyEvent(UNKNOWN_KEY, raw);
  return keyEvent(composeKey(modifierParameter(params.split(';').pop()), base), raw);
}
