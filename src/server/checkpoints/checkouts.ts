/**
 * The checkouts holding workspace sessions, as CheckpointGit handles, found once per folder, and the one
 * queue per checkout that every snapshot, undo and prune of its checkpoints runs in (review/repo-queues.ts),
 * so a snapshot never interleaves with an undo. Also what a session's checkpoints are named and filed as.
 */
import { checkpointFolder, filesPreview, nextTurn, ownerOf, type CheckpointMeta } from '../../core/checkpoints/checkpoint.js';
import type { SessionInfo } from '../../core/session/session.js';
import { RepoQueues } from '../review/repo-queues.js';
import type { CheckpointFiles, GitPort } from '../worktrees/ports.js';
import { CheckpointGit, type StoredCheckpoint } from './snapshot.js';

export class Checkouts {
  private readonly queues = new RepoQueues();
  private readonly found = new Map<string, Promise<CheckpointGit | undefined>>();

  constructor(
    private readonly git: GitPort,
    private readonly files: CheckpointFiles,
  ) {}

  /** The checkout a folder is in (undefined outside git), found once. */
  of(folder: string): Promise<CheckpointGit | undefined> {
    let checkout = this.found.get(folder);
    if (!checkout) {
      checkout = CheckpointGit.find(this.git, this.files, folder);
      this.found.set(folder, checkout);
    }
    return checkout;
  }

  /** A handle on the checkout (or worktree) whose top folder is `top`, for a move writing files there. */
  at(top: string): CheckpointGit {
    return new CheckpointGit(this.git, this.files, top);
  }

  async require(session: SessionInfo): Promise<CheckpointGit> {
    const checkout = await this.of(session.cwd);
    if (!checkout) throw new Error(`${session.name} is not in a git checkout: grove keeps checkpoints in one`);
    return checkout;
  }

  /** Runs `task` after the checkout's earlier ones. */
  run<T>(checkout: CheckpointGit, task: () => Promise<T>): Promise<T> {
    return this.queues.run(checkout.top, task);
  }

  /** Waits for what is in flight (a server stopping). */
  settled(): Promise<void> {
    return this.queues.settled();
  }
}

/** The session's own checkpoints, oldest first (another session of the same name keeps its own). */
export async function ownCheckpoints(checkout: CheckpointGit, session: SessionInfo): Promise<StoredCheckpoint[]> {
  return (await checkout.list(checkpointFolder(session.name))).filter((c) => c.owner === ownerOf(session));
}

export function checkpointMeta(session: SessionInfo, turn: number, rest: Omit<CheckpointMeta, 'owner' | 'session' | 'turn'>): CheckpointMeta {
  return { owner: ownerOf(session), session: session.name, turn, ...rest };
}

export const checkpointRef = (session: SessionInfo, turn: number): string => `${checkpointFolder(session.name)}${turn}`;

/** Records a `move` checkpoint of the session's (`grove move`): `tree` on `parent`, naming the files that moved; returns its ref. */
export async function recordMove(checkout: CheckpointGit, session: SessionInfo, tree: string, parent: string, files: readonly string[]): Promise<string> {
  const turn = nextTurn(await checkout.list(checkpointFolder(session.name)));
  const at = Date.now();
  const ref = checkpointRef(session, turn);
  await checkout.record(tree, parent, checkpointMeta(session, turn, { kind: 'move', started: at, ended: at, ...filesPreview(files) }), ref);
  return ref;
}

/** The private index a move writes a worktree's files through (the worktree's own index stays as git made it). */
export const MOVE_INDEX = 'move';

/** The private index of a session's snapshots (one per session, so sessions sharing a checkout never share one). */
export const indexName = (session: SessionInfo): string => `checkpoint-${ownerOf(session).replace(/[^A-Za-z0-9]/gu, '-')}`;
