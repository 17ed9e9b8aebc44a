/**
 * The review loop's rows of the server's request table (request-table.ts): each names its session the
 * way every request does and hands it to the review service. Creating a session is routed here too,
 * since worktree isolation means making a worktree before the program starts.
 */
import type { RequestMethod } from '../../core/protocol/requests.js';
import type { CreateSessionRequest } from '../../core/session/host.js';
import type { SessionInfo } from '../../core/session/session.js';
import type { Handler, RequestContext } from '../request-table.js';
import { checkpointsOf } from '../checkpoints/checkpoint-requests.js';
import type { ReviewService } from './review-service.js';

type ReviewMethod = Extract<
  RequestMethod,
  'diff' | 'mergePreview' | 'merge' | 'removalReport' | 'removeWorktree' | 'pruneScan' | 'prune' | 'commitTurn' | 'compareFile' | 'check' | 'push' | 'syncPreview' | 'sync' | 'comment' | 'feedback'
>;

function reviewOf(context: RequestContext): ReviewService {
  if (!context.review) throw new Error('this grove server has no worktree support');
  return context.review;
}

export const REVIEW_HANDLERS: { [M in ReviewMethod]: Handler<M> } = {
  diff: async ({ session, turn }, context) =>
    turn === undefined ? reviewOf(context).diff(context.resolve(session)) : checkpointsOf(context).diff(context.resolve(session), turn),
  mergePreview: async ({ session }, context) => reviewOf(context).previewMerge(context.resolve(session)),
  merge: async ({ session, ...options }, context) => reviewOf(context).merge(context.resolve(session), options),
  removalReport: async ({ session }, context) => reviewOf(context).removalReport(context.resolve(session)),
  removeWorktree: async ({ session, ...options }, context) => reviewOf(context).remove(context.resolve(session), options),
  pruneScan: async ({ folder }, context) => {
    const scan = await reviewOf(context).pruneScan(folder);
    const keepDays = (await reviewOf(context).settings(folder)).checkpointDays;
    return { ...scan, checkpoints: context.checkpoints ? await context.checkpoints.stale(folder, keepDays) : [] };
  },
  prune: async ({ folder, choices: { checkpoints = [], ...choices } }, context) => [
    ...await reviewOf(context).prune(folder, choices),
    ...checkpoints.length ? await checkpointsOf(context).prune(folder, checkpoints.map((c) => c.owner)) : [],
  ],
  commitTurn: async ({ session }, context) => reviewOf(context).commitTurn(context.resolve(session)),
  compareFile: async ({ a, b, path }, context) => reviewOf(context).compareFile(context.resolve(a), context.resolve(b), path),
  check: async ({ session }, context) => reviewOf(context).check(context.resolve(session)),
  push: async ({ session, ...options }, context) => reviewOf(context).push(context.resolve(session), options),
  syncPreview: async ({ session }, context) => reviewOf(context).previewSync(context.resolve(session)),
  sync: async ({ session, ...options }, context) => reviewOf(context).sync(context.resolve(session), options),
  comment: async ({ session, change }, context) => reviewOf(context).comment(context.resolve(session), change),
  feedback: async ({ session }, context) => reviewOf(context).sendFeedback(context.resolve(session)),
};

/** A workspace session starts at once; a worktree session gets its worktree first. */
export async function createSession(request: CreateSessionRequest, context: RequestContext): Promise<SessionInfo> {
  if (request.isolation === 'worktree') return reviewOf(context).createSession(request);
  if (request.branch !== undefined || request.base !== undefined || request.plan !== undefined) {
    throw new Error('a branch, base or plan is for worktree isolation; a workspace session works on the checkout as it is');
  }
  return context.host.create(request);
}
