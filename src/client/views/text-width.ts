/** Display width in terminal columns, and `fit` bound to it, for views that lay out text. */
import stringWidth from 'string-width';
import { fit as fitWith } from '../../core/session/display.js';

export const columns = (text: string): number => stringWidth(text);
export const fit = (text: string, width: number): string => fitWith(text, width, columns);
/** Escapes blessed's tag braces in text that comes from users or programs. */
export const escapeTags = (text: string): string => text.replace(/[{}]/g, (brace) => (brace === '{' ? '{open}' : '{close}'));
