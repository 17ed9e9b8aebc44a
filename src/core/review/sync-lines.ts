/**
 * What `grove sync` and `C-b u` say: the preview (what comes in from the base, whether it would conflict)
 * and the outcome, as lines for the command line and the status bar alike.
 */
import type { SyncOutcome, SyncPreview } from '../git/review.js';
import { printable } from '../text/terminal-text.js';
import { mergedWords } from '../git/loss.js';
import type { SyncResult } from './review-port.js';
import { cleanupLine } from './summaries.js';

export function syncPreviewLines(branch: string, preview: SyncPreview): string[] {
  const base = printable(preview.baseBranch);
  if (!preview.behind.length) return [`${printable(branch)} is up to date with ${base}`];
  const count = `${preview.behind.length} commit${preview.behind.length === 1 ? '' : 's'}`;
  return [
    `${printable(branch)} ← ${base}: ${count} to bring in`,
    ...preview.behind.slice(0, 10).map((commit) => `  ${commit.sha.slice(0, 8)} ${printable(commit.subject)}`),
    ...(preview.behind.length > 10 ? [`  … and ${preview.behind.length - 10} more`] : []),
    preview.clean ? '✓ comes in cleanly' : `✗ would conflict in ${preview.conflicts.map(printable).join(', ')}`,
  ];
}

export function syncOutcomeLine(branch: string, base: string, outcome: SyncOutcome): string {
  const [b, from] = [printable(branch), printable(base)];
  switch (outcome.kind) {
    case 'synced': return `${b} has ${from}'s work now (${outcome.mode === 'merge' ? 'merged in' : 'rebased onto it'})`;
    case 'up-to-date': return `${b} is up to date with ${from}`;
    case 'conflict-aborted': return `not synced: ${from} conflicts with ${b} in ${outcome.files.map(printable).join(', ')}; everything is as it was`;
    case 'conflict-left': return `conflict left in ${printable(outcome.where)} to resolve: ${outcome.files.map(printable).join(', ')}`;
  }
}

/** The outcome, then — when the base turned out to hold all of the branch's work — that it is done, and the cleanup. */
export function syncResultLines(branch: string, base: string, result: SyncResult): string[] {
  const lines = [syncOutcomeLine(branch, base, result)];
  if (result.done) lines.push(`${printable(branch)} is done: ${mergedWords(result.done, printable(base))}`);
  if (result.cleanup) lines.push(cleanupLine(result.cleanup, { branch }));
  return lines;
}

/** Said when a conflict went to the agent. */
export function handBackLine(session: string, files: readonly string[]): string {
  return `handed the conflict in ${files.map(printable).join(', ')} to ${printable(session)}'s agent; grove looks again when its turn ends`;
}
