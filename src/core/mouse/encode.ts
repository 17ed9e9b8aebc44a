/**
 * Mouse events for a program in a pane, as a terminal would send them to it: only the kinds of event
 * its tracking mode asks for, at its own coordinates, in the encoding it chose.
 *
 * The tracking modes (xterm's ctlseqs) nest: X10 (DECSET 9) reports presses only, without modifiers;
 * normal tracking (1000) adds releases and the wheel; button-event tracking (1002) adds motion while a
 * button is held; any-event tracking (1003) all motion. The button code is the one the input decoder
 * reads (src/core/keys/mouse.ts). SGR (1006) sends it in decimal, with the release in the final letter;
 * the default encoding sends three bytes offset by 32, which cannot name a cell past column or row 223,
 * so such an event is not sent at all, as xterm does.
 */
import type { MouseEvent } from '../keys/input-event.js';
import { CTRL, META, MOTION, NO_BUTTON, SHIFT, WHEEL } from '../keys/mouse.js';
import type { MouseTracking } from '../screen/frame.js';

/** The largest 1-based coordinate the default encoding can carry: 255 - 32. */
const X10_LIMIT = 223;

export function wantsEvent(tracking: MouseTracking, event: MouseEvent): boolean {
  switch (tracking) {
    case 'none': return false;
    case 'x10': return event.action === 'press' && event.button >= 0 && event.button <= 2;
    case 'vt200': return event.action !== 'move';
    case 'drag': return event.action !== 'move' || event.button >= 0;
    case 'any': return true;
  }
}

/** The bytes for `event` at cell (x, y) of the pane, 0-based; undefined if the encoding cannot carry it. */
export function encodeMouse(event: MouseEvent, x: number, y: number, sgr: boolean, tracking: MouseTracking): string | undefined {
  let code: number;
  switch (event.action) {
    case 'wheel-up': code = WHEEL; break;
    case 'wheel-down': code = WHEEL + 1; break;
    case 'release': code = sgr ? Math.max(0, event.button) : NO_BUTTON; break;
    case 'move': code = MOTION + (event.button >= 0 ? event.button : NO_BUTTON); break;
    case 'press': code = event.button; break;
  }
  if (tracking !== 'x10') code |= (event.shift ? SHIFT : 0) | (event.meta ? META : 0) | (event.ctrl ? CTRL : 0);
  const column = x + 1;
  const row = y + 1;
  if (sgr) return `\x1b[<${code};${column};${row}${event.action === 'release' ? 'm' : 'M'}`;
  if (column > X10_LIMIT || row > X10_LIMIT) return undefined;
  return `\x1b[M${String.fromCharCode(32 + code, 32 + column, 32 + row)}`;
}
