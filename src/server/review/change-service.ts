/**
 * Keeps every worktree session's record carrying what it has changed, which other sessions touched the
 * same files, and which branches it would conflict with — the sidebar's +added/−removed, ahead and badges.
 *
 * One ChangeTracker per worktree session (filesystem events, debounced) produces summaries; overlaps are
 * recomputed from all the summaries of a repository whenever one changes; the conflict matrix of a
 * repository is recomputed, debounced, only when a branch moved (a session's `ahead` or `behind` count
 * changed), since merge-tree runs once per pair. Nothing here polls.
 */
import type { Subscription } from 'rxjs';
import type { Disposable } from '../../core/disposable.js';
import { findOverlaps, type ChangeSummary } from '../../core/review/changes.js';
import type { ConflictReport } from '../../core/review/conflict-report.js';
import type { SessionInfo } from '../../core/session/session.js';
import type { FolderWatcher } from '../../io/watch.js';
import type { LocalSessionHost } from '../local-host.js';
import type { GitPort, WorktreeRecord } from '../worktrees/index.js';
import { ChangeTracker } from './change-tracker.js';
import { conflictMatrix, type ConflictMatrix } from './conflict-matrix.js';

const CONFLICT_DEBOUNCE_MS = 1000;

export class ChangeService implements Disposable {
  private readonly trackers = new Map<string, ChangeTracker>();
  private readonly summaries = new Map<string, ChangeSummary>();
  /** Per session id, the names it conflicts with. */
  private readonly conflicts = new Map<string, readonly string[]>();
  private readonly conflictTimers = new Map<string, NodeJS.Timeout>();
  private readonly subscription: Subscription;

  constructor(
    private readonly host: LocalSessionHost,
    private readonly git: GitPort,
    private readonly watch: FolderWatcher,
    private readonly log: (line: string) => void,
    private readonly repositoryOf: (folder: string) => string,
  ) {
    this.subscription = host.sessions$.subscribe((list) => this.sessionsChanged(list));
  }

  /** The conflict matrix of a repository's worktree sessions, computed now. */
  async matrix(repo: string): Promise<ConflictMatrix> {
    return conflictMatrix(this.git, this.worktreeSessions(repo).map((s) => ({ id: s.id, record: s.worktree! })));
  }

  /** The conflict report, by session name, for the repository holding `folder`. */
  async report(folder: string): Promise<ConflictReport> {
    const repo = this.repositoryOf(folder);
    const matrix = await this.matrix(repo);
    const names = new Map(this.worktreeSessions(repo).map((s) => [s.id, s.name]));
    const name = (id: string) => names.get(id) ?? id;
    return {
      sessions: [...names.values()],
      conflicts: matrix.pairs.filter((p) => p.conflicts.length).map((p) => ({ a: name(p.a), b: name(p.b), files: p.conflicts })),
      order: matrix.order.order.map(name),
      complete: matrix.order.complete,
      stuck: matrix.order.stuck.map(name),
    };
  }

  dispose(): void {
    this.subscription.unsubscribe();
    for (const tracker of this.trackers.values()) tracker.dispose();
    this.trackers.clear();
    for (const timer of this.conflictTimers.values()) clearTimeout(timer);
  }

  private sessionsChanged(list: readonly SessionInfo[]): void {
    const present = new Set<string>();
    for (const session of list) {
      if (!session.worktree || session.status === 'dead') continue;
      present.add(session.id);
      const current = this.trackers.get(session.id);
      if (current && sameWorktree(current.record, session.worktree)) continue;
      // A new session, or one whose record moved (a rebase merge gave it a new base commit): count afresh.
      current?.dispose();
      const tracker = new ChangeTracker(this.git, { id: session.id, record: session.worktree }, this.watch,
        (summary) => this.summarised(session.id, session.worktree!.repoPath, summary), this.log);
      this.trackers.set(session.id, tracker);
    }
    for (const [id, tracker] of this.trackers) {
      if (present.has(id)) continue;
      tracker.dispose();
      this.trackers.delete(id);
      this.summaries.delete(id);
      this.conflicts.delete(id);
    }
  }

  private summarised(id: string, repo: string, summary: ChangeSummary): void {
    const before = this.summaries.get(id);
    this.summaries.set(id, summary);
    if (!before || before.ahead !== summary.ahead || before.behind !== summary.behind) this.scheduleConflicts(repo);
    this.publish(repo);
  }

  private worktreeSessions(repo: string): SessionInfo[] {
    return this.host.list().filter((s) => s.worktree?.repoPath === repo && s.status !== 'dead');
  }

  /** Writes each of the repository's sessions' changes, with overlaps and conflicts by name, into its record. */
  private publish(repo: string): void {
    const sessions = this.worktreeSessions(repo);
    const names = new Map(sessions.map((s) => [s.id, s.name]));
    const touched = new Map(sessions.flatMap((s) => {
      const summary = this.summaries.get(s.id);
      return summary ? [[s.id, summary.touched] as const] : [];
    }));
    const overlaps = findOverlaps(touched);
    for (const session of sessions) {
      const summary = this.summaries.get(session.id);
      if (!summary) continue;
      const { touched: _touched, ...counts } = summary;
      this.host.setChanges(session.id, {
        ...counts,
        overlaps: (overlaps.get(session.id)?.sessions ?? []).map((id) => names.get(id) ?? id),
        conflicts: this.conflicts.get(session.id) ?? [],
      });
    }
  }

  private scheduleConflicts(repo: string): void {
    if (this.conflictTimers.has(repo)) return;
    this.conflictTimers.set(repo, setTimeout(() => {
      this.conflictTimers.delete(repo);
      void this.recomputeConflicts(repo);
    }, CONFLICT_DEBOUNCE_MS));
  }

  private async recomputeConflicts(repo: string): Promise<void> {
    try {
      const matrix = await this.matrix(repo);
      const names = new Map(this.worktreeSessions(repo).map((s) => [s.id, s.name]));
      const found = new Map<string, Set<string>>();
      const note = (id: string, other: string) => (found.get(id) ?? found.set(id, new Set()).get(id)!).add(other);
      for (const pair of matrix.pairs) {
        if (pair.conflicts.length === 0) continue;
        note(pair.a, names.get(pair.b) ?? pair.b);
        if (pair.b !== 'base') note(pair.b, names.get(pair.a) ?? pair.a);
      }
      for (const id of names.keys()) this.conflicts.set(id, [...(found.get(id) ?? [])].sort());
      this.publish(repo);
    } catch (error) {
      this.log(`cannot compute the conflict matrix of ${repo}: ${(error as Error).message}`);
    }
  }
}

function sameWorktree(a: WorktreeRecord, b: WorktreeRecord): boolean {
  return a.repoPath === b.repoPath && a.worktreePath === b.worktreePath && a.branch === b.branch
    && a.baseBranch === b.baseBranch && a.baseCommit === b.baseCommit;
}
