/**
 * Checkpoints of workspace sessions (core/checkpoints/checkpoint.ts), kept by the server. A turn's
 * "before" is a snapshot taken when the session is given Enter while not at work — the prompt that starts
 * the turn, before the agent has read it — or else when it starts, when its last turn ended, or when it
 * began working (an agent that starts on its own); its end is a snapshot when the session list says the
 * turn ended (core/checkpoints/turns.ts), and a turn that changed files leaves a checkpoint. The status
 * alone would be too late: it says `working` only once the screen shows work, and an agent may have
 * written a file by then. Undo puts the files a turn changed back as they were when it
 * started, refusing — unless confirmed — when one changed again since, by the user or by another session
 * whose turn overlapped it; the undo is a checkpoint too, so it can be undone (redone) the same way.
 *
 * Work on one checkout runs in its queue (review/repo-queues.ts): a snapshot never interleaves with an undo.
 */
import type { Subscription } from 'rxjs';
import {
  checkpointFolder, CHECKPOINT_REFS, filesPreview, nextTurn, ownerOf, redoTarget, undoTarget, type Checkpoint, type CheckpointMeta, type UndoOptions, type UndoOutcome,
} from '../../core/checkpoints/checkpoint.js';
import { workspaceTurns } from '../../core/checkpoints/turns.js';
import type { PruneItemResult, StaleCheckpoints } from '../../core/git/prune-report.js';
import type { SessionDiff } from '../../core/git/review.js';
import type { SessionInfo } from '../../core/session/session.js';
import type { LocalSessionHost } from '../local-host.js';
import { RepoQueues } from '../review/repo-queues.js';
import { diffCommits } from '../worktrees/diff.js';
import type { CheckpointFiles, GitPort } from '../worktrees/ports.js';
import { CheckpointGit, type StoredCheckpoint } from './snapshot.js';

interface TurnStart {
  readonly commit: string;
  readonly at: number;
}

export class CheckpointService {
  private readonly queues = new RepoQueues();
  private readonly watch: Subscription;
  private known = new Map<string, SessionInfo>();
  private readonly checkouts = new Map<string, Promise<CheckpointGit | undefined>>();
  /** Per session, the snapshot its next turn is measured from (a promise: it may still be being taken). */
  private readonly starts = new Map<string, Promise<TurnStart | undefined>>();
  private readonly submitted: Subscription;

  constructor(
    private readonly host: LocalSessionHost,
    private readonly git: GitPort,
    private readonly files: CheckpointFiles,
    private readonly log: (line: string) => void,
  ) {
    this.watch = host.sessions$.subscribe((list) => {
      const { started, ended } = workspaceTurns(this.known, list);
      const fresh = list.filter((s) => !this.known.has(s.id) && !s.worktree && !s.place);
      const ids = new Set(list.map((s) => s.id));
      const gone = [...this.known.values()].filter((s) => !ids.has(s.id) && !s.worktree && !s.place);
      this.known = new Map(list.map((s) => [s.id, s]));
      for (const session of gone) void this.ended(session).catch((error: Error) => this.log(`checkpoints of ${session.name}: ${error.message}`));
      for (const session of fresh) this.measureFromNow(session);
      for (const session of started) if (!this.starts.has(session.id)) this.measureFromNow(session);
      for (const session of ended) void this.turnEnded(session).catch((error: Error) => this.log(`checkpoint of ${session.name}: ${error.message}`));
      for (const id of [...this.starts.keys()]) if (!this.known.has(id)) this.starts.delete(id);
    });
    this.submitted = host.submitted$.subscribe((id) => {
      const session = this.known.get(id);
      if (session && !session.worktree && session.status !== 'working') this.measureFromNow(session);
    });
  }

  async dispose(): Promise<void> {
    this.watch.unsubscribe();
    this.submitted.unsubscribe();
    await this.queues.settled();
  }

  /** The session's checkpoints, oldest first. */
  async list(id: string): Promise<Checkpoint[]> {
    const session = this.workspaceSession(id);
    const checkout = await this.checkoutOf(session);
    return checkout ? this.own(checkout, session) : [];
  }

  /** What one checkpoint changed: its files from the start of its turn to its end. */
  async diff(id: string, turn: number): Promise<SessionDiff> {
    const session = this.workspaceSession(id);
    const checkout = await this.requireCheckout(session);
    const checkpoint = (await this.own(checkout, session)).find((c) => c.turn === turn);
    if (!checkpoint) throw new Error(`${session.name} has no checkpoint ${turn} (grove checkpoints ${session.name})`);
    return { base: checkpoint.before, commits: [], files: await diffCommits(this.git, checkout.top, [checkpoint.before, checkpoint.commit]) };
  }

