/**
 * The bytes that paste text into a pane, as tmux's paste-buffer sends them: each line ending becomes a
 * carriage return, which is what the Enter key sends, and a program that asked for bracketed paste
 * (DECSET 2004) gets the text between ESC[200~ and ESC[201~, so that it can tell a paste from typing.
 * End markers inside the text are removed (bracketedPaste says how).
 */
import { bracketedPaste } from '../keys/bracketed-paste.js';

export function pasteBytes(text: string, bracketed: boolean): string {
  const typed = text.replace(/\r?\n/gu, '\r');
  return bracketed ? bracketedPaste(typed) : typed;
}
