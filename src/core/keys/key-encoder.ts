/**
 * The bytes a terminal sends for a key: what a program in a pane expects to read.
 *
 * The encoding is xterm's, the inverse of what the input parser decodes. Cursor, editing and function keys
 * carry modifiers as a parameter (Ctrl+Up is ESC[1;5A); everything else is a character or control byte,
 * where Ctrl folds into the byte (Ctrl+A is 0x01) and Alt is an ESC in front. Chords with no legacy
 * encoding (Ctrl+Enter, Shift+Space, Ctrl+1) have no bytes: encodeKey returns undefined.
 *
 * The cursor keys are the one place where the pane's own state matters: in application cursor mode
 * (DECCKM, set by vim, less, most full-screen programs) unmodified arrows, Home and End are sent as SS3
 * (ESC O A) rather than CSI (ESC [ A).
 */
import { controlByte } from './control-keys.js';
import type { KeyEvent } from './input-event.js';
import { composeKey, isCharKey, NO_MODIFIERS, splitKey } from './keyspec.js';

export interface KeyEncodingModes {
  readonly applicationCursor: boolean;
}

const CURSOR_FINALS: Readonly<Record<string, string>> = { Up: 'A', Down: 'B', Right: 'C', Left: 'D', Home: 'H', End: 'F' };
const SS3_FUNCTION_FINALS: Readonly<Record<string, string>> = { F1: 'P', F2: 'Q', F3: 'R', F4: 'S' };
const TILDE_NUMBERS: Readonly<Record<string, number>> = {
  IC: 2, DC: 3, PPage: 5, NPage: 6, F5: 15, F6: 17, F7: 18, F8: 19, F9: 20, F10: 21, F11: 23, F12: 24,
};
const PLAIN_BYTES: Readonly<Record<string, string>> = {
  Space: ' ', Enter: '\r', Tab: '\t', BTab: '\x1b[Z', Escape: '\x1b', BSpace: '\x7f',
};

export function encodeKey(key: string, modes: KeyEncodingModes): string | undefined {
  const { ctrl, meta, shift, base } = splitKey(key);
  const parameter = 1 + (shift ? 1 : 0) + (meta ? 2 : 0) + (ctrl ? 4 : 0);
  const modified = parameter > 1 ? `1;${parameter}` : '';

  const cursor = CURSOR_FINALS[base];
  if (cursor) return modified || !modes.applicationCursor ? `\x1b[${modified}${cursor}` : `\x1bO${cursor}`;
  const ss3 = SS3_FUNCTION_FINALS[base];
  if (ss3) return modified ? `\x1b[${modified}${ss3}` : `\x1bO${ss3}`;
  const number = TILDE_NUMBERS[base];
  if (number) return parameter > 1 ? `\x1b[${number};${parameter}~` : `\x1b[${number}~`;

  if (shift) return undefined;
  const bytes = ctrl ? controlByte(composeKey({ ...NO_MODIFIERS, ctrl }, base)) : plainBytes(base);
  if (bytes === undefined) return undefined;
  return meta ? `\x1b${bytes}` : bytes;
}

function plainBytes(base: string): string | undefined {
  return PLAIN_BYTES[base] ?? (isCharKey(base) ? base : undefined);
}

const PANE_MODE_KEYS = new Set(Object.keys(CURSOR_FINALS));

/**
 * What to write to a pane for a key the user typed: the bytes as typed, except unmodified cursor keys,
 * which follow the pane's cursor mode; the outer terminal's mode is grove's, not the program's.
 */
export function bytesForPane(event: KeyEvent, modes: KeyEncodingModes): string {
  if (PANE_MODE_KEYS.has(event.key)) return encodeKey(event.key, modes)!;
  return event.raw;
}