  async undo(id: string, options: UndoOptions): Promise<UndoOutcome> {
    const session = this.workspaceSession(id);
    if (session.status === 'working') throw new Error(`${session.name} is at work: undo once its turn ends (grove wait ${session.name} --until idle)`);
    const checkout = await this.requireCheckout(session);
    return this.queues.run(checkout.top, async () => {
      const all = await checkout.list(CHECKPOINT_REFS);
      const own = all.filter((c) => c.owner === ownerOf(session));
      const target = options.redo ? redoTarget(own, session.name) : undoTarget(own, session.name, options.turn);
      if (typeof target === 'string') throw new Error(target);
      const files = await checkout.changed(target.before, target.commit);
      const now = await checkout.commit(await checkout.snapshot(indexName(session)), 'grove: before an undo', own.at(-1)?.commit);
      if (!options.confirmed) {
        const since = await checkout.changed(target.commit, now, files);
        const shared = await this.sharedWithOthers(checkout, all, target, files);
        const problem = [since.length ? `${since.join(', ')} changed since` : '', ...shared].filter(Boolean).join('; ');
        if (problem) throw new Error(`not undone: ${problem}; grove undo ${session.name} --turn ${target.turn} --confirm puts them back too (what is there now is kept as a checkpoint first)`);
      }
      const restored = await checkout.changed(target.before, now, files);
      await checkout.restore(indexName(session), target.before, restored);
      const after = await checkout.snapshot(indexName(session));
      const turn = nextTurn(all.filter((c) => c.session === session.name));
      const at = Date.now();
      await checkout.record(after, now, this.meta(session, turn, { kind: 'undo', undoes: target.turn, started: at, ended: at, ...filesPreview(restored) }), ref(session, turn));
      return { undid: target, turn, restored };
    });
  }

  /** Checkpoints of sessions that have ended, the newest older than `keepDays`, in the checkout holding `folder`. */
  async stale(folder: string, keepDays: number): Promise<StaleCheckpoints[]> {
    const checkout = await CheckpointGit.find(this.git, this.files, folder);
    if (!checkout) return [];
    const byOwner = this.endedOwners(await checkout.list(CHECKPOINT_REFS));
    const before = Date.now() - keepDays * DAY_MS;
    return [...byOwner.values()]
      .map((all) => ({ owner: all[0]!.owner, session: all[0]!.session, count: all.length, ended: Math.max(...all.map((c) => c.ended)) }))
      .filter((c) => c.ended < before);
  }

  /** Deletes the checkpoints of ended sessions, by owner (a live session's are refused). */
  async prune(folder: string, owners: readonly string[]): Promise<PruneItemResult[]> {
    const checkout = await CheckpointGit.find(this.git, this.files, folder);
    if (!checkout) return owners.map((owner) => ({ target: owner, done: false, reason: `${folder} is not in a git checkout` }));
    return this.queues.run(checkout.top, async () => {
      const byOwner = this.endedOwners(await checkout.list(CHECKPOINT_REFS));
      const results: PruneItemResult[] = [];
      for (const owner of owners) {
        const all = byOwner.get(owner);
        if (!all) {
          results.push({ target: owner, done: false, reason: 'no checkpoints of an ended session by that owner' });
          continue;
        }
        for (const checkpoint of all) await checkout.deleteRef(checkpoint.ref);
        results.push({ target: `checkpoints of ${all[0]!.session}`, done: true, detail: `deleted ${all.length}` });
      }
      return results;
    });
  }

  /** The session's next turn is measured from the files as they are now. */
  private measureFromNow(session: SessionInfo): void {
    const start = this.snapshotStart(session).catch((error: Error) => {
      this.log(`checkpoint of ${session.name}: ${error.message}`);
      return undefined;
    });
    this.starts.set(session.id, start);
  }

  private async snapshotStart(session: SessionInfo): Promise<TurnStart | undefined> {
    const checkout = await this.checkoutOf(session);
    if (!checkout) return undefined;
    return this.queues.run(checkout.top, async () => {
      const previous = (await this.own(checkout, session)).at(-1)?.commit;
      const at = Date.now();
      return { commit: await checkout.commit(await checkout.snapshot(indexName(session)), `grove: ${session.name} before a turn`, previous), at };
    });
  }

  /** Records the turn's checkpoint when it changed files; the next turn is measured from its end, until Enter starts one. */
  private turnEnded(session: SessionInfo): Promise<TurnStart | undefined> {
    const next = this.recordTurn(session, this.starts.get(session.id));
    this.starts.set(session.id, next.catch(() => undefined));
    return next;
  }

