/**
 * The review service wired to a real session host and real repositories: worktree sessions are made,
 * committed turn by turn, merged, removed and pruned through it, and each refusal leaves everything —
 * the session, the worktree, the branch — as it was.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReviewSettings } from '../../src/core/review/settings.js';
import type { SessionInfo } from '../../src/core/session/session.js';
import { fsLaunchChecks } from '../../src/io/launch-checks.js';
import { nodePtySpawner } from '../../src/io/pty.js';
import { LocalSessionHost } from '../../src/server/local-host.js';
import { onThisThread } from '../../src/emu/in-thread-emulators.js';
import { resolveSession, runRequest, type RequestContext } from '../../src/server/request-table.js';
import type { ReviewService } from '../../src/server/review/review-service.js';
import { StateStore, toRecord } from '../../src/io/state-store.js';
import { GitFixture } from './git-fixture.js';
import { reviewServiceFor } from './review-fixture.js';

let fixture: GitFixture;
let host: LocalSessionHost;
let review: ReviewService;
const logged: string[] = [];

function start(settings: Partial<ReviewSettings> = {}): void {
  fixture = GitFixture.create();
  host = new LocalSessionHost({ emulatorThreads: onThisThread, spawner: nodePtySpawner, checks: fsLaunchChecks, env: process.env, killGraceMs: 500 });
  review = reviewServiceFor(host, { settings, log: (line) => logged.push(line) });
}

afterEach(async () => {
  await host?.dispose();
  await review?.dispose();
  fixture?.dispose();
  logged.length = 0;
});

/** Polls `check` until it holds; the deadline only bounds a failing test. */
async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const sleeper = (name: string, cwd = fixture.repo) =>
  review.createSession({ name, command: 'sleep', args: ['60'], cwd, isolation: 'worktree' });

const groveBranches = () => fixture.git(['for-each-ref', '--format=%(refname:short)', 'refs/heads/grove/']).split('\n').filter(Boolean);
const session = (id: string): SessionInfo | undefined => host.list().find((s) => s.id === id);
const subjects = (ref: string) => fixture.git(['log', '--format=%s', ref]).trim().split('\n');
const lockedPaths = () => fixture.git(['worktree', 'list', '--porcelain']).split('\n\n').filter((e) => /\nlocked/.test(e)).map((e) => e.split('\n')[0]!.slice('worktree '.length));

describe('starting a worktree session', () => {
  it('runs the program in a new worktree on its own branch, locked, and records where', async () => {
    start();
    const info = await sleeper('fix login');
    const worktree = join(`${fixture.repo}.worktrees`, 'fix-login');
    expect(info).toMatchObject({
      isolation: 'worktree',
      cwd: worktree,
      repo: fixture.repo,
      worktree: { repoPath: fixture.repo, worktreePath: worktree, branch: 'grove/fix-login', baseBranch: 'main', baseCommit: fixture.head() },
    });
    expect(lockedPaths()).toEqual([worktree]);
  });

  it('starts in the same subfolder of the worktree as it was asked for in the checkout', async () => {
    start();
    fixture.commit('add src', { 'src/app/main.txt': 'x\n' });
    const info = await sleeper('deep', fixture.path('src/app'));
    expect(info.cwd).toBe(join(`${fixture.repo}.worktrees`, 'deep', 'src', 'app'));
  });

  it('says why it cannot make a worktree, and makes nothing', async () => {
    start();
    const plain = join(fixture.home, 'not-a-repo');
    mkdirSync(plain);
    await expect(sleeper('x', plain)).rejects.toThrow(/^cannot create a worktree: .*not-a-repo is not in a git repository/);
    await sleeper('taken');
    await expect(sleeper('taken')).rejects.toThrow("a session named 'taken' already exists");
    expect(host.list().map((s) => s.name)).toEqual(['taken']);
    expect(groveBranches()).toEqual(['grove/taken']);
  });

  it('removes the fresh worktree again when the program cannot be started', async () => {
    start();
    await expect(review.createSession({ name: 'bad', command: 'sleep', args: [], cwd: fixture.repo, isolation: 'worktree', agent: 'no-such-agent' }))
      .rejects.toThrow('no agent profile named no-such-agent');
    expect(existsSync(join(`${fixture.repo}.worktrees`, 'bad'))).toBe(false);
    expect(groveBranches()).toEqual([]);
  });
});

