/**
 * The conflict matrix as clients receive it (by session name) and as `grove conflicts` and the TUI's
 * conflicts view print it: which pairs of sessions would collide on merge and in which files, which
 * collide with their base, and an order to merge them in that avoids conflicts where one exists.
 */

export interface ConflictReport {
  readonly sessions: readonly string[];
  /** Every pair with a conflict; `b` is 'base' for a session against its own base branch. */
  readonly conflicts: readonly { readonly a: string; readonly b: string; readonly files: readonly string[] }[];
  readonly order: readonly string[];
  /** Every session fits in `order` without a conflict. */
  readonly complete: boolean;
  /** Sessions that conflict whatever is merged before them. */
  readonly stuck: readonly string[];
}

export function describeConflicts(report: ConflictReport): string[] {
  if (report.sessions.length === 0) return ['no worktree sessions in this repository'];
  const lines: string[] = [];
  if (report.conflicts.length === 0) lines.push(`no conflicts among ${report.sessions.length} worktree session${report.sessions.length === 1 ? '' : 's'}`);
  for (const { a, b, files } of report.conflicts) {
    const other = b === 'base' ? 'its base branch' : b;
    lines.push(`${a} ✗ ${other}: ${files.join(', ')}`);
  }
  const open = new Set([...report.order, ...report.stuck]);
  const settled = report.sessions.filter((s) => !open.has(s));
  if (settled.length) lines.push(`nothing left to merge: ${settled.join(', ')}`);
  if (open.size > 1 || report.conflicts.length) {
    lines.push(report.complete
      ? `merge order without conflicts: ${report.order.join(' → ')}`
      : `no order avoids every conflict: ${report.order.length ? `${report.order.join(' → ')} ${report.order.length === 1 ? 'merges' : 'merge'} cleanly, then ` : ''}${report.stuck.join(', ')} conflict${report.stuck.length === 1 ? 's' : ''}`);
  }
  return lines;
}
