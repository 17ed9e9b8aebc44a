/**
 * A workspace session moves into a worktree of its own (core/move/move.ts). In the checkout's queue, so
 * no snapshot of its turns interleaves: the files its turns in effect changed are found, the checkout's
 * files now are kept as a `move` checkpoint, a worktree is made from the checkout's HEAD, the files are
 * written into it (and committed there when commit per turn is on), and only then is each put back in
 * the checkout as it was before the session first touched it. Every failure says where the files are.
 */
import { byCommit, firstTouches, turnsInEffect, type MoveOptions, type MoveOutcome } from '../../core/move/move.js';
import type { SessionInfo } from '../../core/session/session.js';
import { indexName, MOVE_INDEX, ownCheckpoints, recordMove } from '../checkpoints/checkouts.js';
import type { SessionFolder } from '../local-host.js';
import { sameFolderIn } from '../review/worktree-session.js';
import type { CreatedWorktree } from '../worktrees/index.js';
import type { MoveDeps } from './session-mover.js';

export async function moveToWorktree(
  deps: MoveDeps,
  session: SessionInfo,
  options: MoveOptions,
  restart: (folder: SessionFolder) => Promise<string>,
): Promise<MoveOutcome> {
  const checkout = await deps.checkouts.of(session.cwd);
  if (!checkout) throw new Error(`${session.name} is not in a git checkout: a worktree needs one`);
  const { engine, settings } = await deps.review.bound(checkout.top);
  const moved = await deps.checkouts.run(checkout, async () => {
    const own = await ownCheckpoints(checkout, session);
    const turns = await Promise.all(turnsInEffect(own).map(async (t) => ({ before: t.before, files: await checkout.changed(t.before, t.commit) })));
    const touches = firstTouches(turns);
    const tree = await checkout.snapshot(indexName(session));
    const now = await checkout.commit(tree, `grove: ${session.name} before a move`, own.at(-1)?.commit);
    const files: string[] = [];
    for (const [before, group] of byCommit(touches, [...touches.keys()])) files.push(...(await checkout.changed(before, now, group)));
    files.sort();
    const last = own.at(-1);
    if (!options.confirmed && last && files.length) {
      const since = await checkout.changed(last.commit, now, files);
      if (since.length) throw new Error(`not moved: ${since.join(', ')} changed since ${session.name}'s last turn (by you or another session); grove move ${session.name} --to worktree --confirm takes them as they are now`);
    }
    const kept = files.length && last ? await recordMove(checkout, session, tree, last.commit, files) : undefined;
    const where = kept ? `; the files are kept in ${kept}` : '';

    let created: CreatedWorktree;
    try {
      created = await engine.create({ repoPath: checkout.top, name: session.name, base: await checkout.head(), ...(options.branch !== undefined ? { branch: options.branch } : {}) });
    } catch (error) {
      throw new Error(`not moved: ${(error as Error).message}; the checkout is as it was`);
    }
    const { record } = created;
    const worktree = deps.checkouts.at(record.worktreePath);
    try {
      const [inNow, inHead] = await Promise.all([worktree.holds(now, files), worktree.holds('HEAD', files)]);
      await worktree.restore(MOVE_INDEX, now, files.filter((f) => inNow.has(f) || inHead.has(f)));
      await worktree.dropIndex(MOVE_INDEX);
      if (settings.commitPerTurn) await engine.commitTurn(record, `grove: ${session.name}'s changes, moved from the checkout`, { noVerify: true });
    } catch (error) {
      await engine.unlock(record).catch(() => undefined);
      throw new Error(`not moved: could not write the files into ${record.worktreePath}: ${(error as Error).message}; the checkout is as it was, the worktree stays (grove prune lists it)${where}`);
    }
    try {
      for (const [before, group] of byCommit(touches, files)) await checkout.restore(indexName(session), before, group);
      await checkout.dropIndex(indexName(session));
    } catch (error) {
      await engine.unlock(record).catch(() => undefined);
      throw new Error(`not moved: the files are in ${record.worktreePath} on ${record.branch}, but putting them back in the checkout failed: ${(error as Error).message}; both hold them now${where}`);
    }
    return { record, files, kept };
  });
  const cwd = await sameFolderIn(deps.files, session.cwd, moved.record);
  const note = await restart({ cwd, isolation: 'worktree', worktree: moved.record });
  return { to: 'worktree', session: session.name, folder: cwd, branch: moved.record.branch, files: moved.files, ...(moved.kept ? { kept: moved.kept } : {}), notes: [note] };
}
