/**
 * The review loop on the server: worktree sessions made, diffed, merged, removed and pruned, and their
 * turns committed — the worktree engine (src/server/worktrees) bound to the sessions the host owns.
 *
 * Each request reads the settings of the session's repository afresh (a repository's .grove/config.json
 * may change while the server runs) and makes an engine for them. Writes to a repository go through its
 * queue (repo-queues.ts). The service also watches the session list: a worktree session whose turn ends
 * or whose program exits gets its changes committed on its branch, and one that is gone (killed, or its
 * server stopping) has its worktree unlocked, as a worktree is locked only while its session lives.
 */
import type { Subscription } from 'rxjs';
import { describeLoss, losesCommits, losesWorktreeWork, type LossReport } from '../../core/git/loss.js';
import type { PruneChoices, PruneItemResult, PruneScan } from '../../core/git/prune-report.js';
import { WorktreeRefusal } from '../../core/git/refusal.js';
import type { MergeOptions, RemoveOptions, RemoveOutcome, SessionDiff, WorktreeRecord } from '../../core/git/review.js';
import type { Cleanup, MergeResult, MergeReview, RemovalReport, ReviewPort, SessionRemoveOptions, SyncResult, TurnCommit } from '../../core/review/review-port.js';
import { worktreeSessionChanges, type SessionChange } from '../../core/review/session-changes.js';
import { lastTurnIn, turnMessage, type ReviewSettings } from '../../core/review/settings.js';
import type { CreateSessionRequest } from '../../core/session/host.js';
import type { CheckResult, SessionInfo } from '../../core/session/session.js';
import type { LocalSessionHost } from '../local-host.js';
import { WorktreeEngine, type GitPort, type WorktreeFiles } from '../worktrees/index.js';
import type { PushOptions, PushOutcome, SyncOptions, SyncPreview } from '../../core/git/review.js';
import { handBackPrompt } from '../../core/review/hand-back.js';
import type { CommentChange, ReviewComment } from '../../core/review/feedback.js';
import { changeComments, sendComments } from './review-comments.js';
import { assertAnnounced, DEFAULT_END_WITHIN_MS, endOccupants, endSession, occupantsOf } from './occupants.js';
import { didWork, mergedSessions, workMerged } from './merged-sessions.js';
import { removeOutcomeLine } from '../../core/review/summaries.js';
import { RepoQueues } from './repo-queues.js';
import { createWorktreeSession } from './worktree-session.js';

export interface ReviewServiceOptions {
  readonly host: LocalSessionHost;
  readonly git: GitPort;
  readonly files: WorktreeFiles;
  /** The review settings of the repository holding `folder`; rejects when its configuration is broken. */
  settings(folder: string): Promise<ReviewSettings>;
  /** The main checkout of the repository holding `folder` (or the folder itself outside git). */
  repositoryOf(folder: string): string;
  log(line: string): void;
  /** How long a session being removed gets to exit before the removal is refused (default 10 s). */
  readonly endWithinMs?: number;
  /** Runs the repository's check command in a folder (io/check-run.ts); without it, checks are refused. */
  runCheck?(cwd: string, command: string): Promise<{ readonly exitCode: number; readonly output: string }>;
}

export interface Bound {
  readonly engine: WorktreeEngine;
  readonly settings: ReviewSettings;
}

export class ReviewService implements ReviewPort {
  private readonly queues = new RepoQueues();
  private readonly watch: Subscription;
  private known = new Map<string, SessionInfo>();
  /** Per session, the number of its last turn commit: read from its branch first (ownCommitMessages), then counted. */
  private readonly turns = new Map<string, number>();
  /** Sessions being removed: their exit is not the end of a turn, and their worktree is git's to unlock. */
  private readonly removing = new Set<string>();

  constructor(private readonly options: ReviewServiceOptions) {
    this.watch = options.host.sessions$.subscribe((list) => {
      for (const change of worktreeSessionChanges(this.known, list)) void this.changed(change);
      this.known = new Map(list.map((s) => [s.id, s]));
    });
  }

  /** Stops watching, then waits for commits and unlocks still under way. */
  async dispose(): Promise<void> {
    await this.queues.settled();
    this.watch.unsubscribe();
  }

  async createSession(request: CreateSessionRequest): Promise<SessionInfo> {
    const { engine, settings } = await this.bound(request.cwd);
    return createWorktreeSession({ ...this.options, engine }, { ...request, ...(settings.setup.length ? { setup: settings.setup } : {}) });
  }

