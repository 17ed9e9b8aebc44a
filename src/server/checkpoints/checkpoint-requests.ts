/** The checkpoint rows of the server's request table (request-table.ts), handed to the checkpoint service, and moves, which carry a session's checkpointed files. */
import type { RequestMethod } from '../../core/protocol/requests.js';
import type { Handler, RequestContext } from '../request-table.js';
import type { CheckpointService } from './checkpoint-service.js';

export function checkpointsOf(context: RequestContext): CheckpointService {
  if (!context.checkpoints) throw new Error('this grove server keeps no checkpoints');
  return context.checkpoints;
}

export const CHECKPOINT_HANDLERS: { [M in Extract<RequestMethod, 'checkpoints' | 'undo' | 'move'>]: Handler<M> } = {
  checkpoints: async ({ session }, context) => checkpointsOf(context).list(context.resolve(session)),
  undo: async ({ session, ...options }, context) => checkpointsOf(context).undo(context.resolve(session), options),
  move: async ({ session, ...options }, context) => {
    if (!context.moves) throw new Error('this grove server does not move sessions');
    return context.moves.move(context.resolve(session), options, context.clientEnv);
  },
};
