/**
 * Display width in terminal columns, and `fit` bound to it, for views that lay out text. Views fit every
 * line themselves and create their boxes with `wrap: false`: blessed's wrapping breaks a line that fills
 * the box exactly and ends in an SGR sequence at its last space, pushing the last word onto a new row.
 */
import stringWidth from 'string-width';
import { fit as fitWith } from '../../core/session/display.js';

export const columns = (text: string): number => stringWidth(text);
export const fit = (text: string, width: number): string => fitWith(text, width, columns);