  async diff(id: string): Promise<SessionDiff> {
    const session = this.session(id);
    const { engine } = await this.bound(session.worktree?.repoPath ?? session.cwd);
    return engine.diff(session.worktree ? { kind: 'worktree', record: session.worktree } : { kind: 'workspace', path: session.cwd });
  }

  async previewMerge(id: string): Promise<MergeReview> {
    const { session, record } = this.worktreeSession(id, 'merge');
    const { engine, settings } = await this.bound(record.repoPath);
    const [preview, diff, loss] = await Promise.all([
      engine.previewMerge(record),
      engine.diff({ kind: 'worktree', record }),
      engine.assessRemoval(record),
    ]);
    return {
      session: session.name,
      branch: record.branch,
      baseBranch: record.baseBranch,
      preview,
      files: diff.files.map(({ patch: _patch, ...stat }) => stat),
      uncommitted: [...loss.uncommitted, ...loss.untracked],
      commitsFirst: settings.commitPerTurn,
    };
  }

  async merge(id: string, options: MergeOptions): Promise<MergeResult> {
    let cleanUp = false;
    const merged = await this.afterTurnEnds(id, 'merge', async ({ record, engine, settings, committed }) => {
      cleanUp = settings.cleanupAfterMerge;
      const outcome = await engine.merge(record, options);
      // A rebase moved the branch onto the base's tip: its record (and so the state file and every client)
      // must say so, or later diffs and counts that fall back to the old base commit take in the base's work.
      if (outcome.kind === 'merged' && outcome.record.baseCommit !== record.baseCommit) {
        this.options.host.setWorktree(id, outcome.record);
      }
      return { outcome, ...(committed ? { committed } : {}) };
    });
    if (merged.outcome.kind !== 'merged' || !cleanUp) return merged;
    return { ...merged, cleanup: await this.cleanUp(id) };
  }

  /**
   * The configuration's cleanup after a merge: everything is merged, so the branch goes too; a worktree
   * still holding files is refused, and kept, as is one with other sessions open in it: nobody was told
   * they would end.
   */
  private cleanUp(id: string): Promise<Cleanup> {
    return this.remove(id, { deleteBranch: true }).then(
      (removed) => ({ removed }),
      (error: Error) => ({ error: error.message }),
    );
  }

  async removalReport(id: string): Promise<RemovalReport> {
    const { session, record } = this.worktreeSession(id, 'remove');
    const { engine } = await this.bound(record.repoPath);
    const [loss, occupants, branchCreated] = await Promise.all([
      engine.assessRemoval(record),
      this.occupants(session, record),
      engine.createdBranch(record),
    ]);
    return { ...loss, alsoEnds: occupants.map(({ id, name }) => ({ id, name })), branchCreated };
  }

  async remove(id: string, options: SessionRemoveOptions): Promise<RemoveOutcome> {
    const { session, record } = this.worktreeSession(id, 'remove');
    const { engine } = await this.bound(record.repoPath);
    const { alsoEnd = [], ...removal } = options;
    return this.queues.run(record.repoPath, async () => {
      // Refuse before ending the program: a refused removal must leave the session as it was.
      const loss = await engine.assessRemoval(record);
      assertRemovable(session.name, record.branch, loss, { ...removal, deleteBranch: removal.deleteBranch && (await engine.createdBranch(record)) });
      const occupants = await this.occupants(session, record);
      assertAnnounced(session.name, occupants, alsoEnd);
      const within = this.options.endWithinMs ?? DEFAULT_END_WITHIN_MS;
      this.removing.add(id);
      try {
        // The programs go first, so that nothing writes into the folder while git removes it; the other
        // sessions before this one, so that one that will not end leaves the session itself running.
        await endOccupants(this.options.host, session.name, occupants, within);
        await endSession(this.options.host, session, within).catch((error: Error) => {
          throw new Error(`could not end ${session.name}: ${error.message}; nothing removed`);
        });
        const outcome = await engine.remove(record, removal).catch((error: Error) => {
          throw new Error(`session ${session.name} has ended, but its worktree stays: ${error.message}; grove prune lists it`);
        });
        return occupants.length ? { ...outcome, ended: occupants.map((s) => s.name) } : outcome;
      } finally {
        this.removing.delete(id);
      }
    });
  }

