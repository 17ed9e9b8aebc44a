/**
 * Checkpoints of workspace sessions (core/checkpoints/checkpoint.ts), kept by the server: the turn
 * recorder (turn-recorder.ts) records them, and this service answers for them: lists them, shows one,
 * undoes one, and finds and deletes those of ended sessions for prune. Undo puts the files a turn changed
 * back as they were when it started, refusing — unless confirmed — when one changed again since, by the
 * user or by another session whose turn overlapped it; the undo is a checkpoint too, so it can be undone
 * (redone) the same way.
 */
import {
  CHECKPOINT_REFS, filesPreview, nextTurn, ownerOf, redoTarget, undoTarget, type Checkpoint, type UndoOptions, type UndoOutcome,
} from '../../core/checkpoints/checkpoint.js';
import type { PruneItemResult, StaleCheckpoints } from '../../core/git/prune-report.js';
import type { SessionDiff } from '../../core/git/review.js';
import type { SessionInfo } from '../../core/session/session.js';
import type { LocalSessionHost } from '../local-host.js';
import { diffCommits } from '../worktrees/diff.js';
import type { CheckpointFiles, GitPort } from '../worktrees/ports.js';
import { checkpointMeta, checkpointRef, Checkouts, indexName, ownCheckpoints } from './checkouts.js';
import type { CheckpointGit, StoredCheckpoint } from './snapshot.js';
import { TurnRecorder } from './turn-recorder.js';

export class CheckpointService {
  /** The checkouts and their queues, shared with moves (move/session-mover.ts), which write the same files. */
  readonly checkouts: Checkouts;
  private readonly recorder: TurnRecorder;

  constructor(
    private readonly host: LocalSessionHost,
    private readonly git: GitPort,
    files: CheckpointFiles,
    log: (line: string) => void,
  ) {
    this.checkouts = new Checkouts(git, files);
    this.recorder = new TurnRecorder(host, this.checkouts, log);
  }

  async dispose(): Promise<void> {
    this.recorder.dispose();
    await this.checkouts.settled();
  }

  /** The session's checkpoints, oldest first. */
  async list(id: string): Promise<Checkpoint[]> {
    const session = this.workspaceSession(id);
    const checkout = await this.checkouts.of(session.cwd);
    return checkout ? ownCheckpoints(checkout, session) : [];
  }

  /** What one checkpoint changed: its files from the start of its turn to its end. */
  async diff(id: string, turn: number): Promise<SessionDiff> {
    const session = this.workspaceSession(id);
    const checkout = await this.checkouts.require(session);
    const checkpoint = (await ownCheckpoints(checkout, session)).find((c) => c.turn === turn);
    if (!checkpoint) throw new Error(`${session.name} has no checkpoint ${turn} (grove checkpoints ${session.name})`);
    return { base: checkpoint.before, commits: [], files: await diffCommits(this.git, checkout.top, [checkpoint.before, checkpoint.commit]) };
  }

  async undo(id: string, options: UndoOptions): Promise<UndoOutcome> {
    const session = this.workspaceSession(id);
    if (session.status === 'working') throw new Error(`${session.name} is at work: undo once its turn ends (grove wait ${session.name} --until idle)`);
    const checkout = await this.checkouts.require(session);
    return this.checkouts.run(checkout, async () => {
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
      await checkout.record(after, now, checkpointMeta(session, turn, { kind: 'undo', undoes: target.turn, started: at, ended: at, ...filesPreview(restored) }), checkpointRef(session, turn));
      return { undid: target, turn, restored };
    });
  }

  /** Checkpoints of sessions that have ended, the newest older than `keepDays`, in the checkout holding `folder`. */
  async stale(folder: string, keepDays: number): Promise<StaleCheckpoints[]> {
    const checkout = await this.checkouts.of(folder);
    if (!checkout) return [];
    const byOwner = this.endedOwners(await checkout.list(CHECKPOINT_REFS));
    const before = Date.now() - keepDays * DAY_MS;
    return [...byOwner.values()]
      .map((all) => ({ owner: all[0]!.owner, session: all[0]!.session, count: all.length, ended: Math.max(...all.map((c) => c.ended)) }))
      .filter((c) => c.ended < before);
  }

  /** Deletes the checkpoints of ended sessions, by owner (a live session's are refused). */
  async prune(folder: string, owners: readonly string[]): Promise<PruneItemResult[]> {
    const checkout = await this.checkouts.of(folder);
    if (!checkout) return owners.map((owner) => ({ target: owner, done: false, reason: `${folder} is not in a git checkout` }));
    return this.checkouts.run(checkout, async () => {
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

  private workspaceSession(id: string): SessionInfo {
    const session = this.host.list().find((s) => s.id === id);
    if (!session) throw new Error(`no session ${id}`);
    if (session.worktree) throw new Error(`${session.name} works in a worktree of its own: its turns are commits on ${session.worktree.branch} (grove diff ${session.name})`);
    return session;
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;
