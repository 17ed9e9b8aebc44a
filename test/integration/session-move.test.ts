/**
 * A move that fails half-way, on a real repository with a real session host: git is made to fail at one
 * step (a port that refuses one command, standing for a disk full or a folder gone at that moment), and
 * the message must say where the files are, with nothing lost: the session stays in the checkout, running,
 * and the files it changed are there or in the worktree and in the move's checkpoint.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { GitPort } from '../../src/server/worktrees/ports.js';
import { filesPreview } from '../../src/core/checkpoints/checkpoint.js';
import { nodeCheckpointFiles } from '../../src/io/checkpoint-files.js';
import { SimpleGitPort } from '../../src/io/git.js';
import { nodeWorktreeFiles } from '../../src/io/git-files.js';
import { fsLaunchChecks } from '../../src/io/launch-checks.js';
import { nodePtySpawner } from '../../src/io/pty.js';
import { CheckpointService } from '../../src/server/checkpoints/checkpoint-service.js';
import { checkpointMeta, checkpointRef, indexName } from '../../src/server/checkpoints/checkouts.js';
import { LocalSessionHost } from '../../src/server/local-host.js';
import { onThisThread } from '../../src/emu/in-thread-emulators.js';
import { SessionMover } from '../../src/server/move/session-mover.js';
import type { ReviewService } from '../../src/server/review/review-service.js';
import { GitFixture } from './git-fixture.js';
import { reviewServiceFor } from './review-fixture.js';

let fixture: GitFixture;
let host: LocalSessionHost;
let review: ReviewService;
let checkpoints: CheckpointService;
afterEach(async () => {
  await host?.dispose();
  await checkpoints?.dispose();
  await review?.dispose();
  fixture?.dispose();
});

/** Real git, but `git restore` run in `failIn` fails as a full disk would make it. */
function failingRestore(failIn: (cwd: string) => boolean): GitPort {
  const real = new SimpleGitPort();
  return {
    exec: (cwd, args, options) => (args.includes('restore') && failIn(cwd) ? Promise.reject(new Error('No space left on device')) : real.exec(cwd, args, options)),
    run: (cwd, args) => (args.includes('restore') && failIn(cwd) ? Promise.reject(new Error('No space left on device')) : real.run(cwd, args)),
  };
}

/** A workspace session `ed` whose one turn (recorded as the turn recorder would) changed a.txt and added new.txt. */
async function sessionWithATurn(git: GitPort): Promise<{ id: string; mover: SessionMover }> {
  fixture = GitFixture.create();
  fixture.commit('start', { 'a.txt': 'a0\n' });
  host = new LocalSessionHost({ emulatorThreads: onThisThread, spawner: nodePtySpawner, checks: fsLaunchChecks, env: process.env, killGraceMs: 500 });
  review = reviewServiceFor(host);
  checkpoints = new CheckpointService(host, git, nodeCheckpointFiles, () => undefined);
  const mover = new SessionMover({ host, git, files: nodeWorktreeFiles, checkouts: checkpoints.checkouts, review, conversations: { carry: async () => false }, log: () => undefined });
  const session = await host.create({ name: 'ed', command: 'sleep', args: ['60'], cwd: fixture.repo });
  const checkout = (await checkpoints.checkouts.of(fixture.repo))!;
  // In the checkout's queue, as the recorder's own snapshots (one is under way for the new session) are.
  await checkpoints.checkouts.run(checkout, async () => {
    const before = await checkout.commit(await checkout.snapshot(indexName(session)), 'before');
    writeFileSync(fixture.path('a.txt'), 'a1\n');
    writeFileSync(fixture.path('new.txt'), 'n1\n');
    const meta = checkpointMeta(session, 1, { kind: 'turn', started: 1, ended: 2, ...filesPreview(['a.txt', 'new.txt']) });
    await checkout.record(await checkout.snapshot(indexName(session)), before, meta, checkpointRef(session, 1));
  });
  return { id: session.id, mover };
}

const worktree = () => join(`${fixture.repo}.worktrees`, 'ed');

describe('a move that fails half-way', () => {
  it('when the checkout\'s files cannot be put back: both places hold them, and the session stays', async () => {
    const { id, mover } = await sessionWithATurn(failingRestore((cwd) => cwd === fixture.repo));
    await expect(mover.move(id, { to: 'worktree' })).rejects.toThrow(
      `not moved: the files are in ${worktree()} on grove/ed, but putting them back in the checkout failed: No space left on device; both hold them now; the files are kept in refs/grove/checkpoints/ed/2`,
    );
    expect([readFileSync(fixture.path('a.txt'), 'utf8'), readFileSync(join(worktree(), 'a.txt'), 'utf8'), readFileSync(join(worktree(), 'new.txt'), 'utf8')]).toEqual(['a1\n', 'a1\n', 'n1\n']);
    expect(host.list()[0]).toMatchObject({ cwd: fixture.repo, isolation: 'workspace', status: expect.not.stringMatching(/exited/u) });
    expect(fixture.git(['show', 'refs/grove/checkpoints/ed/2:new.txt'])).toBe('n1\n');
    // The worktree is not locked for a session that never came: prune may take it once looked at.
    expect(fixture.git(['worktree', 'list', '--porcelain'])).not.toMatch(/locked/u);
  });

  it('when the files cannot be written into the worktree: the checkout is as it was', async () => {
    const { id, mover } = await sessionWithATurn(failingRestore((cwd) => cwd !== fixture.repo));
    await expect(mover.move(id, { to: 'worktree' })).rejects.toThrow(
      `not moved: could not write the files into ${worktree()}: No space left on device; the checkout is as it was, the worktree stays (grove prune lists it); the files are kept in refs/grove/checkpoints/ed/2`,
    );
    expect([readFileSync(fixture.path('a.txt'), 'utf8'), readFileSync(fixture.path('new.txt'), 'utf8'), existsSync(join(worktree(), 'new.txt'))]).toEqual(['a1\n', 'n1\n', false]);
    expect(host.list()[0]).toMatchObject({ cwd: fixture.repo, isolation: 'workspace' });
  });
});
