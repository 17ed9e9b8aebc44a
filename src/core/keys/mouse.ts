/**
 * Mouse reports from the outer terminal, in the three encodings terminals use.
 *
 * Every encoding carries the same button code (xterm's ctlseqs "Mouse Tracking"): the low two bits are the
 * button (3 meaning "none" or "released"), +4 Shift, +8 Meta, +16 Control, +32 motion, +64 wheel. They
 * differ in how the numbers travel: X10/normal as three characters offset by 32 (ESC[M b x y), urxvt
 * (1015) as decimals offset likewise (ESC[b;x;yM), SGR (1006) as plain decimals with the release in the
 * final letter (ESC[<b;x;yM / m). Coordinates arrive 1-based and leave 0-based.
 *
 * Reports grove has no use for (horizontal wheel, buttons 8 to 11) become replies, which the app drops,
 * rather than keys, which it would forward to a pane that never asked for them.
 */
import { replyEvent, type InputEvent, type MouseEvent } from './input-event.js';

/** Bits of the button code, shared with the encoder that speaks it to programs (core/mouse/encode.ts). */
export const SHIFT = 4;
export const META = 8;
export const CTRL = 16;
export const MOTION = 32;
export const WHEEL = 64;
/** The low bits' "no button" value, which the older encodings also use for a release. */
export const NO_BUTTON = 3;
const EXTRA_BUTTONS = 128;

/**
 * Decodes a button code and 1-based cell. `released` is known only in SGR; elsewhere a release is
 * reported as button 3, which says a button came up but not which one.
 */
function decodeMouse(raw: string, code: number, column: number, row: number, released?: boolean): InputEvent {
  const wellFormed = Number.isInteger(code) && Number.isInteger(column) && Number.isInteger(row) && code >= 0;
  if (!wellFormed || code & EXTRA_BUTTONS) return replyEvent(raw);
  const low = code & 3;
  let action: MouseEvent['action'];
  let button = low === NO_BUTTON ? -1 : low;
  if (code & WHEEL) {
    if (low > 1) return replyEvent(raw);
    action = low === 0 ? 'wheel-up' : 'wheel-down';
    button = -1;
  } else if (code & MOTION) action = 'move';
  else if (released || low === NO_BUTTON) action = 'release';
  else action = 'press';
  const mouse: MouseEvent = {
    action,
    button,
    x: Math.max(0, column - 1),
    y: Math.max(0, row - 1),
    shift: (code & SHIFT) !== 0,
    meta: (code & META) !== 0,
    ctrl: (code & CTRL) !== 0,
  };
  return { kind: 'mouse', mouse, raw };
}

/** SGR: `fields` is what lies between `ESC[<` and the final `M` (press, motion) or `m` (release). */
export function decodeSgrMouse(raw: string, fields: string, released: boolean): InputEvent {
  const [code, column, row] = fields.split(';').map(Number);
  return decodeMouse(raw, code ?? NaN, column ?? NaN, row ?? NaN, released);
}

/** X10/normal: the three characters after `ESC[M`, each 32 more than its number. */
export function decodeX10Mouse(raw: string, code: number, column: number, row: number): InputEvent {
  return decodeMouse(raw, code - 32, column - 32, row - 32);
}

/** urxvt: the decimal fields of `ESC[b;x;yM`, the button code still offset by 32. */
export function decodeUrxvtMouse(raw: string, fields: readonly string[]): InputEvent {
  const [code, column, row] = fields.map(Number);
  return decodeMouse(raw, (code ?? NaN) - 32, column ?? NaN, row ?? NaN);
}
