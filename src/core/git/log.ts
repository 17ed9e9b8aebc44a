/**
 * Commit lists as git prints them for the engine: `git log --format=%H %s` and `git cherry`.
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
