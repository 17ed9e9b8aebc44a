/**
 * The bytes that paste text into a pane, as tmux's paste-buffer sends them: each line ending becomes a
 * carriage return, which is what the Enter key sends, and a program that asked for bracketed paste
 * (DECSET 2004) gets the text between ESC[200~ and ESC[201~, so that it can tell a paste from typing.
 * An end marker inside the text is removed: it would end the paste early, and the program would take
 * the rest as typed keys.
 */
const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

export function pasteBytes(text: string, bracketed: boolean): string {
  const typed = text.replace(/\r?\n/gu, '\r');
  return bracketed ? PASTE_START + typed.split(PASTE_END).join('') + PASTE_END : typed;
}