  private async recordTurn(session: SessionInfo, measured: Promise<TurnStart | undefined> | undefined): Promise<TurnStart | undefined> {
    const checkout = await this.checkoutOf(session);
    if (!checkout) return undefined;
    // Awaited outside the queue: the start is a task of that queue itself.
    const before = await measured;
    return this.queues.run(checkout.top, async () => {
      const own = await this.own(checkout, session);
      // Without a start (the server started mid-turn), the last checkpoint is the nearest "before".
      const start = before ?? (own.length ? { commit: own.at(-1)!.commit, at: own.at(-1)!.ended } : undefined);
      const tree = await checkout.snapshot(indexName(session));
      const at = Date.now();
      if (!start) return { commit: await checkout.commit(tree, `grove: ${session.name} before a turn`), at };
      const files = await checkout.changed(start.commit, tree);
      if (!files.length) return start;
      const turn = nextTurn(await checkout.list(checkpointFolder(session.name)));
      const meta = this.meta(session, turn, { kind: 'turn', started: start.at, ended: at, ...filesPreview(files) });
      return { commit: await checkout.record(tree, start.commit, meta, ref(session, turn)), at };
    });
  }

  /** Files of `target` that another session's turn changed while `target`'s ran: undoing would take its work too. */
  private async sharedWithOthers(checkout: CheckpointGit, all: readonly Checkpoint[], target: Checkpoint, files: readonly string[]): Promise<string[]> {
    const found: string[] = [];
    for (const other of all) {
      if (other.owner === target.owner || other.kind !== 'turn' || other.ended < target.started || other.started > target.ended) continue;
      const both = await checkout.changed(other.before, other.commit, files);
      if (both.length) found.push(`${both.join(', ')} also changed in ${other.session}'s turn ${other.turn}`);
    }
    return found;
  }

  /** A session has gone: its private index goes too (its checkpoints stay, for prune to judge by their age). */
  private async ended(session: SessionInfo): Promise<void> {
    const checkout = await this.checkoutOf(session);
    if (!checkout) return;
    await this.queues.run(checkout.top, () => checkout.dropIndex(indexName(session)));
  }

  /** Checkpoints grouped by owner, leaving out the sessions of this server still open. */
  private endedOwners(all: readonly StoredCheckpoint[]): Map<string, StoredCheckpoint[]> {
    const live = new Set(this.host.list().map(ownerOf));
    const byOwner = new Map<string, StoredCheckpoint[]>();
    for (const checkpoint of all) {
      if (live.has(checkpoint.owner)) continue;
      byOwner.set(checkpoint.owner, [...(byOwner.get(checkpoint.owner) ?? []), checkpoint]);
    }
    return byOwner;
  }

  private meta(session: SessionInfo, turn: number, rest: Omit<CheckpointMeta, 'owner' | 'session' | 'turn'>): CheckpointMeta {
    return { owner: ownerOf(session), session: session.name, turn, ...rest };
  }

  private async own(checkout: CheckpointGit, session: SessionInfo): Promise<StoredCheckpoint[]> {
    return (await checkout.list(checkpointFolder(session.name))).filter((c) => c.owner === ownerOf(session));
  }

  private workspaceSession(id: string): SessionInfo {
    const session = this.host.list().find((s) => s.id === id);
    if (!session) throw new Error(`no session ${id}`);
    if (session.worktree) throw new Error(`${session.name} works in a worktree of its own: its turns are commits on ${session.worktree.branch} (grove diff ${session.name})`);
    return session;
  }

  private checkoutOf(session: SessionInfo): Promise<CheckpointGit | undefined> {
    let found = this.checkouts.get(session.cwd);
    if (!found) {
      found = CheckpointGit.find(this.git, this.files, session.cwd);
      this.checkouts.set(session.cwd, found);
    }
    return found;
  }

  private async requireCheckout(session: SessionInfo): Promise<CheckpointGit> {
    const checkout = await this.checkoutOf(session);
    if (!checkout) throw new Error(`${session.name} is not in a git checkout: grove keeps checkpoints in one`);
    return checkout;
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;
const ref = (session: SessionInfo, turn: number) => `${checkpointFolder(session.name)}${turn}`;
/** The private index of a session's snapshots (one per session, so sessions sharing a checkout never share one). */
const indexName = (session: SessionInfo) => `checkpoint-${ownerOf(session).replace(/[^A-Za-z0-9]/gu, '-')}`;
