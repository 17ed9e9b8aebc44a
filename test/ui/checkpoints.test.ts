/**
 * The checkpoints view in process: a real repository, a CheckpointService (and the review loop, for the
 * diff view's comments) over the app's host, and a fake
 * agent that edits the checkout on each prompt. C-b U lists the turns; Enter shows one turn's diff, `u`
 * undoes the turn under the cursor (refused for a file the user changed since, then put back on a second
 * `u`), and `r` redoes. A prompt given as a turn ends is measured from the files then, however slow git
 * is to record that turn. C-b W moves the session into a worktree of its own and back, asking first.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../src/core/session/session.js';
import type { GitResult, GitRunOptions } from '../../src/server/worktrees/ports.js';
import { SimpleGitPort } from '../../src/io/git.js';
import { nodeCheckpointFiles } from '../../src/io/checkpoint-files.js';
import { CheckpointService } from '../../src/server/checkpoints/checkpoint-service.js';
import { SessionMover } from '../../src/server/move/session-mover.js';
import { nodeWorktreeFiles } from '../../src/io/git-files.js';
import { repositoryOf } from '../../src/io/repository.js';
import type { ReviewService } from '../../src/server/review/review-service.js';
import { GitFixture } from '../integration/git-fixture.js';
import { reviewServiceFor } from '../integration/review-fixture.js';
import { checkpointPort, UiHarness, type FakePty } from './ui-harness.js';

let ui: UiHarness | undefined;
let fixture: GitFixture | undefined;
let service: CheckpointService | undefined;
let review: ReviewService | undefined;
afterEach(async () => {
  await ui?.dispose();
  await service?.dispose();
  await review?.dispose();
  fixture?.dispose();
});

/**
 * Git whose bookkeeping is slow (as on a loaded machine): the commands that write and read checkpoints
 * wait first, the ones that read the files (the snapshot) do not.
 */
class SlowBookkeepingGit extends SimpleGitPort {
  override async exec(cwd: string, args: readonly string[], options?: GitRunOptions): Promise<GitResult> {
    if (['commit-tree', 'update-ref', 'diff', 'for-each-ref'].includes(args[0]!)) await new Promise((resolve) => setTimeout(resolve, 400));
    return super.exec(cwd, args, options);
  }
}

/** On each Enter works for a while (its turn), writing the rest of the line into the file it names ("a.txt one"), then says `done N`. */
function editingAgent(repo: string) {
  return (pty: FakePty): void => {
    let line = '';
    let turns = 0;
    pty.print('ready> ');
    pty.onInput((data) => {
      line += data;
      if (!line.includes('\r')) return;
      const [file, ...words] = line.replace(/\r.*$/su, '').split(' ');
      line = '';
      let ticks = 0;
      const timer = setInterval(() => {
        pty.print(`working ${ticks}\r\n`);
        // Like an agent, it reads the prompt and thinks a moment before it writes.
        if (ticks === 4) writeFileSync(join(repo, file!), `${words.join(' ')}\n`);
        if (++ticks >= 14) {
          clearInterval(timer);
          pty.print(`done ${++turns}\r\nready> `);
        }
      }, 150);
    });
  };
}

/**
 * A repository holding a.txt and b.txt, the view over it with the editing agent as session `desk` (and the
 * review loop, for the diff view's comments, with `withReview`), once the agent is at rest.
 */
async function deskAtRest(git: SimpleGitPort, withReview = false): Promise<{ repo: string; session: SessionInfo; view: UiHarness }> {
  fixture = GitFixture.create();
  const repo = fixture.repo;
  fixture.commit('start', { 'a.txt': 'a0\n', 'b.txt': 'b0\n' });
  const view = (ui = new UiHarness({
    cwd: repo,
    programs: { agent: editingAgent(repo) },
    review: withReview ? (host) => (review = reviewServiceFor(host)) : undefined,
    checkpoints: (host) => checkpointPort(service = new CheckpointService(host, git, nodeCheckpointFiles, () => undefined)),
  }));
  const session = await view.host.create({ name: 'desk', command: 'agent', args: [], cwd: repo });
  view.app.focus(session.id);
  await view.waitFor(() => deskStatus() === 'idle', 'the agent at rest', 8000);
  return { repo, session, view };
}

const deskStatus = () => ui!.host.list()[0]?.status;

/** Gives the agent its `count`th prompt and waits for the turn to be over. */
async function turn(prompt: string, count: number): Promise<void> {
  ui!.type(`${prompt}\r`);
  // Its own word that it is done, then the status: on a loaded machine the status may rest mid-turn.
  await ui!.waitForText(`done ${count}`, 8000);
  await ui!.waitFor(() => deskStatus() === 'idle', 'the turn over', 8000);
}

