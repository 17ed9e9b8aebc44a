/**
 * When a workspace session's turn starts and ends, read from two successive session lists (as
 * core/review/session-changes.ts reads them for worktree sessions): a turn starts when the status becomes
 * `working`, and ends when it leaves `working`: for `idle` or `waiting`, or because its program exited.
 */
import type { SessionInfo } from '../session/session.js';

export interface WorkspaceTurns {
  readonly started: readonly SessionInfo[];
  readonly ended: readonly SessionInfo[];
}

export function workspaceTurns(before: ReadonlyMap<string, SessionInfo>, after: readonly SessionInfo[]): WorkspaceTurns {
  const started: SessionInfo[] = [];
  const ended: SessionInfo[] = [];
  for (const session of after) {
    if (session.worktree || session.place) continue;
    const previous = before.get(session.id);
    const wasWorking = previous?.status === 'working';
    if (!wasWorking && session.status === 'working') started.push(session);
    else if (wasWorking && session.status !== 'working') ended.push(session);
  }
  return { started, ended };
}
