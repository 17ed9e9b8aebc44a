/**
 * Which session each row of the sidebar shows: a heading row, then two rows for each session, scrolled
 * so that the focused session is in view. The sidebar draws from this and a click is read back through
 * it, so the two cannot disagree about which entry is where.
 */
const SIDEBAR_ROWS_PER_ENTRY = 2;

export interface SidebarWindow {
  /** The index of the first session listed. */
  readonly first: number;
  /** How many entries fit. */
  readonly entries: number;
}

export function sidebarWindow(height: number, count: number, focusedIndex: number): SidebarWindow {
  const entries = Math.max(1, Math.floor((height - 1) / SIDEBAR_ROWS_PER_ENTRY));
  const first = Math.max(0, Math.min(focusedIndex - entries + 1, count - entries));
  return { first, entries };
}

/** The index of the session at `row` (0 is the heading), or undefined for the heading and empty rows. */
export function sidebarEntryAt(row: number, height: number, count: number, focusedIndex: number): number | undefined {
  if (row < 1 || row >= height) return undefined;
  const { first, entries } = sidebarWindow(height, count, focusedIndex);
  const offset = Math.floor((row - 1) / SIDEBAR_ROWS_PER_ENTRY);
  const index = first + offset;
  return offset < entries && index < count ? index : undefined;
}
