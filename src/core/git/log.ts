/**
 * Commit lists as git prints them for the engine: `git log --format=%H %s`, `git cherry`, and the raw
 * changes (`--raw`: modes, blob ids, status and path per file) of a diff or of each commit in a log.
 *
 * A subject is a single line by construction (%s joins the first paragraph), so one commit per line and
 * the first space after the hash are unambiguous.
 */
import type { CommitSummary } from './loss.js';

/** The format argument that goes with parseCommitLines. */
export const COMMIT_LINE_FORMAT = '--format=%H %s';

export function parseCommitLines(output: string): CommitSummary[] {
  const commits: CommitSummary[] = [];
  for (const line of output.split('\n')) {
    const match = /^([0-9a-f]{40,64})(?: (.*))?$/.exec(line);
    if (match) commits.push({ sha: match[1]!, subject: match[2] ?? '' });
  }
  return commits;
}

/** `git cherry <upstream> <head>`: the shas marked "+", i.e. with no equivalent patch upstream. */
export function parseCherryUnmatched(output: string): Set<string> {
  const unmatched = new Set<string>();
  for (const line of output.split('\n')) {
    const match = /^\+ ([0-9a-f]{40,64})/.exec(line);
    if (match) unmatched.add(match[1]!);
  }
  return unmatched;
}

/** The format argument that goes with parseRawLog: a NUL before each commit's raw lines. */
export const RAW_LOG_FORMAT = '--format=%x00%H';

/** A diff's raw lines (`git diff-tree -r --raw`), sorted, so two diffs that change the same compare equal. */
export function rawChanges(output: string): string {
  return output.split('\n').filter((line) => line.startsWith(':')).sort().join('\n');
}

/** `git log --raw` with RAW_LOG_FORMAT: each commit's raw changes, as rawChanges gives them. */
export function parseRawLog(output: string): string[] {
  return output.split('\0').slice(1).map((entry) => rawChanges(entry));
}
