/**
 * Display width in terminal columns, and `fit` bound to it, for views that lay out text. Views fit every
 * line themselves and create their boxes with `wrap: false`: blessed's wrapping breaks a line that fills
 * the box exactly and ends in an SGR sequence at its last space, pushing the last word onto a new row.
 */
import stringWidth from 'string-width';
import { fit as fitWith } from '../../core/session/display.js';

/**
 * The characters grove's own views draw besides ASCII — separators, ellipses, arrows, status marks, box
 * lines — each one column wide (test/unit/text-width.test.ts holds every one to string-width).
 */
export const NARROW_SYMBOLS = '·—–…→←↑↓│┃─−×±≈✓✗✕●○◌◆‹›†⊘';

/** One column per character, and nothing for string-width to work out: most of what views lay out. */
const SIMPLE_TEXT = new RegExp(`^[\\x20-\\x7e${NARROW_SYMBOLS}]*$`, 'u');

// string-width splits every string into graphemes (Intl.Segmenter) and tests each against an emoji
// pattern; the sidebar measures each of its strings and, when one must be cut, each character of it,
// so re-rendering 20 sessions cost ~40 ms before simple text skipped all that. The segmenter also
// costs a process ICU's start-up (10-20 ms) the first time: with a session list of ASCII names and
// grove's own marks, the first frame is drawn without it.
export const columns = (text: string): number => (SIMPLE_TEXT.test(text) ? text.length : stringWidth(text));
export const fit = (text: string, width: number): string => fitWith(text, width, columns);
