/**
 * A scrollback for copy mode's tests, made from a text file the way a terminal of a given width holds
 * it: each line in cells, a line longer than the width wrapped onto the next rows (marked as
 * continuing), and wide characters (CJK, emoji) in two cells, the second ''. Lines can be left
 * "unloaded", as in a client that has not fetched them yet.
 */
import { readFileSync } from 'node:fs';
import type { CopyLines } from '../../src/core/copy-mode/copy-mode.js';

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}]/u;

export interface Scrollback extends CopyLines {
  /** Row i as text, trailing blanks cut (what a test reads to find a line). */
  text(row: number): string;
  /** The first row whose text matches. */
  find(pattern: RegExp): number;
}

export function fixtureText(name: string): string {
  return readFileSync(new URL(`../fixtures/scrollback/${name}`, import.meta.url), 'utf8');
}

export function scrollback(text: string, width: number, unloaded: ReadonlySet<number> = new Set()): Scrollback {
  const rows: string[][] = [];
  const wrapped: boolean[] = [];
  for (const line of text.replace(/\n$/u, '').split('\n')) {
    let row: string[] = [];
    let continues = false;
    const finish = () => {
      while (row.length < width) row.push(' ');
      rows.push(row);
      wrapped.push(continues);
    };
    for (const char of line) {
      const cells = WIDE.test(char) ? [char, ''] : [char];
      if (row.length + cells.length > width) {
        finish();
        row = [];
        continues = true;
      }
      row.push(...cells);
    }
    finish();
  }
  return {
    count: rows.length,
    cells: (row) => (unloaded.has(row) ? undefined : rows[row]),
    wrapped: (row) => wrapped[row] ?? false,
    text: (row) => (rows[row] ?? []).join('').replace(/ +$/u, ''),
    find(pattern) {
      const row = rows.findIndex((cells) => pattern.test(cells.join('')));
      if (row < 0) throw new Error(`no row matches ${pattern}`);
      return row;
    },
  };
}
