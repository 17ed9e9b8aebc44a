/**
 * What a status detector looks at: one observation of a session, taken at an explicit moment.
 *
 * An observation is plain data gathered from four places: the screen as text (from the emulator's frame),
 * the window title the program set, when output last arrived and when the user last typed (from the
 * server), and — where the OS can tell — what the terminal's foreground process is doing (src/io/proc.ts).
 * Nothing here reads a clock: `now` is given, so detectors and the debouncer are replayable in tests.
 */
import { lineText, type PaneFrame } from '../screen/frame.js';

/** What the terminal's foreground process group is doing, where the OS can tell (Linux /proc). */
export interface ForegroundSignal {
  /** The foreground group is the program grove started, not a job that program (a shell) put there. */
  readonly isProgram: boolean;
  /** Blocked in read(2) on the terminal: it printed a question and waits for a line. */
  readonly readingTerminal: boolean;
}

export interface ScreenObservation {
  /** The visible rows, top to bottom, each without trailing blanks. */
  readonly lines: readonly string[];
  /** The cursor's row up to the cursor: what a shell or line prompt has printed so far. */
  readonly cursorText: string;
  /** The window title the program set (OSC 0/2), '' if none. */
  readonly title: string;
  /** Epoch milliseconds of this observation. */
  readonly now: number;
  /** When the program last printed; undefined if it never has. */
  readonly lastOutputAt?: number;
  /** When the user last typed into the session; output right after a keystroke is only its echo. */
  readonly lastInputAt?: number;
  /** Undefined where the OS cannot tell (not Linux, or /proc unreadable). */
  readonly foreground?: ForegroundSignal;
}

/**
 * Each row's text, by row: emulators share unchanged rows between frames (the same FrameLine object), so
 * an observation builds strings only for rows that changed since the last one.
 */
const rowTexts = new WeakMap<PaneFrame['lines'][number], string>();

function rowText(line: PaneFrame['lines'][number]): string {
  let text = rowTexts.get(line);
  if (text === undefined) rowTexts.set(line, (text = lineText(line).trimEnd()));
  return text;
}

/** The text a detector reads from a frame: each row as a string, and the cursor row up to the cursor. */
export function screenText(frame: PaneFrame): { lines: string[]; cursorText: string } {
  const lines = frame.lines.map(rowText);
  const cursorRow = frame.lines[frame.cursor.y];
  return { lines, cursorText: cursorRow ? textBeforeColumn(cursorRow, frame.cursor.x) : '' };
}

function textBeforeColumn(line: PaneFrame['lines'][number], column: number): string {
  let text = '';
  let x = 0;
  for (const run of line) {
    for (const cell of run.cells) {
      if (x++ >= column) return text;
      text += cell;
    }
  }
  return text;
}
