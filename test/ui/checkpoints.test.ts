/**
 * The checkpoints view in process: a real repository, a CheckpointService (and the review loop, for the
 * diff view's comments) over the app's host, and a fake
 * agent that edits the checkout on each prompt. C-b U lists the turns; Enter shows one turn's diff, `u`
 * undoes the turn under the cursor (refused for a file the user changed since, then put back on a second
 * `u`), and `r` redoes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SimpleGitPort } from '../../src/io/git.js';
import { nodeCheckpointFiles } from '../../src/io/checkpoint-files.js';
import { CheckpointService } from '../../src/server/checkpoints/checkpoint-service.js';
import type { ReviewService } from '../../src/server/review/review-service.js';
import { GitFixture } from '../integration/git-fixture.js';
import { reviewServiceFor } from '../integration/review-fixture.js';
import { UiHarness, type FakePty } from './ui-harness.js';

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

describe('the checkpoints view', () => {
  it('lists the turns, shows one, undoes one (asking again for a file changed since) and redoes', async () => {
    fixture = GitFixture.create();
    const repo = fixture.repo;
    fixture.commit('start', { 'a.txt': 'a0\n', 'b.txt': 'b0\n' });
    ui = new UiHarness({
      cwd: repo,
      programs: { agent: editingAgent(repo) },
      review: (host) => (review = reviewServiceFor(host)),
      checkpoints: (host) => (service = new CheckpointService(host, new SimpleGitPort(), nodeCheckpointFiles, () => undefined)),
    });
    const session = await ui.host.create({ name: 'desk', command: 'agent', args: [], cwd: repo });
    ui.app.focus(session.id);
    const status = () => ui!.host.list()[0]?.status;
    await ui.waitFor(() => status() === 'idle', 'the agent at rest', 8000);
    for (const [turn, prompt] of ['a.txt one', 'b.txt two'].entries()) {
      ui.type(`${prompt}\r`);
      // Its own word that it is done, then the status: on a loaded machine the status may rest mid-turn.
      await ui.waitForText(`done ${turn + 1}`, 8000);
      await ui.waitFor(() => status() === 'idle', 'the turn over', 8000);
    }
    for (let tries = 0; (await service!.list(session.id)).length < 2; tries++) {
      if (tries > 400) throw new Error('waited for two checkpoints');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    ui.press('C-b', 'U');
    await ui.waitForText('Checkpoints of desk');
    expect(ui.lines().join('\n')).toMatch(/1 {2}turn .* a\.txt[\s\S]*2 {2}turn .* b\.txt/u);
    ui.press('k', 'Enter');
    await ui.waitForText('+one');
    expect(ui.lines().join('\n')).not.toContain('+two');
    ui.press('q', 'C-b', 'U');
    await ui.waitForText('Enter diff · u undo');

    writeFileSync(join(repo, 'b.txt'), 'mine\n');
    ui.press('u');
    await ui.waitForText('not undone: b.txt changed since; u again');
    expect(ui.lines().join('\n')).toMatch(/puts them back anyway/u);
    expect(readFileSync(join(repo, 'b.txt'), 'utf8')).toBe('mine\n');
    ui.press('u');
    await ui.waitForText('undid turn 2: put back b.txt (checkpoint 3)');
    expect(readFileSync(join(repo, 'b.txt'), 'utf8')).toBe('b0\n');
    expect(readFileSync(join(repo, 'a.txt'), 'utf8')).toBe('one\n');

    // The redo puts back what the undo replaced: the user's edit, which was never lost.
    ui.press('r');
    await ui.waitForText('redid turn 2 (undid undo 3): put back b.txt (checkpoint 4)');
    expect(readFileSync(join(repo, 'b.txt'), 'utf8')).toBe('mine\n');
  });

  it('says so when no server keeps checkpoints', async () => {
    ui = new UiHarness({ cwd: '/repo' });
    const session = await ui.host.create({ name: 'w', command: 'sh', args: [], cwd: '/repo' });
    ui.app.focus(session.id);
    ui.press('C-b', 'U');
    await ui.waitForText('this grove has no server keeping checkpoints');
  });
});
