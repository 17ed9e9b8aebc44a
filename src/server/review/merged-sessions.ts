/**
 * Sessions whose work is done: their branch is merged into its base — by a merge or fast-forward, a
 * rebase or cherry-pick, a squash (a pull request merged on a forge, then synced or fetched), or content
 * that is already there — and their worktree holds nothing else to lose. `grove prune` offers them for
 * removal, as it offers leftovers no session owns, and a sync says so.
 *
 * A session that never committed has a branch still at the commit it started from: merged in name only,
 * and not offered. Neither is one at work, nor one whose conflict is with its agent.
 */
import type { MergedBy } from '../../core/git/loss.js';
import type { MergedSession } from '../../core/git/prune-report.js';
import type { WorktreeRecord } from '../../core/git/review.js';
import { losesAnything } from '../../core/review/summaries.js';
import type { SessionInfo } from '../../core/session/session.js';
import type { GitPort, WorktreeEngine } from '../worktrees/index.js';

export async function mergedSessions(sessions: readonly SessionInfo[], engine: WorktreeEngine, git: GitPort): Promise<MergedSession[]> {
  const merged: MergedSession[] = [];
  for (const session of sessions) {
    const record = session.worktree;
    if (!record || session.status === 'working' || session.handedBack?.state === 'with the agent') continue;
    if (!(await didWork(git, record))) continue;
    const mergedBy = await workMerged(engine, record);
    if (mergedBy) merged.push({ id: session.id, name: session.name, path: record.worktreePath, branch: record.branch, base: record.baseBranch, mergedBy });
  }
  return merged;
}

/** Whether the branch moved from the commit it started from (it has commits of the session's). */
export async function didWork(git: GitPort, record: WorktreeRecord): Promise<boolean> {
  const tip = await git.exec(record.repoPath, ['rev-parse', '--verify', '--quiet', `refs/heads/${record.branch}^{commit}`]).then((r) => r.stdout.trim(), () => '');
  return tip !== '' && tip !== record.baseCommit;
}

/** How the base holds the branch's work, when it does and the worktree holds nothing else. */
export async function workMerged(engine: WorktreeEngine, record: WorktreeRecord): Promise<MergedBy | undefined> {
  const loss = await engine.assessRemoval(record).catch(() => undefined);
  return loss?.mergedBy && !losesAnything(loss) ? loss.mergedBy : undefined;
}
