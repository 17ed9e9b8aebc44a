/**
 * A session's review comments on the server: kept on lines of its diff (each quoting the lines it is
 * about, so the agent reads them without opening the file), dropped, and typed to its agent as one
 * prompt. Sent comments stay on the session, marked sent, until the turn they started ends
 * (hosted-session.ts drops them then), so the diff view shows what the agent was asked.
 */
import type { SessionDiff } from '../../core/git/review.js';
import { quoteFromDiff } from '../../core/review/diff-document.js';
import { commentProblem, feedbackPrompt, keptComment, placeLabel, unsent, type CommentChange, type ReviewComment } from '../../core/review/feedback.js';
import { isRunning, type SessionInfo } from '../../core/session/session.js';
import type { LocalSessionHost } from '../local-host.js';

/** Adds a comment (its quote read from the diff when the client sent none) or drops some; answers them as they now are. */
export async function changeComments(host: LocalSessionHost, session: SessionInfo, change: CommentChange, diff: () => Promise<SessionDiff>): Promise<ReviewComment[]> {
  const comments = [...(session.comments ?? [])];
  if ('drop' in change) {
    if (change.drop === 'all') comments.length = 0;
    else if (!comments[change.drop]) throw new Error(`${session.name} has no comment ${change.drop + 1}`);
    else comments.splice(change.drop, 1);
  } else {
    const problem = commentProblem(change.add, comments.length);
    if (problem) throw new Error(`not kept: ${problem}`);
    let { quote } = change.add;
    if (!quote.length) {
      quote = quoteFromDiff((await diff()).files, change.add) ?? [];
      if (!quote.length) throw new Error(`not kept: ${placeLabel(change.add)} is not a line of what ${session.name} changed (grove diff ${session.name})`);
    }
    comments.push(keptComment({ ...change.add, quote }));
  }
  host.setComments(session.id, comments);
  return comments;
}

/** Types the unsent comments to the agent as one prompt, then marks them sent. */
export async function sendComments(host: LocalSessionHost, session: SessionInfo): Promise<{ sent: number }> {
  const waiting = unsent(session.comments);
  if (!waiting.length) throw new Error(`${session.name} has no comments to send: c on a line of its diff (C-b D), or grove feedback ${session.name} FILE:LINE TEXT`);
  if (!isRunning(session)) throw new Error(`${session.name} has exited: grove relaunch ${session.name} first, and its comments wait`);
  await host.submit(session.id, feedbackPrompt(waiting), true);
  const now = host.list().find((s) => s.id === session.id);
  host.setComments(session.id, (now?.comments ?? []).map((comment) => ({ ...comment, sent: true })));
  return { sent: waiting.length };
}
