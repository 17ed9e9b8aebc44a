/**
 * Review comments: what the user says about lines of a session's diff, collected on the session and typed
 * to its agent as one prompt (`Enter` in the diff view, `grove feedback S`).
 *
 * A comment sits on a line, or a range of lines, of one side of a file's patch: the new side for added and
 * context lines, the old side for removed ones. It carries the lines it quotes, so the prompt shows the
 * agent exactly what the user saw. Once sent a comment stays, marked sent, until the agent's next turn
 * ends (HostedSession drops it then), so the user can read the round back while the agent works on it.
 *
 * Everything here comes from outside (a user's text, a repository's lines), so sizes are bounded and the
 * text is made printable before it is kept.
 */
import { printable } from '../text/terminal-text.js';
import type { DiffLine } from './diff-document.js';

export type CommentSide = 'new' | 'old';

/** Where a comment points: a file, its first and last line (1-based), and which side of the patch. */
export interface CommentPlace {
  readonly path: string;
  readonly line: number;
  readonly endLine: number;
  readonly side: CommentSide;
}

export interface ReviewComment extends CommentPlace {
  readonly text: string;
  /** The lines commented on, as the diff showed them (without the +/- column). */
  readonly quote: readonly string[];
  /** Typed to the agent; dropped when its turn ends. */
  readonly sent?: boolean;
}

/** A change to a session's comments: one added, or ones dropped (by index, or all of them). */
export type CommentChange =
  | { readonly add: Omit<ReviewComment, 'sent'> }
  | { readonly drop: number | 'all' };

export const MAX_COMMENTS = 100;
export const MAX_COMMENT_CHARS = 2000;
export const MAX_QUOTE_LINES = 12;
const MAX_QUOTE_CHARS = 400;
const MAX_PATH_CHARS = 1000;

/** `src/app.ts:12` or `src/app.ts:12-14` (a trailing `-` names the old side: `src/app.ts:-12`). */
export function parseCommentPlace(text: string): CommentPlace | string {
  const match = /^(.+):(-?)(\d+)(?:-(\d+))?$/u.exec(text);
  if (!match) return `${JSON.stringify(text)} is not FILE:LINE or FILE:FIRST-LAST`;
  const [, path, old, first, last] = match;
  const line = Number(first);
  const endLine = last === undefined ? line : Number(last);
  const place = { path: path!, line, endLine, side: old ? 'old' as const : 'new' as const };
  return placeProblem(place) ?? place;
}

/** Why a comment cannot be kept, or undefined. */
export function commentProblem(comment: Omit<ReviewComment, 'sent'>, already: number): string | undefined {
  if (already >= MAX_COMMENTS) return `a session keeps at most ${MAX_COMMENTS} comments: send or drop some first`;
  if (!comment.text.trim()) return 'a comment needs some text';
  if (comment.text.length > MAX_COMMENT_CHARS) return `a comment is at most ${MAX_COMMENT_CHARS} characters`;
  return placeProblem(comment);
}

function placeProblem(place: CommentPlace): string | undefined {
  const { path, line, endLine } = place;
  if (!path || path.length > MAX_PATH_CHARS || path.startsWith('/') || path.split('/').includes('..')) {
    return `${JSON.stringify(path.slice(0, 80))} is not a path inside the repository`;
  }
  if (!Number.isSafeInteger(line) || line < 1 || !Number.isSafeInteger(endLine) || endLine < line) {
    return `lines ${line}-${endLine} are not a range of lines (the first is 1)`;
  }
  return undefined;
}

/** The comment as kept: printable text, quote bounded. */
export function keptComment(comment: Omit<ReviewComment, 'sent'>): ReviewComment {
  const quote = comment.quote.slice(0, MAX_QUOTE_LINES).map((line) => printable(line).slice(0, MAX_QUOTE_CHARS));
  return { path: comment.path, line: comment.line, endLine: comment.endLine, side: comment.side, text: printable(comment.text.trim()), quote };
}

/** `src/app.ts:12-14`, with `(removed)` for the old side. */
export function placeLabel(place: CommentPlace): string {
  const lines = place.endLine > place.line ? `${place.line}-${place.endLine}` : `${place.line}`;
  return `${place.path}:${lines}${place.side === 'old' ? ' (removed lines)' : ''}`;
}

/** The one prompt a review round types to the agent. */
export function feedbackPrompt(comments: readonly ReviewComment[]): string {
  const blocks = comments.map((comment, index) => [
    `${index + 1}. ${placeLabel(comment)}`,
    ...comment.quote.map((line) => `   > ${line}`),
    ...comment.text.split('\n').map((line) => `   ${line}`),
  ].join('\n'));
  const many = comments.length > 1;
  return [
    `Review comment${many ? 's' : ''} on your changes. Address ${many ? 'each one' : 'it'}:`,
    '',
    blocks.join('\n\n'),
  ].join('\n');
}

/** The comments not yet typed to the agent. */
export function unsent(comments: readonly ReviewComment[] | undefined): ReviewComment[] {
  return (comments ?? []).filter((comment) => !comment.sent);
}


/**
 * What a comment on the selected lines of the diff view points at and quotes: the lines must be lines of
 * one file's patch, on one side (added and context lines, or removed ones); comment lines are skipped.
 */
export function selectionComment(selected: readonly DiffLine[]): { place: CommentPlace; quote: string[] } | string {
  const lines = selected.filter((line) => line.kind !== 'comment');
  const places = lines.map((line) => line.at);
  const first = places[0];
  if (!first || places.some((at) => !at)) return 'c comments on lines of a patch: put the cursor on an added, removed or unchanged line';
  if (places.some((at) => at!.path !== first.path || at!.side !== first.side)) return 'a comment covers lines of one file, all added and unchanged or all removed';
  const numbers = places.map((at) => at!.line);
  const place = { path: first.path, line: Math.min(...numbers), endLine: Math.max(...numbers), side: first.side };
  return { place, quote: lines.slice(0, MAX_QUOTE_LINES).map((line) => line.text.slice(1)) };
}
