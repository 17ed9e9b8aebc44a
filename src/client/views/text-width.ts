/**
 * Display width in terminal columns, and `fit` bound to it, for views that lay out text. Views fit every
 * line themselves and create their boxes with `wrap: false`: blessed's wrapping breaks a line that fills
 * the box exactly and ends in an SGR sequence at its last space, pushing the last word onto a new row.
 */
import stringWidth from 'string-width';
import { fit as fitWith } from '../../core/session/display.js';

/** One column per character, and nothing for string-width to work out: most of what views lay out. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

// string-width splits every string into graphemes (Intl.Segmenter) and tests each against an emoji
// pattern; the sidebar measures each of its strings and, when one must be cut, each character of it,
// so re-rendering 20 sessions cost ~40 ms before plain text skipped all that.
export const columns = (text: string): number => (PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text));
export const fit = (text: string, width: number): string => fitWith(text, width, columns);
