/**
 * The review loop over the server's socket: each method of the ReviewPort is one request in the
 * protocol's table, answered with the plain records of src/core/git/review.ts.
 */
import type { PruneChoices, PruneItemResult, PruneScan } from '../../core/git/prune-report.js';
import type { MergeOptions, RemoveOutcome, SessionDiff } from '../../core/git/review.js';
import type { MergeResult, MergeReview, RemovalReport, ReviewPort, SessionRemoveOptions, TurnCommit } from '../../core/review/review-port.js';
import type { RemoteHost } from '../remote-host.js';

export class RemoteReview implements ReviewPort {
  constructor(private readonly host: RemoteHost) {}

  async diff(session: string): Promise<SessionDiff> {
    return (await this.host.request('diff', { session })) as SessionDiff;
  }

  async previewMerge(session: string): Promise<MergeReview> {
    return (await this.host.request('mergePreview', { session })) as MergeReview;
  }

  async merge(session: string, options: MergeOptions): Promise<MergeResult> {
    return (await this.host.request('merge', { session, ...options })) as MergeResult;
  }

  async removalReport(session: string): Promise<RemovalReport> {
    return (await this.host.request('removalReport', { session })) as RemovalReport;
  }

  async remove(session: string, { alsoEnd, ...options }: SessionRemoveOptions): Promise<RemoveOutcome> {
    const plain = { session, ...options, ...(alsoEnd ? { alsoEnd: [...alsoEnd] } : {}) };
    return (await this.host.request('removeWorktree', plain)) as RemoveOutcome;
  }

  async pruneScan(folder: string): Promise<PruneScan> {
    return (await this.host.request('pruneScan', { folder })) as PruneScan;
  }

  async prune(folder: string, choices: PruneChoices): Promise<PruneItemResult[]> {
    const plain = {
      ...(choices.worktrees ? { worktrees: [...choices.worktrees] } : {}),
      ...(choices.missing ? { missing: [...choices.missing] } : {}),
      ...(choices.branches ? { branches: [...choices.branches] } : {}),
    };
    return (await this.host.request('prune', { folder, choices: plain })) as PruneItemResult[];
  }

  async commitTurn(session: string): Promise<TurnCommit> {
    return (await this.host.request('commitTurn', { session })) as TurnCommit;
  }
}
