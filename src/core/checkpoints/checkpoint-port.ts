/**
 * What the UI asks of a workspace session's checkpoints, and of a move that carries its checkpointed files (the server's CheckpointService answers, over the
 * socket through the client's RemoteReview, or in process in a test).
 */
import type { SessionDiff } from '../git/review.js';
import type { MoveOptions, MoveOutcome } from '../move/move.js';
import type { Checkpoint, UndoOptions, UndoOutcome } from './checkpoint.js';

export interface CheckpointPort {
  /** The session's checkpoints, oldest first. */
  list(session: string): Promise<Checkpoint[]>;
  /** What one checkpoint changed. */
  diff(session: string, turn: number): Promise<SessionDiff>;
  undo(session: string, options: UndoOptions): Promise<UndoOutcome>;
  /** Moves the session between the checkout and a worktree of its own, with the files its checkpoints say it changed. */
  move(session: string, options: MoveOptions): Promise<MoveOutcome>;
}
