/**
 * The one sanitiser for text grove did not write: file, branch and session names, commit subjects,
 * titles, agents' output and messages that quote them. Such text can hold control characters, and a
 * control character that reaches the user's terminal can set its clipboard (OSC 52), its title, move its
 * cursor or repaint it. Every such string passes one of these two before it is drawn or printed, in the
 * UI and on the command line alike.
 */

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/gu;
// eslint-disable-next-line no-control-regex
const CONTROLS_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu;

/** For a field on one line: every control character (C0, DEL, C1) removed, line ends and tabs too. */
export function printable(text: string): string {
  return text.replace(CONTROLS, '');
}

/** For text of many lines (a diff, a report): as printable, but line feeds and tabs stay. */
export function terminalText(text: string): string {
  return text.replace(CONTROLS_BUT_LINES, '');
}
