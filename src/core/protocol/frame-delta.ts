/**
 * Frames over the socket as differences: a line the client already has from the previous frame of the
 * same session is sent as `null`, so a keystroke's echo moves one line, not the whole screen, through
 * JSON on both sides. The sender keeps the last frame it sent per session and sends a whole frame after
 * a resize or when it has none; the receiver fills the nulls from the last frame it has.
 */
import type { FrameLine, PaneFrame, Run } from '../screen/frame.js';

export interface FrameUpdate extends Omit<PaneFrame, 'lines'> {
  /** Each line, or null where it is unchanged since the previous frame sent for this session. */
  readonly lines: readonly (FrameLine | null)[];
}

function sameRun(a: Run, b: Run): boolean {
  if (a.style.fg !== b.style.fg || a.style.bg !== b.style.bg || a.style.attrs !== b.style.attrs) return false;
  if (a.cells.length !== b.cells.length) return false;
  for (let i = 0; i < a.cells.length; i++) if (a.cells[i] !== b.cells[i]) return false;
  return true;
}

export function sameLine(a: FrameLine, b: FrameLine): boolean {
  // Emulators share unchanged rows between frames, so most lines are the very same object.
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameRun(a[i]!, b[i]!)) return false;
  return true;
}

/** The update that turns `previous` into `next` (the whole of `next` when there is no comparable previous). */
export function frameUpdate(previous: PaneFrame | undefined, next: PaneFrame): FrameUpdate {
  if (!previous || previous.cols !== next.cols || previous.rows !== next.rows) return next;
  return { ...next, lines: next.lines.map((line, y) => (sameLine(line, previous.lines[y]!) ? null : line)) };
}

/** The frame an update describes, given the last frame received (blank lines where it has none). */
export function applyUpdate(previous: PaneFrame | undefined, update: FrameUpdate): PaneFrame {
  const comparable = previous && previous.cols === update.cols && previous.rows === update.rows ? previous : undefined;
  return { ...update, lines: update.lines.map((line, y) => line ?? comparable?.lines[y] ?? []) };
}
