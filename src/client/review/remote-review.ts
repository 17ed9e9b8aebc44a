/**
 * The review loop over the server's socket: each method of the ReviewPort is one request in the
 * protocol's table, answered with the plain records of src/core/git/review.ts.
 */
import type { PruneChoices, PruneItemResult, PruneScan } from '../../core/git/prune-report.js';
import type { MergeOptions, PushOptions, PushOutcome, RemoveOutcome, SessionDiff, SyncOptions, SyncPreview } from '../../core/git/review.js';
import type { MergeResult, MergeReview, RemovalReport, ReviewPort, SessionRemoveOptions, SyncResult, TurnCommit } from '../../core/review/review-port.js';
import type { CommentChange, ReviewComment } from '../../core/review/feedback.js';
import type { CheckResult } from '../../core/session/session.js';
import type { Requester } from '../remote-host.js';

export class RemoteReview implements ReviewPort {
  constructor(private readonly host: Requester) {}

  async diff(session: string): Promise<SessionDiff> {
    return this.host.request('diff', { session });
  }

  async previewMerge(session: string): Promise<MergeReview> {
    return this.host.request('mergePreview', { session });
  }

  async merge(session: string, options: MergeOptions): Promise<MergeResult> {
    return this.host.request('merge', { session, ...options });
  }

  async removalReport(session: string): Promise<RemovalReport> {
    return this.host.request('removalReport', { session });
  }

  async remove(session: string, { alsoEnd, ...options }: SessionRemoveOptions): Promise<RemoveOutcome> {
    const plain = { session, ...options, ...(alsoEnd ? { alsoEnd: [...alsoEnd] } : {}) };
    return this.host.request('removeWorktree', plain);
  }

  async pruneScan(folder: string): Promise<PruneScan> {
    return this.host.request('pruneScan', { folder });
  }

  async prune(folder: string, choices: PruneChoices): Promise<PruneItemResult[]> {
    const plain = {
      ...(choices.worktrees ? { worktrees: [...choices.worktrees] } : {}),
      ...(choices.missing ? { missing: [...choices.missing] } : {}),
      ...(choices.branches ? { branches: [...choices.branches] } : {}),
      ...(choices.sessions ? { sessions: [...choices.sessions] } : {}),
      ...(choices.checkpoints ? { checkpoints: [...choices.checkpoints] } : {}),
    };
    return this.host.request('prune', { folder, choices: plain });
  }

  async commitTurn(session: string): Promise<TurnCommit> {
    return this.host.request('commitTurn', { session });
  }

  async compareFile(a: string, b: string, path: string): Promise<string> {
    return this.host.request('compareFile', { a, b, path });
  }

  async check(session: string): Promise<CheckResult> {
    return this.host.request('check', { session });
  }

  async push(session: string, options: PushOptions): Promise<PushOutcome> {
    return this.host.request('push', { session, ...options });
  }

  async previewSync(session: string): Promise<SyncPreview> {
    return this.host.request('syncPreview', { session });
  }

  async sync(session: string, options: SyncOptions): Promise<SyncResult> {
    return this.host.request('sync', { session, ...options });
  }

  async comment(session: string, change: CommentChange): Promise<ReviewComment[]> {
    const plain = 'add' in change ? { add: { ...change.add, quote: [...change.add.quote] } } : change;
    return this.host.request('comment', { session, change: plain });
  }

  async sendFeedback(session: string): Promise<{ sent: number }> {
    return this.host.request('feedback', { session });
  }
}
