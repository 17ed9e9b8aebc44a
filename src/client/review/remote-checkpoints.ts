/** A workspace session's checkpoints on a grove server, through its socket (what C-b U asks). */
import type { Checkpoint, UndoOptions, UndoOutcome } from '../../core/checkpoints/checkpoint.js';
import type { CheckpointPort } from '../../core/checkpoints/checkpoint-port.js';
import type { SessionDiff } from '../../core/git/review.js';
import type { MoveOptions, MoveOutcome } from '../../core/move/move.js';
import type { Requester } from '../remote-host.js';

export class RemoteCheckpoints implements CheckpointPort {
  constructor(private readonly host: Requester) {}

  list(session: string): Promise<Checkpoint[]> {
    return this.host.request('checkpoints', { session });
  }

  diff(session: string, turn: number): Promise<SessionDiff> {
    return this.host.request('diff', { session, turn });
  }

  undo(session: string, options: UndoOptions): Promise<UndoOutcome> {
    return this.host.request('undo', { session, ...options });
  }

  move(session: string, options: MoveOptions): Promise<MoveOutcome> {
    return this.host.request('move', { session, ...options });
  }
}
