/**
 * `grove move`: a session goes from the shared checkout to a worktree of its own, or back
 * (core/move/move.ts says what moves). The git side is in to-worktree.ts and to-workspace.ts; this is
 * the part every move shares: which session, refused while it works, and at the end its program ended
 * and started again in the new folder, resuming its conversation — copied first into the new folder's
 * store where the agent files them by folder (core/agents/conversations.ts).
 */
import { findProfile } from '../../core/agents/builtins.js';
import type { ConversationCarrier } from '../../core/agents/conversations.js';
import type { MoveOptions, MoveOutcome } from '../../core/move/move.js';
import type { SessionInfo } from '../../core/session/session.js';
import type { Checkouts } from '../checkpoints/checkouts.js';
import type { LocalSessionHost, SessionFolder } from '../local-host.js';
import type { ReviewService } from '../review/review-service.js';
import type { GitPort, WorktreeFiles } from '../worktrees/ports.js';
import { moveToWorkspace } from './to-workspace.js';
import { moveToWorktree } from './to-worktree.js';

export interface MoveDeps {
  readonly host: LocalSessionHost;
  readonly git: GitPort;
  readonly files: WorktreeFiles;
  readonly checkouts: Checkouts;
  readonly review: ReviewService;
  readonly conversations: ConversationCarrier;
  log(line: string): void;
}

export class SessionMover {
  constructor(private readonly deps: MoveDeps) {}

  async move(id: string, options: MoveOptions, clientEnv?: Readonly<Record<string, string>>): Promise<MoveOutcome> {
    const session = this.deps.host.list().find((s) => s.id === id);
    if (!session) throw new Error(`no session ${id}`);
    if (session.status === 'working') throw new Error(`${session.name} is at work: move it once its turn ends (grove wait ${session.name} --until idle)`);
    if (options.to === 'worktree') {
      if (session.worktree) throw new Error(`${session.name} works in a worktree already (${session.worktree.worktreePath})`);
      return moveToWorktree(this.deps, session, options, (folder) => this.restart(session, folder, clientEnv));
    }
    if (options.branch !== undefined) throw new Error('--branch is for a move to a worktree');
    if (!session.worktree) throw new Error(`${session.name} works in the checkout already`);
    return moveToWorkspace(this.deps, session, (folder) => this.restart(session, folder, clientEnv));
  }

  /** Ends the program and starts it in `folder`; says how its conversation went along. */
  private async restart(session: SessionInfo, folder: SessionFolder, clientEnv: Readonly<Record<string, string>> | undefined): Promise<string> {
    const { host, conversations, log } = this.deps;
    const env = host.environmentOf(session.id);
    await host.stop(session.id);
    const store = findProfile(session.agent)?.conversation?.store;
    let carried = false;
    if (store && session.conversation !== undefined) {
      carried = await conversations.carry(store, session.conversation, session.cwd, folder.cwd, env).catch((error: Error) => {
        log(`could not copy the conversation of ${session.name}: ${error.message}`);
        return false;
      });
    }
    await host.relaunch(session.id, clientEnv, folder);
    if (!session.relaunch) return 'its program started again there';
    if (session.conversation === undefined || (store && !carried)) return 'its agent started again there; its conversation was not found to take along, so it may start afresh';
    return 'its agent resumes its conversation there';
  }
}
