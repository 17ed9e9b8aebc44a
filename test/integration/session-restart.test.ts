/**
 * What a session keeps across a server restart, with real ptys, real repositories and a real state file:
 * a "server" here is a session host and a review service whose session lists are saved to the state file
 * as GroveServer saves them, and a restart is a second pair restored from that file while the first is
 * gone without a word (its sessions come back dead). A user-defined agent's status rules, the numbering of
 * turn commits, and the base commit a rebase merge moved must all come through.
 */
import { join } from 'node:path';
import type { Subscription } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../src/core/session/session.js';
import type { StatusRule } from '../../src/core/status/rules.js';
import { fsLaunchChecks } from '../../src/io/launch-checks.js';
import { nodePtySpawner } from '../../src/io/pty.js';
import { LocalSessionHost } from '../../src/server/local-host.js';
import { onThisThread } from '../../src/emu/in-thread-emulators.js';
import type { ReviewService } from '../../src/server/review/review-service.js';
import { StateStore, toRecord } from '../../src/io/state-store.js';
import { GitFixture } from './git-fixture.js';
import { reviewServiceFor } from './review-fixture.js';

interface Server {
  readonly host: LocalSessionHost;
  readonly review: ReviewService;
  readonly persist: Subscription;
}

let fixture: GitFixture;
const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) await crash(server);
  fixture?.dispose();
});

/** A server over the state folder: earlier sessions restored (dead), every change of sessions saved. */
function startServer(): Server {
  const store = new StateStore(join(fixture.home, 'state'), { statusDelayMs: 0 });
  const host = new LocalSessionHost({ emulatorThreads: onThisThread, spawner: nodePtySpawner, checks: fsLaunchChecks, env: process.env, killGraceMs: 500 });
  // As src/cli/server-process.ts restores them.
  host.restore(store.load().records.map(({ lastStatus: _status, branch: _branch, ...session }) => session));
  const review = reviewServiceFor(host);
  const persist = host.sessions$.subscribe((list) => store.save(list.map((s) => toRecord(s, host.statusRulesOf(s.id)))));
  const server = { host, review, persist };
  servers.push(server);
  return server;
}

/** The server stops without saving anything more and without its review loop's goodbyes (unlocking worktrees). */
async function crash(server: Server): Promise<void> {
  servers.splice(servers.indexOf(server), 1);
  server.persist.unsubscribe();
  await server.review.dispose();
  await server.host.dispose();
}