  /** The settings of the repository holding `folder`, from its configuration. */
  settings(folder: string): Promise<ReviewSettings> {
    return this.options.settings(folder);
  }

  async pruneScan(folder: string): Promise<PruneScan> {
    const { engine } = await this.bound(folder);
    // In the repository's queue: a session just ended is unlocked there, and until then it looks held.
    return this.queues.run(this.options.repositoryOf(folder), async () => {
      const scan = await engine.scanForOrphans(folder, await this.owned(folder));
      const ours = this.options.host.list().filter((s) => s.worktree?.repoPath === scan.repoPath);
      return { ...scan, merged: await mergedSessions(ours, engine, this.options.git) };
    });
  }

  async prune(folder: string, choices: PruneChoices): Promise<PruneItemResult[]> {
    const { engine } = await this.bound(folder);
    const main = this.options.repositoryOf(folder);
    const { sessions = [], ...leftovers } = choices;
    const results = await this.queues.run(main, async () => engine.prune(folder, await this.owned(folder), leftovers));
    // A session whose worktree folder has gone, once pruned, has nothing left to run in: it is closed too.
    const forgotten = new Set((choices.missing ?? []).map((m) => m.path));
    const closing = results.filter((r) => r.done && forgotten.has(r.target));
    for (const result of closing) {
      const owner = this.options.host.list().find((s) => s.worktree?.worktreePath === result.target);
      if (owner) await this.options.host.kill(owner.id).catch((error: Error) => this.options.log(`prune: ${error.message}`));
    }
    // A merged session goes as `grove rm` takes it: refused if its worktree holds anything by now.
    for (const { id } of sessions) {
      const session = this.options.host.list().find((s) => s.id === id);
      const [name, record] = [session?.name ?? id, session?.worktree ?? { branch: '' }];
      results.push(await this.removalReport(id).then((report) => this.remove(id, { deleteBranch: report.branchCreated })).then(
        (outcome) => ({ target: name, done: true as const, detail: `ended; ${removeOutcomeLine(outcome, record)}` }),
        (error: Error) => ({ target: name, done: false as const, reason: error.message }),
      ));
    }
    return results;
  }

  async commitTurn(id: string): Promise<TurnCommit> {
    const { session, record } = this.worktreeSession(id, 'commit');
    const { engine, settings } = await this.bound(record.repoPath);
    return this.queues.run(record.repoPath, () => this.commit(session, record, engine, settings));
  }

  /**
   * Queued at once (not after reading settings), so a prune or removal asked for next comes after it. A
   * turn commit that fails is recorded in the session, where the sidebar, status line and `grove ls` show it.
   */
  private changed(change: SessionChange): Promise<void> {
    const { session } = change;
    const record = session.worktree!;
    if (this.removing.has(session.id)) return Promise.resolve();
    const { host, log } = this.options;
    return this.queues.run(record.repoPath, async () => {
      const { engine, settings } = await this.bound(record.repoPath);
      if (change.kind === 'gone') {
        this.turns.delete(session.id);
        await engine.unlock(record);
        return;
      }
      // A conflict handed to the agent: its turn is over, so look again (before the turn's commit, which a
      // merge still under way would refuse).
      if (session.handedBack?.state === 'with the agent' || session.handedBack?.state === 'still conflicted') {
        const now = await engine.conflictState(record);
        host.setHandBack(session.id, { ...session.handedBack, state: now.inProgress || now.files.length ? 'still conflicted' : 'resolved' });
      }
      if (settings.commitPerTurn && !this.removing.has(session.id)) {
        await this.commit(session, record, engine, settings).catch((error: Error) => {
          host.setTurnCommitFailure(session.id, firstLine(error.message));
          throw error;
        });
      }
    }).catch((error: Error) => {
      log(`${change.kind === 'gone' ? 'unlocking' : 'committing'} the worktree of ${session.name}: ${error.message}`);
    });
  }

