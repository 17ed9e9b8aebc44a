/**
 * What the user did, as decoded from the bytes the outer terminal sends to grove.
 *
 * The outer terminal speaks one byte stream for everything: typed keys, pasted text, mouse reports, focus
 * changes and its own answers to queries. The input parser (input-parser.ts) turns that stream into these
 * events. Every event keeps `raw`, the exact characters it was decoded from, so a key grove does not act
 * on can be handed to the pane byte for byte rather than re-encoded from its name.
 */

/** A mouse report. Cells are 0-based; the modifier flags say which keys were held. */
export interface MouseEvent {
  action: 'press' | 'release' | 'move' | 'wheel-up' | 'wheel-down';
  /** 0 left, 1 middle, 2 right, -1 none (a motion with no button held, or an X10 release). */
  button: number;
  x: number;
  y: number;
  shift: boolean;
  meta: boolean;
  ctrl: boolean;
}

export type InputEvent =
  /** `key` is the canonical name (keyspec.ts); `Unknown` for a sequence grove cannot name. */
  | { kind: 'key'; key: string; raw: string }
  /** Everything between the outer terminal's ESC[200~ and ESC[201~, as one event however it was chunked. */
  | { kind: 'paste'; text: string; raw: string }
  | { kind: 'mouse'; mouse: MouseEvent; raw: string }
  | { kind: 'focus'; focused: boolean; raw: string }
  /** The terminal answering a query (cursor position, device attributes, OSC/DCS strings): not user input. */
  | { kind: 'reply'; raw: string };

export type KeyEvent = Extract<InputEvent, { kind: 'key' }>;

/** The name given to escape sequences that are well formed but mean no key grove knows. */
export const UNKNOWN_KEY = 'Unknown';

export function keyEvent(key: string, raw: string): KeyEvent {
  return { kind: 'key', key, raw };
}

export function replyEvent(raw: string): InputEvent {
  return { kind: 'reply', raw };
}
