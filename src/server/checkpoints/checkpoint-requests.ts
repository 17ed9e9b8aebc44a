/** The checkpoint rows of the server's request table (request-table.ts), handed to the checkpoint service. */
import type { RequestMethod } from '../../core/protocol/requests.js';
import type { Handler, RequestContext } from '../request-table.js';
import type { CheckpointService } from './checkpoint-service.js';

export function checkpointsOf(context: RequestContext): CheckpointService {
  if (!context.checkpoints) throw new Error('this grove server keeps no checkpoints');
  return context.checkpoints;
}

export const CHECKPOINT_HANDLERS: { [M in Extract<RequestMethod, 'checkpoints' | 'undo'>]: Handler<M> } = {
  checkpoints: async ({ session }, context) => checkpointsOf(context).list(context.resolve(session)),
  undo: async ({ session, ...options }, context) => checkpointsOf(context).undo(context.resolve(session), options),
};
