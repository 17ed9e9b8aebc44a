/**
 * Comparing variants (`grove compare`, `C-b V`): which files each variant changed against its base and by
 * how much, one row per file any of them touched, so where they agree and where they went their own ways
 * shows at a glance; the rows where they differ most come first. Last, each one's check, when it had one.
 */
import type { FileStat } from '../git/diff-output.js';
import type { CheckResult } from '../session/session.js';
import { printable } from '../text/terminal-text.js';

export interface Variant {
  readonly name: string;
  readonly files: readonly FileStat[];
  /** Its last check (the config's `check` command), if it had one. */
  readonly check?: CheckResult | undefined;
}

export interface CompareRow {
  readonly path: string;
  /** Each variant's change to the file, in the variants' order; undefined where it left the file alone. */
  readonly changes: readonly (FileStat | undefined)[];
}

/** The files any variant touched: those only some touched first, then by path. */
export function compareRows(variants: readonly Variant[]): CompareRow[] {
  const paths = [...new Set(variants.flatMap((variant) => variant.files.map((file) => file.path)))];
  const rows = paths.map((path) => ({ path, changes: variants.map((variant) => variant.files.find((file) => file.path === path)) }));
  const touched = (row: CompareRow) => row.changes.filter(Boolean).length;
  return rows.sort((a, b) => touched(a) - touched(b) || a.path.localeCompare(b.path));
}

/** One change as a cell: `+12−3`, `bin` for a binary file, `·` for untouched. */
export function changeCell(change: FileStat | undefined): string {
  if (!change) return '·';
  if (change.binary) return 'bin';
  return `+${change.added}−${change.removed}`;
}

/** The table as text lines, for the command line and the UI alike: a header of names, a row per file, totals. */
export function compareLines(variants: readonly Variant[]): string[] {
  const rows = compareRows(variants);
  if (rows.length === 0) return ['none of them changed anything yet'];
  const names = variants.map((variant) => printable(variant.name));
  const cells = rows.map((row) => row.changes.map(changeCell));
  const totals = variants.map((variant) => `${variant.files.length} file${variant.files.length === 1 ? '' : 's'}`);
  const widths = names.map((name, i) => Math.max(name.length, totals[i]!.length, checkCell(variants[i]!.check).length, ...cells.map((row) => row[i]!.length)));
  const pathWidth = Math.max(5, ...rows.map((row) => printable(row.path).length));
  const line = (first: string, columns: readonly string[]) => [first.padEnd(pathWidth), ...columns.map((cell, i) => cell.padEnd(widths[i]!))].join('  ').trimEnd();
  const checks = variants.some((variant) => variant.check) ? [line('check', variants.map((variant) => checkCell(variant.check)))] : [];
  return [line('file', names), ...rows.map((row, r) => line(printable(row.path), cells[r]!)), line('total', totals), ...checks];
}

/** A check as a cell: `✓ 3a4b5c6` (passed at that commit), `✗ exit 1`, `·` when never checked. */
export function checkCell(check: CheckResult | undefined): string {
  if (!check) return '·';
  return check.passed ? `✓ ${check.commit}` : `✗ exit ${check.exitCode}`;
}
