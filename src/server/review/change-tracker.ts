/**
 * Keeps each worktree session's ChangeSummary current, driven by filesystem events only.
 *
 * A session's summary can change when files in its worktree change, or when a branch moves (a commit in
 * the worktree, a merge into the base). Both show up as filesystem events: the worktree itself, and the
 * repository's reflogs under `.git/logs`, which git appends to on every ref update. Events are coalesced:
 * the first starts a DEBOUNCE_MS timer and the summary is recomputed once when it fires (and once more
 * if events arrived while git was running). With nothing changing there is no timer and no git process,
 * whatever the number of sessions.
 */
import { join } from 'node:path';
import { DisposableStore, toDisposable, type Disposable } from '../../core/disposable.js';
import { sameSummary, type ChangeSummary } from '../../core/review/changes.js';
import type { FolderWatcher } from '../../io/watch.js';
import type { GitPort, WorktreeRecord } from '../worktrees/index.js';
import { changeSummary } from './change-summary.js';

const DEBOUNCE_MS = 300;

export interface TrackedWorktree {
  readonly id: string;
  readonly record: WorktreeRecord;
}

export class ChangeTracker implements Disposable {
  private readonly disposables = new DisposableStore();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private again = false;
  private last: ChangeSummary | undefined;

  constructor(
    private readonly git: GitPort,
    private readonly worktree: TrackedWorktree,
    watch: FolderWatcher,
    private readonly publish: (summary: ChangeSummary) => void,
    private readonly log: (line: string) => void,
  ) {
    const changed = (path: string) => {
      // The worktree's .git is a file pointing elsewhere; its own churn says nothing about the work.
      if (path === '.git' || path.startsWith('.git/')) return;
      this.schedule();
    };
    const failed = (error: Error) => this.log(`cannot watch for changes (${worktree.record.worktreePath}): ${error.message}`);
    this.disposables.add(watch(worktree.record.worktreePath, changed, failed));
    this.disposables.add(watch(join(worktree.record.repoPath, '.git', 'logs'), () => this.schedule(), failed));
    this.disposables.add(toDisposable(() => this.timer && clearTimeout(this.timer)));
    this.schedule();
  }

  /** The worktree it counts, as its session's record said when it started. */
  get record(): WorktreeRecord {
    return this.worktree.record;
  }

  get summary(): ChangeSummary | undefined {
    return this.last;
  }

  dispose(): void {
    this.disposables.dispose();
  }

  private schedule(): void {
    if (this.disposables.isDisposed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.recount();
    }, DEBOUNCE_MS);
  }

  private async recount(): Promise<void> {
    this.running = true;
    try {
      const summary = await changeSummary(this.git, this.worktree.record);
      if (!this.disposables.isDisposed && !sameSummary(summary, this.last)) {
        this.last = summary;
        this.publish(summary);
      }
    } catch (error) {
      this.log(`cannot count the changes of ${this.worktree.record.branch}: ${(error as Error).message}`);
    } finally {
      this.running = false;
      if (this.again) {
        this.again = false;
        this.schedule();
      }
    }
  }
}
