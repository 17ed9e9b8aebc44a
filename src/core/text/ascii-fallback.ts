/**
 * Drawing for a terminal whose locale is not UTF-8 (LANG=C): what tmux does, grove does — every
 * character outside ASCII is drawn as ASCII. grove's own glyphs (box lines, status marks, arrows) have
 * an ASCII stand-in each, so the screen keeps its shape and meaning; anything else, a program's output
 * included, becomes "_" for each column it takes.
 *
 * The locale is the first of LC_ALL, LC_CTYPE and LANG that is set, as the C library reads it. With none
 * set, UTF-8 is assumed: that is what terminals speak today, and an unset LANG is common over SSH.
 */

const STAND_INS: Readonly<Record<string, string>> = {
  '│': '|', '┃': '|', '║': '|', '─': '-', '━': '-', '═': '=',
  '┌': '+', '┐': '+', '└': '+', '┘': '+', '├': '+', '┤': '+', '┬': '+', '┴': '+', '┼': '+',
  '╭': '+', '╮': '+', '╰': '+', '╯': '+',
  '·': '.', '—': '-', '–': '-', '…': '.', '−': '-', '×': 'x', '±': '+', '≈': '~',
  '→': '>', '←': '<', '↑': '^', '↓': 'v', '‹': '<', '›': '>',
  '✓': '+', '✗': 'x', '✕': 'x', '●': '*', '○': 'o', '◌': '.', '◆': '!', '†': '+', '⊘': '#',
};

/** Whether the environment's locale says the terminal takes UTF-8. */
export function localeIsUtf8(env: Readonly<Record<string, string | undefined>>): boolean {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG;
  return !locale || /utf-?8/iu.test(locale);
}

/** The ASCII to draw for one cell's text in `columns` columns. */
export function asciiGlyph(text: string, columns: number): string {
  if (/^[\x20-\x7e]*$/u.test(text)) return text;
  return STAND_INS[text] ?? '_'.repeat(columns);
}