describe('committing turns', () => {
  it('commits the worktree when the program exits, naming the session and the turn', async () => {
    start();
    const info = await review.createSession({ name: 'agent', command: 'sh', args: ['-c', 'echo done > result.txt'], cwd: fixture.repo, isolation: 'worktree' });
    await until(() => session(info.id)?.status === 'exited', 'the program to exit');
    await review.dispose();
    expect(subjects('grove/agent')).toEqual(['grove: agent turn 1', 'initial']);
    expect(fixture.git(['show', 'grove/agent:result.txt'])).toBe('done\n');
  });

  it('records a turn commit that failed in the session, until a commit succeeds', async () => {
    start();
    // The program leaves git's index locked, as a git command killed halfway would.
    const script = 'echo done > result.txt; touch "$(git rev-parse --git-path index.lock)"';
    const info = await review.createSession({ name: 'locked', command: 'sh', args: ['-c', script], cwd: fixture.repo, isolation: 'worktree' });
    await until(() => session(info.id)?.turnCommitFailure !== undefined, 'the failed commit to be recorded');
    expect(session(info.id)?.turnCommitFailure).toMatch(/index\.lock/);
    rmSync(fixture.git(['rev-parse', '--path-format=absolute', '--git-path', 'index.lock'], info.cwd).trim());
    expect((await review.commitTurn(info.id)).turn).toBe(1);
    expect(session(info.id)?.turnCommitFailure).toBeUndefined();
  });

  it('commits on request (prefix s), numbering the turns, and says when there was nothing to commit', async () => {
    start({ commitMessage: '{branch}: turn {turn} of {session} ({agent})' });
    const info = await sleeper('manual');
    fixture.write('one.txt', '1\n', info.cwd);
    expect(await review.commitTurn(info.id)).toMatchObject({ turn: 1, commit: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expect(await review.commitTurn(info.id)).toEqual({});
    fixture.write('two.txt', '2\n', info.cwd);
    expect(await review.commitTurn(info.id)).toMatchObject({ turn: 2 });
    expect(subjects('grove/manual').slice(0, 2)).toEqual(['grove/manual: turn 2 of manual (shell)', 'grove/manual: turn 1 of manual (shell)']);
  });

  it('commits nothing at the end of a turn when commit per turn is off', async () => {
    start({ commitPerTurn: false });
    const info = await review.createSession({ name: 'quiet', command: 'sh', args: ['-c', 'echo x > x.txt'], cwd: fixture.repo, isolation: 'worktree' });
    await until(() => session(info.id)?.status === 'exited', 'the program to exit');
    await review.dispose();
    expect(subjects('grove/quiet')).toEqual(['initial']);
  });

  it('never commits in a workspace session', async () => {
    start();
    const info = await host.create({ name: 'ws', command: 'sh', args: ['-c', 'echo x > x.txt'], cwd: fixture.repo });
    await expect(review.commitTurn(info.id)).rejects.toThrow('ws is a workspace session with no worktree to commit: grove commits only in worktree sessions');
    await until(() => session(info.id)?.status === 'exited', 'the program to exit');
    await review.dispose();
    expect(subjects('main')).toEqual(['initial']);
    expect(fixture.git(['status', '--porcelain'])).toBe('?? x.txt\n');
  });
});

describe('reviewing and merging', () => {
  it('diffs a worktree session against its base, and a workspace session against its checkout', async () => {
    start();
    const info = await sleeper('diffed');
    fixture.commit('committed', { 'a.txt': 'a\n' }, info.cwd);
    fixture.write('README.md', 'changed\n', info.cwd);
    fixture.write('new.txt', 'new\n', info.cwd);
    const diff = await review.diff(info.id);
    expect(diff.commits.map((c) => c.subject)).toEqual(['committed']);
    expect(diff.files.map((f) => [f.path, f.status])).toEqual([['README.md', 'modified'], ['a.txt', 'added'], ['new.txt', 'untracked']]);

    const workspace = await host.create({ name: 'ws', command: 'sleep', args: ['60'], cwd: fixture.repo });
    fixture.write('README.md', 'mine\n');
    expect((await review.diff(workspace.id)).files.map((f) => f.path)).toEqual(['README.md']);
  });

  it('previews, then merges with the pending work committed first', async () => {
    start();
    const info = await sleeper('feature');
    fixture.write('feature.txt', 'work\n', info.cwd);
    const preview = await review.previewMerge(info.id);
    expect(preview).toMatchObject({ branch: 'grove/feature', baseBranch: 'main', uncommitted: ['feature.txt'], commitsFirst: true });
    expect(preview.preview.upToDate).toBe(true);
    expect(preview.files.map((f) => f.path)).toEqual(['feature.txt']);

    const result = await review.merge(info.id, { mode: 'squash', onConflict: 'abort' });
    expect(result.committed).toMatch(/^[0-9a-f]{40}$/);
    expect(result.outcome).toMatchObject({ kind: 'merged', mode: 'squash' });
    expect(fixture.read('feature.txt')).toBe('work\n');
    expect(session(info.id)?.status).not.toBe('exited');
  });

  it('cleans up after a merge when configured to', async () => {
    start({ cleanupAfterMerge: true });
    const info = await sleeper('tidy');
    fixture.commit('work', { 'tidy.txt': 'x\n' }, info.cwd);
    const result = await review.merge(info.id, { mode: 'merge', onConflict: 'abort' });
    expect(result.cleanup).toMatchObject({ removed: { removedFolder: true, branch: { deleted: true } } });
    expect(session(info.id)).toBeUndefined();
    expect(existsSync(info.cwd)).toBe(false);
  });

  it('refuses to merge or remove a workspace session, saying what to do instead', async () => {
    start();
    const info = await host.create({ name: 'ws', command: 'sleep', args: ['60'], cwd: fixture.repo });
    await expect(review.previewMerge(info.id)).rejects.toThrow('ws is a workspace session with no worktree to merge: its changes are already in the checkout');
    await expect(review.remove(info.id, {})).rejects.toThrow('ws is a workspace session with no worktree to remove: grove kill ends it');
  });
});

describe('removing', () => {
  it('ends the session and removes worktree and branch when nothing would be lost', async () => {
    start();
    const info = await sleeper('done');
    const outcome = await review.remove(info.id, {});
    expect(outcome).toMatchObject({ removedFolder: true, branch: { deleted: true } });
    expect(session(info.id)).toBeUndefined();
    expect(existsSync(info.cwd)).toBe(false);
    expect(groveBranches()).toEqual([]);
  });

  it('refuses while work would be lost, leaving the session running; with the loss confirmed it keeps the branch', async () => {
    start({ commitPerTurn: false });
    const info = await sleeper('busy');
    fixture.commit('unmerged', { 'kept.txt': 'k\n' }, info.cwd);
    fixture.write('scratch.txt', 'unsaved\n', info.cwd);
    await expect(review.remove(info.id, {})).rejects.toThrow(/^removing busy would lose 1 untracked file and 1 commit not in main; confirm/);
    expect(session(info.id)?.status).not.toBe('exited');
    expect(existsSync(join(info.cwd, 'scratch.txt'))).toBe(true);

    const outcome = await review.remove(info.id, { confirmedLoss: true });
    expect(outcome).toMatchObject({ removedFolder: true, branch: { deleted: false } });
    expect(existsSync(info.cwd)).toBe(false);
    expect(subjects('grove/busy')[0]).toBe('unmerged');
  });

  it('unlocks the worktree of a killed session, which prune then offers to remove', async () => {
    start();
    const kept = await sleeper('kept');
    const killed = await sleeper('killed');
    await host.kill(killed.id);
    await until(() => lockedPaths().length === 1, 'the killed session’s worktree to be unlocked');
    expect(lockedPaths()).toEqual([kept.cwd]);

    const scan = await review.pruneScan(fixture.repo);
    expect(scan.worktrees.map((w) => w.path)).toEqual([killed.cwd]);
    const results = await review.prune(fixture.repo, { worktrees: [{ path: killed.cwd }] });
    expect(results).toEqual([{ target: killed.cwd, done: true, detail: 'removed with branch grove/killed' }]);
    expect(existsSync(killed.cwd)).toBe(false);
    expect(existsSync(kept.cwd)).toBe(true);
  });

  it('offers a live session whose branch was squash-merged, and removes it with its branch', async () => {
    start();
    const done = await sleeper('squashed');
    const idle = await sleeper('untouched');
    const busy = await sleeper('unmerged');
    fixture.commit('work', { 'sq.txt': 's\n' }, done.cwd);
    fixture.commit('more work', { 'sq2.txt': 't\n' }, done.cwd);
    fixture.commit('other work', { 'un.txt': 'u\n' }, busy.cwd);
    fixture.git(['merge', '--squash', 'grove/squashed']);
    fixture.git(['commit', '-q', '-m', 'squash of the work']);

    const scan = await review.pruneScan(fixture.repo);
    // One that never committed is merged in name only, and one with work of its own is not done.
    expect(scan.merged).toEqual([{ id: done.id, name: 'squashed', path: done.cwd, branch: 'grove/squashed', base: 'main', mergedBy: 'squash' }]);
    const results = await review.prune(fixture.repo, { sessions: [{ id: done.id }] });
    expect(results).toEqual([{ target: 'squashed', done: true, detail: expect.stringMatching(/^ended; /) }]);
    expect(session(done.id)).toBeUndefined();
    expect(existsSync(done.cwd)).toBe(false);
    expect(groveBranches()).toEqual(['grove/unmerged', 'grove/untouched']);
    expect(session(idle.id)?.status).not.toBe('exited');
  });

  it('says a sync found the branch already in its base, and removes it when configured to clean up', async () => {
    start({ cleanupAfterMerge: true });
    const info = await sleeper('landed');
    fixture.commit('work', { 'landed.txt': 'l\n' }, info.cwd);
    fixture.git(['merge', '--squash', 'grove/landed']);
    fixture.git(['commit', '-q', '-m', 'landed upstream']);
    const result = await review.sync(info.id, { mode: 'merge', onConflict: 'abort' });
    expect(result.done).toBeDefined();
    expect(result.cleanup).toMatchObject({ removed: { removedFolder: true } });
    expect(session(info.id)).toBeUndefined();
    expect(existsSync(info.cwd)).toBe(false);
  });

  it('prunes a session’s worktree whose folder has gone, closing the session', async () => {
    start();
    const info = await sleeper('vanished');
    fixture.git(['worktree', 'unlock', info.cwd]);
    fixture.git(['worktree', 'remove', '--force', info.cwd]);
    const scan = await review.pruneScan(fixture.repo);
    expect(scan.missing).toMatchObject([{ path: info.cwd, branch: 'grove/vanished', owner: info.worktree }]);
    const results = await review.prune(fixture.repo, { missing: [{ path: info.cwd }] });
    expect(results[0]).toMatchObject({ done: true });
    expect(session(info.id)).toBeUndefined();
  });
});

describe('over the protocol', () => {
  const context = (): RequestContext => ({ host, review, resolve: (query) => resolveSession(host, query), defaultSize: () => undefined, stop: () => undefined });

  it('routes worktree creation through the service, with its branch and base', async () => {
    start();
    const base = fixture.head();
    fixture.commit('later', { 'later.txt': 'l\n' });
    const info = (await runRequest('create', { name: 'req', command: 'sleep', args: ['60'], cwd: fixture.repo, isolation: 'worktree', branch: 'topic/x', base }, context())) as SessionInfo;
    expect(info.worktree).toMatchObject({ branch: 'topic/x', baseBranch: base, baseCommit: base });
    await expect(runRequest('create', { command: 'sleep', args: ['60'], cwd: fixture.repo, branch: 'y' }, context()))
      .rejects.toThrow('a branch, base or plan is for worktree isolation; a workspace session works on the checkout as it is');
    await expect(runRequest('merge', { session: 'req', mode: 'fast-forward', onConflict: 'abort' }, context())).rejects.toThrow(/^bad merge request/);
    expect(await runRequest('removalReport', { session: 'req' }, context())).toMatchObject({ uncommitted: [], untracked: [], commits: [] });
  });

  it('keeps a worktree session’s record in the state file', async () => {
    start();
    const info = await sleeper('kept');
    const store = new StateStore(join(fixture.home, 'state'));
    store.save(host.list().map((s) => toRecord(s)));
    expect(new StateStore(join(fixture.home, 'state')).load().records[0]?.worktree).toEqual(info.worktree);
  });
});
