/**
 * A conflict handed back: when bringing a worktree session's branch up to date with its base conflicts,
 * grove can leave the conflict in the session's own worktree (never the user's checkout) and give it to
 * the agent that made the branch, as a prompt naming the files and the two sides. When the agent's turn
 * ends grove looks again — is a merge still in progress, are files still conflicted — and says whether it
 * is now clean (SessionInfo.handedBack), in the sidebar and `grove ls`.
 */
import type { HandBack } from '../session/session.js';
import { printable } from '../text/terminal-text.js';

/** What the agent is told. */
export function handBackPrompt(base: string, branch: string, files: readonly string[]): string {
  return `Merging ${base} into this branch (${branch}) stopped on conflicts in ${files.join(', ')}. ` +
    `Resolve them keeping the intent of both sides: this branch's changes and ${base}'s. ` +
    'Then stage the files (git add) and conclude the merge with git commit --no-edit.';
}

/** How the hand-back stands, for the sidebar and `grove ls`: `conflict with the agent`, `conflict resolved`. */
export function handBackNote(handedBack: HandBack | undefined): string | undefined {
  if (!handedBack) return undefined;
  const files = handedBack.files.map(printable).join(', ');
  return handedBack.state === 'resolved' ? `conflict resolved (${files})` : `conflict ${handedBack.state} (${files})`;
}

/** The same in a word or two, for the sidebar's narrow line. */
export function handBackLabel(handedBack: HandBack | undefined): string | undefined {
  if (!handedBack) return undefined;
  return { 'with the agent': 'conflict→agent', resolved: 'resolved', 'still conflicted': 'conflicted' }[handedBack.state];
}