  /** Commits everything in the worktree as the session's next turn. Runs inside the repository's queue. */
  private async commit(session: SessionInfo, record: WorktreeRecord, engine: WorktreeEngine, settings: ReviewSettings): Promise<TurnCommit> {
    const turn = (await this.lastTurn(session, record, engine, settings)) + 1;
    const message = turnMessage(settings.commitMessage, { session: session.name, agent: session.agent, branch: record.branch, turn });
    // Turn commits are snapshots of work in progress; hooks judge finished work, at merge time.
    const commit = await engine.commitTurn(record, message, { noVerify: true });
    // Whatever failed before is behind it now: the worktree is committed (or had nothing to commit).
    this.options.host.setTurnCommitFailure(session.id, undefined);
    if (!commit) return {};
    this.turns.set(session.id, turn);
    return { commit, turn };
  }

  /**
   * The session's last turn number. The first time this service commits for a session — after a server
   * restart, or in a branch another session used — it reads the branch's own messages, so numbers go on
   * from there instead of repeating; after that it counts, as nothing else commits turns for the session.
   */
  private async lastTurn(session: SessionInfo, record: WorktreeRecord, engine: WorktreeEngine, settings: ReviewSettings): Promise<number> {
    const known = this.turns.get(session.id);
    if (known !== undefined) return known;
    const last = await engine.ownCommitMessages(record).then(
      (messages) => lastTurnIn(settings.commitMessage, messages),
      (error: Error) => {
        this.options.log(`cannot read the turns of ${record.branch}, numbering from 1: ${error.message}`);
        return 0;
      },
    );
    this.turns.set(session.id, last);
    return last;
  }

  private occupants(session: SessionInfo, record: WorktreeRecord): Promise<SessionInfo[]> {
    return occupantsOf(this.options.host.list(), session, record.worktreePath, this.options.files);
  }

  /** Runs `task` in the queue of the repository at `repoPath`, after the commits and removals already in it. */
  inQueue<T>(repoPath: string, task: () => Promise<T>): Promise<T> {
    return this.queues.run(repoPath, task);
  }

  /** The worktree engine for the repository holding `folder`, with that repository's settings read afresh. */
  async bound(folder: string): Promise<Bound> {
    const settings = await this.options.settings(folder);
    return { settings, engine: new WorktreeEngine({ git: this.options.git, files: this.options.files }, settings.worktrees) };
  }

  private session(id: string): SessionInfo {
    const session = this.options.host.list().find((s) => s.id === id);
    if (!session) throw new Error(`no session ${id}`);
    return session;
  }

  /** One file as two worktree sessions have it now, diffed: the first's side is `a/`, the second's `b/`. */
  async compareFile(a: string, b: string, path: string): Promise<string> {
    const left = this.worktreeSession(a, 'compare').record;
    const right = this.worktreeSession(b, 'compare').record;
    const { engine } = await this.bound(left.repoPath);
    return engine.compareFile(left, right, path);
  }

  async previewSync(id: string): Promise<SyncPreview> {
    const { record } = this.worktreeSession(id, 'sync');
    const { engine } = await this.bound(record.repoPath);
    return engine.previewSync(record);
  }

  /**
   * Brings the session's branch up to date with its base in its worktree (its pending work committed
   * first, as the end of a turn). A branch whose work the base turns out to hold already is done: said
   * so, and removed when the configuration cleans up after merges.
   */
  async sync(id: string, options: SyncOptions): Promise<SyncResult> {
    let cleanUp = false;
    const outcome = await this.afterTurnEnds(id, 'sync', async ({ record, engine, settings }): Promise<SyncResult> => {
      cleanUp = settings.cleanupAfterMerge;
      const hadWork = await didWork(this.options.git, record);
      const outcome = await engine.sync(record, options.mode, options.handBack ? 'leave' : options.onConflict);
      // As after a rebase merge: diffs and counts must start from the new base, not take its work in as the session's.
      if (outcome.kind === 'synced') this.options.host.setWorktree(id, outcome.record);
      if (outcome.kind === 'conflict-left' && options.handBack) {
        this.options.host.setHandBack(id, { base: record.baseBranch, files: outcome.files, state: 'with the agent' });
        await this.options.host.submit(id, handBackPrompt(record.baseBranch, record.branch, outcome.files), true);
      }
      if (outcome.kind !== 'synced' && outcome.kind !== 'up-to-date') return outcome;
      const done = hadWork ? await workMerged(engine, outcome.kind === 'synced' ? outcome.record : record) : undefined;
      return done ? { ...outcome, done } : outcome;
    });
    return outcome.done && cleanUp ? { ...outcome, cleanup: await this.cleanUp(id) } : outcome;
  }

