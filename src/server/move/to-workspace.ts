/**
 * A worktree session moves into the shared checkout (core/move/move.ts): what its worktree holds against
 * its branch's base — committed or not, untracked files too — is written into the checkout's working
 * tree (never its index or HEAD), refused where the checkout's copy of such a file is not the base's:
 * the user edited it there, or the base has moved on since the branch started (`grove sync` first).
 * The checkout's files before and after are a `move` checkpoint, so the move can be undone like a turn.
 * The program ends first, and its worktree's last work is committed as at any turn's end; once the
 * session runs in the checkout its worktree is removed, without force: git refuses when that would lose
 * anything, and then it stays. Its branch stays too: its commits are not merged anywhere.
 */
import type { WorktreeRecord } from '../../core/git/review.js';
import type { MoveOutcome } from '../../core/move/move.js';
import { removeOutcomeLine } from '../../core/review/summaries.js';
import type { SessionInfo } from '../../core/session/session.js';
import { indexName, MOVE_INDEX, recordMove } from '../checkpoints/checkouts.js';
import type { CheckpointGit } from '../checkpoints/snapshot.js';
import type { SessionFolder } from '../local-host.js';
import { occupantsOf } from '../review/occupants.js';
import { sameFolderUnder } from '../review/worktree-session.js';
import type { MoveDeps } from './session-mover.js';

export async function moveToWorkspace(deps: MoveDeps, session: SessionInfo, restart: (folder: SessionFolder) => Promise<string>): Promise<MoveOutcome> {
  const record = session.worktree!;
  const checkout = deps.checkouts.at(record.repoPath);
  const { settings } = await deps.review.bound(record.repoPath);
  // Checked before the program ends, so a refusal leaves the session running as it was.
  await deps.checkouts.run(checkout, () => worktreeChanges(deps, session, checkout));
  await deps.host.stop(session.id);
  if (settings.commitPerTurn) await deps.review.commitTurn(session.id);
  const moved = await deps.checkouts.run(checkout, async () => {
    const { files, source, before } = await worktreeChanges(deps, session, checkout);
    await checkout.restore(indexName(session), source, files);
    const kept = await recordMove(checkout, session, await checkout.snapshot(indexName(session)), before, files);
    return { files, kept };
  }).catch(async (error: Error) => {
    // The program has ended already: it starts again where it was, and the message says why it stayed.
    await deps.host.relaunch(session.id).catch(() => undefined);
    const stays = `${session.name} stays in ${record.worktreePath}, which holds all its work`;
    throw new Error(error.message.startsWith('not moved') ? error.message : `not moved: ${error.message}; ${stays}`);
  });
  const cwd = await sameFolderUnder(deps.files, session.cwd, record.worktreePath, record.repoPath);
  const note = await restart({ cwd, isolation: 'workspace' });
  return { to: 'workspace', session: session.name, folder: cwd, files: moved.files, kept: moved.kept, notes: [note, await leaveWorktree(deps, session, record)] };
}

/**
 * The files the worktree changed against its base, refused where the checkout's copy is not the base's;
 * with the worktree's files (`source`) and the checkout's (`before`) as commits, as they are now.
 */
async function worktreeChanges(deps: MoveDeps, session: SessionInfo, checkout: CheckpointGit): Promise<{ files: string[]; source: string; before: string }> {
  const record = session.worktree!;
  const worktree = deps.checkouts.at(record.worktreePath);
  const source = await worktree.commit(await worktreeTree(deps, record), `grove: ${session.name} moving`);
  const files = await worktree.changed(record.baseCommit, source);
  const before = await checkout.commit(await checkout.snapshot(indexName(session)), `grove: ${session.name} before a move`);
  const differ = await checkout.changed(record.baseCommit, before, files);
  if (differ.length) {
    throw new Error(
      `not moved: ${differ.join(', ')} in the checkout ${differ.length === 1 ? 'is' : 'are'} not as on ${record.baseBranch} where ${record.branch} started ` +
        `(edited there, or ${record.baseBranch} has moved on): commit or stash ${differ.length === 1 ? 'it' : 'them'} there, or grove sync ${session.name} first; nothing changed`,
    );
  }
  return { files, source, before };
}

/** The worktree's files now, as a tree (through an index of grove's own: the worktree's stays as it is). */
async function worktreeTree(deps: MoveDeps, record: WorktreeRecord): Promise<string> {
  const worktree = deps.checkouts.at(record.worktreePath);
  const tree = await worktree.snapshot(MOVE_INDEX);
  await worktree.dropIndex(MOVE_INDEX);
  return tree;
}

/** Removes the worktree the session left, unless another session works in it or git would lose something by it. */
async function leaveWorktree(deps: MoveDeps, session: SessionInfo, record: WorktreeRecord): Promise<string> {
  const { engine } = await deps.review.bound(record.repoPath);
  const others = await occupantsOf(deps.host.list(), session, record.worktreePath, deps.files);
  return deps.review.inQueue(record.repoPath, async () => {
    if (others.length) {
      await engine.unlock(record);
      return `kept the worktree ${record.worktreePath}: ${others.map((s) => s.name).join(', ')} work${others.length === 1 ? 's' : ''} in it`;
    }
    return engine.remove(record, { deleteBranch: false }).then(
      (outcome) => removeOutcomeLine(outcome, record),
      async (error: Error) => {
        await engine.unlock(record).catch(() => undefined);
        return `kept the worktree ${record.worktreePath}: ${error.message}`;
      },
    );
  });
}
