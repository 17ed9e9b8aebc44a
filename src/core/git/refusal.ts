/**
 * Refusals: the worktree engine's "no", as data.
 *
 * Every operation that declines to act, or that git declined for it, throws a WorktreeRefusal: a code the
 * caller can switch on (offer workspace isolation, ask the user to confirm a loss) and a one-line message a
 * person can read as is. Nothing is ever retried in a riskier way behind the caller's back.
 */

export type RefusalCode =
  // Creating a worktree.
  | 'not-a-repository'
  | 'bare-repository'
  | 'no-commits'
  | 'detached-head'
  | 'bad-name'
  | 'bad-ref'
  | 'branch-exists'
  | 'branch-checked-out'
  | 'target-exists'
  | 'outside-root'
  // Using one.
  | 'not-a-worktree'
  | 'main-checkout'
  | 'wrong-branch'
  | 'base-not-a-branch'
  | 'staged-changes'
  | 'dirty-files'
  | 'operation-in-progress'
  | 'would-lose-work'
  | 'locked'
  | 'bad-path'
  // Git itself said no; the message carries git's own reason.
  | 'git-failed';

export class WorktreeRefusal extends Error {
  override readonly name = 'WorktreeRefusal';

  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
  }
}

/** "a.txt", "a.txt and b.txt", "a.txt, b.txt, c.txt and 4 more": paths for a one-line message. */
export function listForMessage(items: readonly string[], shown = 3): string {
  if (items.length === 0) return 'nothing';
  if (items.length === 1) return items[0]!;
  if (items.length <= shown) return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
  return `${items.slice(0, shown).join(', ')} and ${items.length - shown} more`;
}

/** "1 file", "3 files". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** git's own explanation of a failure, on one line: its "fatal:"/"error:" line if any, else its first line. */
export function gitReason(output: string): string | undefined {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const line = lines.find((l) => /^(fatal|error):/.test(l)) ?? lines[0];
  return line?.replace(/^(fatal|error):\s*/, '');
}