  /** Pushes a worktree session's branch (its pending work committed first, as the end of a turn, when commits per turn are on). */
  async push(id: string, options: PushOptions): Promise<PushOutcome> {
    return this.afterTurnEnds(id, 'push', ({ record, engine }) => engine.push(record, options));
  }

  /**
   * Runs an operation on a worktree session's branch (merge, sync, push) in its repository's queue, once
   * the work not yet committed has ended its turn — with commit per turn on, that work is the current turn,
   * so it goes along; `committed` is that turn's commit, if there was anything to commit.
   */
  private async afterTurnEnds<T>(
    id: string,
    action: 'merge' | 'sync' | 'push',
    operation: (bound: { record: WorktreeRecord; engine: WorktreeEngine; settings: ReviewSettings; committed: string | undefined }) => Promise<T>,
  ): Promise<T> {
    const { session, record } = this.worktreeSession(id, action);
    const { engine, settings } = await this.bound(record.repoPath);
    return this.queues.run(record.repoPath, async () => {
      const committed = settings.commitPerTurn ? (await this.commit(session, record, engine, settings)).commit : undefined;
      return operation({ record, engine, settings, committed });
    });
  }

  /** Adds a comment (quoting the diff's lines when the caller did not) or drops some; answers the session's comments. */
  async comment(id: string, change: CommentChange): Promise<ReviewComment[]> {
    return changeComments(this.options.host, this.session(id), change, () => this.diff(id));
  }

  /** Types the unsent comments to the agent as one prompt; they stay, marked sent, until its turn ends. */
  async sendFeedback(id: string): Promise<{ sent: number }> {
    return sendComments(this.options.host, this.session(id));
  }

  /** Runs the repository's check command in the session's worktree and records the result on the session. */
  async check(id: string): Promise<CheckResult> {
    const { session, record } = this.worktreeSession(id, 'check');
    const { settings } = await this.bound(record.repoPath);
    if (settings.check === undefined) throw new Error('no check command: set "check" in the config (e.g. "npm test")');
    if (!this.options.runCheck) throw new Error('this server runs no checks');
    const commit = (await this.options.git.exec(record.worktreePath, ['rev-parse', '--short', 'HEAD'])).stdout.trim();
    const run = await this.options.runCheck(session.cwd, settings.check);
    const line = run.output.split('\n').map((text) => text.trim()).filter(Boolean).pop() ?? '';
    const result: CheckResult = { passed: run.exitCode === 0, exitCode: run.exitCode, commit, line: line.slice(0, 200), at: Date.now() };
    this.options.host.setCheck(id, result);
    return result;
  }

  private worktreeSession(id: string, action: 'merge' | 'remove' | 'commit' | 'compare' | 'check' | 'push' | 'sync'): { session: SessionInfo; record: WorktreeRecord } {
    const session = this.session(id);
    if (!session.worktree) {
      const instead = {
        merge: 'its changes are already in the checkout', remove: 'grove kill ends it', commit: 'grove commits only in worktree sessions',
        compare: 'compare worktree sessions (a fan-out\'s variants)', check: 'checks run in worktree sessions',
        push: 'push the branch you work on with git push', sync: 'it works on the checkout as it is',
      }[action];
      throw new Error(`${session.name} is a workspace session with no worktree to ${action}: ${instead}`);
    }
    return { session, record: session.worktree };
  }

  /** The worktrees of this repository's sessions, which prune must leave alone. */
  private async owned(folder: string): Promise<WorktreeRecord[]> {
    const main = (await this.options.files.realpath(this.options.repositoryOf(folder))) ?? folder;
    return this.options.host.list().flatMap((s) => (s.worktree && s.worktree.repoPath === main ? [s.worktree] : []));
  }
}

/** The removal's own rules, checked before anything ends: files need confirming, and so does deleting unmerged commits. */
function assertRemovable(name: string, branch: string, loss: LossReport, options: RemoveOptions): void {
  if (options.confirmedLoss) return;
  if (losesWorktreeWork(loss)) {
    throw new WorktreeRefusal('would-lose-work', `removing ${name} would lose ${describeLoss(loss)}; confirm to remove it anyway`);
  }
  if (options.deleteBranch && losesCommits(loss)) {
    throw new WorktreeRefusal('would-lose-work', `deleting ${branch} would lose ${describeLoss(loss)}; confirm to delete it`);
  }
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0]!.slice(0, 200);
}
