/**
 * Removing a worktree session ends the other sessions open in its worktree (a shell from prefix o, or
 * `grove new --cwd` into it) before git removes the folder, and takes them off the session list as it
 * does the session itself. Real repositories, a real session host, real ptys.
 */
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../src/core/session/session.js';
import { fsLaunchChecks } from '../../src/io/launch-checks.js';
import { nodePtySpawner } from '../../src/io/pty.js';
import { LocalSessionHost } from '../../src/server/local-host.js';
import { onThisThread } from '../../src/emu/in-thread-emulators.js';
import type { PtyProcess, PtySpawner } from '../../src/server/ports.js';
import type { ReviewService } from '../../src/server/review/review-service.js';
import { GitFixture } from './git-fixture.js';
import { reviewServiceFor } from './review-fixture.js';

let fixture: GitFixture;
let host: LocalSessionHost;
let review: ReviewService;
/** Programs started with STUBBORN=1 in their environment: grove's signals never reach them. */
const stubborn: PtyProcess[] = [];

/** A pty whose program cannot be ended, as one stuck in the kernel would be; the test ends it itself. */
function unendable(pty: PtyProcess): PtyProcess {
  stubborn.push(pty);
  return {
    get pid() { return pty.pid; },
    foreground: () => pty.foreground(),
    onData: (listener) => pty.onData(listener),
    onExit: (listener) => pty.onExit(listener),
    write: (data) => pty.write(data),
    resize: (cols, rows) => pty.resize(cols, rows),
    pause: () => pty.pause(),
    resume: () => pty.resume(),
    terminate: () => undefined,
  };
}

const spawner: PtySpawner = {
  spawn: (file, args, options) => {
    const pty = nodePtySpawner.spawn(file, args, options);
    return options.env.STUBBORN === '1' ? unendable(pty) : pty;
  },
};

function start(settings: { cleanupAfterMerge?: boolean } = {}): void {
  fixture = GitFixture.create();
  host = new LocalSessionHost({ emulatorThreads: onThisThread, spawner, checks: fsLaunchChecks, env: process.env, killGraceMs: 300 });
  review = reviewServiceFor(host, { settings, endWithinMs: 1500 });
}

afterEach(async () => {
  for (const pty of stubborn.splice(0)) {
    try { process.kill(pty.pid, 'SIGKILL'); } catch { /* already gone */ }
  }
  await host?.dispose();
  await review?.dispose();
  fixture?.dispose();
});

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const worktree = (name: string) => review.createSession({ name, command: 'sleep', args: ['60'], cwd: fixture.repo, isolation: 'worktree' });
const shell = (name: string, cwd: string, env?: Record<string, string>) =>
  host.create({ name, command: 'sleep', args: ['60'], cwd, ...(env ? { env } : {}) });
const names = () => host.list().map((s) => s.name).sort();
const running = (info: SessionInfo) => ['starting', 'working', 'waiting', 'idle'].includes(host.list().find((s) => s.id === info.id)?.status ?? 'gone');
const groveBranches = () => fixture.git(['for-each-ref', '--format=%(refname:short)', 'refs/heads/grove/']).split('\n').filter(Boolean).sort();

describe('removing a worktree session with other sessions open in its worktree', () => {
  it('names them first, then ends them and takes them off the list; a sibling folder sharing the prefix is left alone', async () => {
    start();
    const owner = await worktree('wt-a');
    const sibling = await worktree('wt-ab');
    mkdirSync(join(owner.cwd, 'sub'));
    symlinkSync(owner.cwd, join(fixture.home, 'link'));
    const inRoot = await shell('api-shell', owner.cwd);
    const viaLink = await shell('deep', join(fixture.home, 'link', 'sub'));
    const exited = await host.create({ name: 'done', command: 'true', args: [], cwd: owner.cwd });
    const next = await shell('next-door', sibling.cwd);
    await until(() => host.list().find((s) => s.id === exited.id)?.status === 'exited', 'the short program to exit');

    const report = await review.removalReport(owner.id);
    expect(report.alsoEnds.map((s) => s.name).sort()).toEqual(['api-shell', 'deep', 'done']);

    const outcome = await review.remove(owner.id, { alsoEnd: report.alsoEnds.map((s) => s.id) });
    expect(outcome).toMatchObject({ removedFolder: true, branch: { deleted: true } });
    expect([...outcome.ended!].sort()).toEqual(['api-shell', 'deep', 'done']);
    expect(names()).toEqual(['next-door', 'wt-ab']);
    for (const gone of [owner, inRoot, viaLink, exited]) expect(host.list().some((s) => s.id === gone.id)).toBe(false);
    expect(running(sibling) && running(next)).toBe(true);
    expect(existsSync(owner.cwd)).toBe(false);
    expect(existsSync(sibling.cwd)).toBe(true);
    expect(groveBranches()).toEqual(['grove/wt-ab']);
  });

  it('reports no one when nothing else is open there, and removes as before', async () => {
    start();
    const owner = await worktree('alone');
    await shell('elsewhere', fixture.repo);
    expect((await review.removalReport(owner.id)).alsoEnds).toEqual([]);
    const outcome = await review.remove(owner.id, {});
    expect(outcome.ended).toBeUndefined();
    expect(names()).toEqual(['elsewhere']);
  });

  it('refuses to end a session nobody was told about, ending nothing', async () => {
    start();
    const owner = await worktree('told');
    const report = await review.removalReport(owner.id);
    const late = await shell('late-shell', owner.cwd);
    await expect(review.remove(owner.id, { alsoEnd: report.alsoEnds.map((s) => s.id) }))
      .rejects.toThrow(/^late-shell is open in the worktree of told too; removing told again says so first and ends it$/);
    expect(running(owner) && running(late)).toBe(true);
    expect(existsSync(owner.cwd)).toBe(true);
    expect(groveBranches()).toEqual(['grove/told']);
  });

  it('does not clean up after a merge by itself when another session is open in the worktree', async () => {
    start({ cleanupAfterMerge: true });
    const owner = await worktree('merged');
    fixture.commit('work', { 'm.txt': 'm\n' }, owner.cwd);
    const open = await shell('merged-shell', owner.cwd);
    const result = await review.merge(owner.id, { mode: 'merge', onConflict: 'abort' });
    expect(result.outcome.kind).toBe('merged');
    expect(result.cleanup).toEqual({ error: 'merged-shell is open in the worktree of merged too; removing merged again says so first and ends it' });
    expect(running(owner) && running(open)).toBe(true);
    expect(existsSync(owner.cwd)).toBe(true);
  });

  it('keeps the worktree and branch when one of them will not end, naming those that did', async () => {
    start();
    const owner = await worktree('stuck');
    const fine = await shell('fine', owner.cwd);
    const stuck = await shell('stuck-shell', owner.cwd, { STUBBORN: '1' });
    const report = await review.removalReport(owner.id);
    await expect(review.remove(owner.id, { alsoEnd: report.alsoEnds.map((s) => s.id) }))
      .rejects.toThrow(/^could not end stuck-shell \(open in the worktree of stuck\): it did not exit within 1\.5 s; ended fine; the worktree and its branch are kept$/);
    expect(running(owner) && running(stuck)).toBe(true);
    expect(host.list().some((s) => s.id === fine.id)).toBe(false);
    expect(existsSync(owner.cwd)).toBe(true);
    expect(groveBranches()).toEqual(['grove/stuck']);
    expect(fixture.git(['worktree', 'list', '--porcelain'])).toMatch(/stuck\nHEAD [0-9a-f]+\nbranch refs\/heads\/grove\/stuck\nlocked/);
  });
});
