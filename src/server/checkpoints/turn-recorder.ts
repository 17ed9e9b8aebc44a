/**
 * Records the turns of workspace sessions as checkpoints (core/checkpoints/checkpoint.ts). A turn's
 * "before" is a snapshot taken when the session is given Enter while not at work — the prompt that starts
 * the turn, before the agent has read it — or else when it starts, when its last turn ended, or when it
 * began working (an agent that starts on its own); its end is a snapshot when the session list says the
 * turn ended (core/checkpoints/turns.ts), and a turn that changed files leaves a checkpoint. The status
 * alone would be too late: it says `working` only once the screen shows work, and an agent may have
 * written a file by then. A session that has gone takes its private index with it.
 */
import type { Subscription } from 'rxjs';
import { checkpointFolder, filesPreview, nextTurn } from '../../core/checkpoints/checkpoint.js';
import { workspaceTurns } from '../../core/checkpoints/turns.js';
import type { SessionInfo } from '../../core/session/session.js';
import type { LocalSessionHost } from '../local-host.js';
import { checkpointMeta, checkpointRef, indexName, ownCheckpoints, type Checkouts } from './checkouts.js';

interface TurnStart {
  readonly commit: string;
  readonly at: number;
}

export class TurnRecorder {
  private readonly subscriptions: Subscription[];
  private known = new Map<string, SessionInfo>();
  /** Per session, the snapshot its next turn is measured from (a promise: it may still be being taken). */
  private readonly starts = new Map<string, Promise<TurnStart | undefined>>();

  constructor(
    host: LocalSessionHost,
    private readonly checkouts: Checkouts,
    private readonly log: (line: string) => void,
  ) {
    this.subscriptions = [
      host.sessions$.subscribe((list) => this.listed(list)),
      host.submitted$.subscribe((id) => {
        const session = this.known.get(id);
        if (session && isWorkspace(session) && session.status !== 'working') this.measureFromNow(session);
      }),
    ];
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  private listed(list: readonly SessionInfo[]): void {
    const { started, ended } = workspaceTurns(this.known, list);
    // New here, or just moved into the checkout (`grove move`): a start measured before it left is stale.
    const fresh = list.filter((s) => isWorkspace(s) && !isWorkspace(this.known.get(s.id)));
    const ids = new Set(list.map((s) => s.id));
    const gone = [...this.known.values()].filter((s) => !ids.has(s.id) && isWorkspace(s));
    this.known = new Map(list.map((s) => [s.id, s]));
    for (const session of gone) {
      this.starts.delete(session.id);
      void this.dropIndex(session).catch((error: Error) => this.log(`checkpoints of ${session.name}: ${error.message}`));
    }
    for (const session of fresh) this.measureFromNow(session);
    for (const session of started) if (!this.starts.has(session.id)) this.measureFromNow(session);
    for (const session of ended) void this.turnEnded(session).catch((error: Error) => this.log(`checkpoint of ${session.name}: ${error.message}`));
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
    const checkout = await this.checkouts.of(session.cwd);
    if (!checkout) return undefined;
    return this.checkouts.run(checkout, async () => {
      const at = Date.now();
      // The files first: what the snapshot holds is decided by when it reads them, not by the commit.
      const tree = await checkout.snapshot(indexName(session));
      const previous = (await ownCheckpoints(checkout, session)).at(-1)?.commit;
      return { commit: await checkout.commit(tree, `grove: ${session.name} before a turn`, previous), at };
    });
  }

  /** Records the turn's checkpoint when it changed files; the next turn is measured from its end, until Enter starts one. */
  private turnEnded(session: SessionInfo): Promise<TurnStart | undefined> {
    const next = this.recordTurn(session, this.starts.get(session.id));
    this.starts.set(session.id, next.catch(() => undefined));
    return next;
  }

  private async recordTurn(session: SessionInfo, measured: Promise<TurnStart | undefined> | undefined): Promise<TurnStart | undefined> {
    const checkout = await this.checkouts.of(session.cwd);
    if (!checkout) return undefined;
    // The files at the turn's end are read at once, as a task of their own: queued behind the turn's
    // start (still being committed, it may be) or behind the whole checkpoint, they could be read after
    // the next prompt, and count the next turn's writes as this one's (an agent may write within a second).
    const end = this.checkouts.run(checkout, async () => ({ tree: await checkout.snapshot(indexName(session)), at: Date.now() }));
    // Awaited outside the queue: the start is a task of that queue itself.
    const [before, { tree, at }] = await Promise.all([measured, end]);
    return this.checkouts.run(checkout, async () => {
      const own = await ownCheckpoints(checkout, session);
      // Without a start (the server started mid-turn), the last checkpoint is the nearest "before".
      const start = before ?? (own.length ? { commit: own.at(-1)!.commit, at: own.at(-1)!.ended } : undefined);
      if (!start) return { commit: await checkout.commit(tree, `grove: ${session.name} before a turn`), at };
      const files = await checkout.changed(start.commit, tree);
      if (!files.length) return start;
      const turn = nextTurn(await checkout.list(checkpointFolder(session.name)));
      const meta = checkpointMeta(session, turn, { kind: 'turn', started: start.at, ended: at, ...filesPreview(files) });
      return { commit: await checkout.record(tree, start.commit, meta, checkpointRef(session, turn)), at };
    });
  }

  /** Its checkpoints stay, for prune to judge by their age; its private index goes. */
  private async dropIndex(session: SessionInfo): Promise<void> {
    const checkout = await this.checkouts.of(session.cwd);
    if (checkout) await this.checkouts.run(checkout, () => checkout.dropIndex(indexName(session)));
  }
}

const isWorkspace = (session: SessionInfo | undefined): boolean => session !== undefined && !session.worktree && !session.place;
