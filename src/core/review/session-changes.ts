/**
 * When a worktree session's turn ends, and when it is gone: read from two successive session lists.
 *
 * The server publishes the whole list whenever any session changes, so comparing each list with the one
 * before says what happened to whom. A turn ends when an agent stops working — its status goes from
 * `working` to `idle` (done) or `waiting` (it needs the user) — and also when its program exits. A
 * session is gone when it leaves the list (killed, removed, or its server stopping).
 */
import { isRunning, type SessionInfo } from '../session/session.js';

export type SessionChange =
  | { readonly kind: 'turn-ended'; readonly session: SessionInfo }
  | { readonly kind: 'exited'; readonly session: SessionInfo }
  | { readonly kind: 'gone'; readonly session: SessionInfo };

/** What happened to worktree sessions between `before` (by id) and `after`. */
export function worktreeSessionChanges(
  before: ReadonlyMap<string, SessionInfo>,
  after: readonly SessionInfo[],
): SessionChange[] {
  const changes: SessionChange[] = [];
  const present = new Set<string>();
  for (const session of after) {
    present.add(session.id);
    const previous = before.get(session.id);
    if (!session.worktree || !previous) continue;
    if (previous.status === 'working' && (session.status === 'idle' || session.status === 'waiting')) {
      changes.push({ kind: 'turn-ended', session });
    } else if (isRunning(previous) && session.status === 'exited') {
      changes.push({ kind: 'exited', session });
    }
  }
  for (const [id, session] of before) {
    if (!present.has(id) && session.worktree) changes.push({ kind: 'gone', session });
  }
  return changes;
}