/** Waits until the service has recorded `count` checkpoints of the session (the recorder writes them after the turn). */
async function checkpointsOf(id: string, count: number): Promise<void> {
  const deadline = Date.now() + 8000;
  while ((await service!.list(id)).length < count) {
    if (Date.now() > deadline) throw new Error(`waited for ${count} checkpoints`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the checkpoints view', () => {
  it('lists the turns, shows one, undoes one (asking again for a file changed since) and redoes', async () => {
    const { repo, session, view } = await deskAtRest(new SimpleGitPort(), true);
    await turn('a.txt one', 1);
    await turn('b.txt two', 2);
    await checkpointsOf(session.id, 2);

    view.press('C-b', 'U');
    await view.waitForText('Checkpoints of desk');
    expect(view.lines().join('\n')).toMatch(/1 {2}turn .* a\.txt[\s\S]*2 {2}turn .* b\.txt/u);
    view.press('k', 'Enter');
    await view.waitForText('+one');
    expect(view.lines().join('\n')).not.toContain('+two');
    view.press('q', 'C-b', 'U');
    await view.waitForText('Enter diff · u undo');

    writeFileSync(join(repo, 'b.txt'), 'mine\n');
    view.press('u');
    await view.waitForText('not undone: b.txt changed since; u again');
    expect(view.lines().join('\n')).toMatch(/puts them back anyway/u);
    expect(readFileSync(join(repo, 'b.txt'), 'utf8')).toBe('mine\n');
    view.press('u');
    await view.waitForText('undid turn 2: put back b.txt (checkpoint 3)');
    expect(readFileSync(join(repo, 'b.txt'), 'utf8')).toBe('b0\n');
    expect(readFileSync(join(repo, 'a.txt'), 'utf8')).toBe('one\n');

    // The redo puts back what the undo replaced: the user's edit, which was never lost.
    view.press('r');
    await view.waitForText('redid turn 2 (undid undo 3): put back b.txt (checkpoint 4)');
    expect(readFileSync(join(repo, 'b.txt'), 'utf8')).toBe('mine\n');
  });

  it('measures a prompt given as the last turn ends from the files then, though recording that turn is slow', async () => {
    const { session } = await deskAtRest(new SlowBookkeepingGit());
    await turn('a.txt one', 1);
    // At once: the agent writes b.txt 600 ms after this Enter, while the first turn is still being recorded.
    await turn('b.txt two', 2);
    await checkpointsOf(session.id, 2);
    const turns = await service!.list(session.id);
    expect(turns.map((turn) => turn.preview)).toEqual([['a.txt'], ['b.txt']]);
  });

  it('moves the session into a worktree of its own with C-b W, asking first, and back', async () => {
    fixture = GitFixture.create();
    const repo = fixture.repo;
    fixture.commit('start', { 'a.txt': 'a0\n' });
    let mover: SessionMover | undefined;
    ui = new UiHarness({
      cwd: repo,
      repositoryOf,
      programs: { agent: editingAgent(repo) },
      review: (host) => (review = reviewServiceFor(host)),
      checkpoints: (host) => {
        service = new CheckpointService(host, new SimpleGitPort(), nodeCheckpointFiles, () => undefined);
        mover = new SessionMover({ host, git: new SimpleGitPort(), files: nodeWorktreeFiles, checkouts: service.checkouts, review: review!, conversations: { carry: async () => false }, log: () => undefined });
        return checkpointPort(service, mover);
      },
    });
    const session = await ui.host.create({ name: 'desk', command: 'agent', args: [], cwd: repo });
    ui.app.focus(session.id);
    await ui.waitFor(() => deskStatus() === 'idle', 'the agent at rest', 8000);
    await turn('a.txt one', 1);
    await checkpointsOf(session.id, 1);

    ui.press('C-b', 'W');
    await ui.waitForText('move desk into a worktree of its own, with its changed files? (y/n)');
    expect(existsSync(`${repo}.worktrees`)).toBe(false);
    ui.press('y');
    await ui.waitForText('moved desk to a worktree on grove/desk', 8000);
    const worktree = join(`${repo}.worktrees`, 'desk');
    expect([readFileSync(join(repo, 'a.txt'), 'utf8'), readFileSync(join(worktree, 'a.txt'), 'utf8')]).toEqual(['a0\n', 'one\n']);
    expect(ui.host.list()[0]).toMatchObject({ cwd: worktree, isolation: 'worktree' });
    await ui.waitForText('grove/desk');
    expect(ui.lines().join('\n')).toMatch(/Sessions \(1\)/u);

    await ui.waitFor(() => deskStatus() === 'idle', 'the agent started again', 8000);
    ui.press('C-b', 'W');
    await ui.waitForText("move desk into the checkout, with its worktree's work? (y/n)");
    ui.press('y');
    await ui.waitForText('moved desk to the checkout', 8000);
    expect(readFileSync(join(repo, 'a.txt'), 'utf8')).toBe('one\n');
    expect(ui.host.list()[0]).toMatchObject({ cwd: repo, isolation: 'workspace' });
  });

  it('says so when no server keeps checkpoints', async () => {
    ui = new UiHarness({ cwd: '/repo' });
    const session = await ui.host.create({ name: 'w', command: 'sh', args: [], cwd: '/repo' });
    ui.app.focus(session.id);
    ui.press('C-b', 'U');
    await ui.waitForText('this grove has no server keeping checkpoints');
  });
});