async function restart(server: Server): Promise<Server> {
  await crash(server);
  return startServer();
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const sessionIn = (server: Server, id: string): SessionInfo => server.host.list().find((s) => s.id === id)!;
const subjects = (ref: string) => fixture.git(['log', '--format=%s', ref]).trim().split('\n');
const stateFile = () => new StateStore(join(fixture.home, 'state')).load().records;

describe('a user-defined agent’s status rules', () => {
  it('read the session again after a restart and a relaunch', async () => {
    fixture = GitFixture.create();
    const rules: StatusRule[] = [{ status: 'waiting', match: 'READY-FOR-YOU', in: 'screen' }];
    let server = startServer();
    // Without the rule this program reads as idle: it printed, then went quiet.
    const info = await server.host.create({
      name: 'marker', command: 'sh', args: ['-c', 'echo READY-FOR-YOU; exec sleep 60'], cwd: fixture.repo, statusRules: rules,
    });
    await until(() => sessionIn(server, info.id).status === 'waiting', 'the rule to match');
    expect(stateFile()[0]).toMatchObject({ agent: 'shell', statusRules: rules });

    server = await restart(server);
    expect(sessionIn(server, info.id).status).toBe('dead');
    expect(server.host.statusRulesOf(info.id)).toEqual(rules);
    await server.host.relaunch(info.id);
    await until(() => sessionIn(server, info.id).status === 'waiting', 'the rule to match after the relaunch');
    expect(stateFile()[0]?.statusRules).toEqual(rules);
  });

  it('are not written for a session that brought none', async () => {
    fixture = GitFixture.create();
    const server = startServer();
    await server.host.create({ name: 'plain', command: 'sleep', args: ['60'], cwd: fixture.repo });
    expect(stateFile()[0]).not.toHaveProperty('statusRules');
  });
});

describe('turn numbers', () => {
  it('go on from the branch’s last turn after a restart, instead of starting at 1 again', async () => {
    fixture = GitFixture.create();
    let server = startServer();
    const info = await server.review.createSession({ name: 'counted', command: 'sleep', args: ['60'], cwd: fixture.repo, isolation: 'worktree' });
    fixture.write('one.txt', '1\n', info.cwd);
    expect(await server.review.commitTurn(info.id)).toMatchObject({ turn: 1 });
    fixture.commit('a commit of my own', { 'mine.txt': 'm\n' }, info.cwd);
    fixture.write('two.txt', '2\n', info.cwd);
    expect(await server.review.commitTurn(info.id)).toMatchObject({ turn: 2 });

    server = await restart(server);
    await server.host.relaunch(info.id);
    fixture.write('three.txt', '3\n', info.cwd);
    expect(await server.review.commitTurn(info.id)).toMatchObject({ turn: 3 });
    fixture.write('four.txt', '4\n', info.cwd);
    expect(await server.review.commitTurn(info.id)).toMatchObject({ turn: 4 });
    expect(subjects('grove/counted')).toEqual([
      'grove: counted turn 4', 'grove: counted turn 3', 'grove: counted turn 2', 'a commit of my own', 'grove: counted turn 1', 'initial',
    ]);
  });

  it('go on from the turns of a session that used the branch before', async () => {
    fixture = GitFixture.create();
    const server = startServer();
    const first = await server.review.createSession({ name: 'first', command: 'sleep', args: ['60'], cwd: fixture.repo, isolation: 'worktree' });
    fixture.write('one.txt', '1\n', first.cwd);
    await server.review.commitTurn(first.id);
    await server.review.remove(first.id, { deleteBranch: false });
    const second = await server.review.createSession({
      name: 'second', command: 'sleep', args: ['60'], cwd: fixture.repo, isolation: 'worktree', branch: 'grove/first',
    });
    fixture.write('two.txt', '2\n', second.cwd);
    expect(await server.review.commitTurn(second.id)).toMatchObject({ turn: 2 });
    expect(subjects('grove/first')).toEqual(['grove: second turn 2', 'grove: first turn 1', 'initial']);
  });
});

describe('a rebase merge', () => {
  it('moves the record’s base commit, persisted and published, so the base’s own work is never counted as the session’s', async () => {
    fixture = GitFixture.create();
    let server = startServer();
    const info = await server.review.createSession({ name: 'rebased', command: 'sleep', args: ['60'], cwd: fixture.repo, isolation: 'worktree' });
    const forkedFrom = fixture.head();
    fixture.write('own.txt', 'mine\n', info.cwd);
    await server.review.commitTurn(info.id);
    fixture.commit('main moves', { 'main.txt': 'theirs\n' });
    const mainBefore = fixture.head();

    const result = await server.review.merge(info.id, { mode: 'rebase', onConflict: 'abort' });
    expect(result.outcome).toMatchObject({ kind: 'merged', mode: 'rebase', record: { baseCommit: mainBefore } });
    expect(sessionIn(server, info.id).worktree?.baseCommit).toBe(mainBefore);
    expect(stateFile()[0]?.worktree?.baseCommit).toBe(mainBefore);
    expect(fixture.git(['config', '--get', 'branch.grove/rebased.grovebasecommit']).trim()).toBe(mainBefore);
    expect(forkedFrom).not.toBe(mainBefore);

    // The session works on; its diff is its new work alone.
    fixture.write('more.txt', 'more\n', info.cwd);
    await server.review.commitTurn(info.id);
    const diff = await server.review.diff(info.id);
    expect(diff.commits.map((c) => c.subject)).toEqual(['grove: rebased turn 2']);
    expect(diff.files.map((f) => f.path)).toEqual(['more.txt']);

    // With the base branch gone from under it (renamed), grove falls back to the recorded base commit —
    // which must be where the rebase put the branch, not where it forked before main moved.
    fixture.git(['branch', '-m', 'main', 'trunk']);
    server = await restart(server);
    expect(sessionIn(server, info.id).worktree?.baseCommit).toBe(mainBefore);
    const fallback = await server.review.diff(info.id);
    expect(fallback.base).toBe(mainBefore);
    expect(fallback.commits.map((c) => c.subject)).toEqual(['grove: rebased turn 2', 'grove: rebased turn 1']);
    expect(fallback.files.map((f) => f.path)).toEqual(['more.txt', 'own.txt']);
    expect((await server.review.removalReport(info.id)).commits.map((c) => c.subject)).not.toContain('main moves');

    // And the turns rebased onto main still count: the next one is 3.
    fixture.write('last.txt', 'last\n', info.cwd);
    expect(await server.review.commitTurn(info.id)).toMatchObject({ turn: 3 });
  });

  it('leaves the base commit of a merge or a squash alone: the branch still starts where it did', async () => {
    fixture = GitFixture.create();
    const server = startServer();
    for (const mode of ['merge', 'squash'] as const) {
      const info = await server.review.createSession({ name: mode, command: 'sleep', args: ['60'], cwd: fixture.repo, isolation: 'worktree' });
      const record = info.worktree!;
      fixture.write(`${mode}.txt`, 'x\n', info.cwd);
      fixture.commit(`main moves before the ${mode}`, { [`main-${mode}.txt`]: 'y\n' });
      expect((await server.review.merge(info.id, { mode, onConflict: 'abort' })).outcome).toMatchObject({ kind: 'merged', record });
      expect(sessionIn(server, info.id).worktree).toEqual(record);
    }
  });
});
