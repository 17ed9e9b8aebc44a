/**
 * Review comments in the diff view, in process: a real repository, a ReviewService over the app's host,
 * and a fake agent that works for a moment on each prompt. `c` comments on the cursor's line (or a `v`
 * selection), Enter types the round to the agent with each comment's file:line and quoted lines, and the
 * comments stay in view, marked sent, until the agent's turn ends.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { repositoryOf } from '../../src/io/repository.js';
import type { ReviewService } from '../../src/server/review/review-service.js';
import { GitFixture } from '../integration/git-fixture.js';
import { reviewServiceFor } from '../integration/review-fixture.js';
import { UiHarness, type FakePty } from './ui-harness.js';

let ui: UiHarness | undefined;
let fixture: GitFixture | undefined;
let review: ReviewService | undefined;
afterEach(async () => {
  await ui?.dispose();
  await review?.dispose();
  fixture?.dispose();
});

/**
 * Takes pastes bracketed, and prints for two seconds after each Enter (a turn of work, long enough for
 * the activity that says "working" to be seen on a loaded machine), then keeps still.
 */
function busyAgent(pty: FakePty): void {
  pty.print('\x1b[?2004hready> ');
  pty.onInput((data) => {
    if (!data.includes('\r')) return;
    let ticks = 0;
    const timer = setInterval(() => {
      pty.print(`working ${ticks}\r\n`);
      if (++ticks >= 14) {
        clearInterval(timer);
        pty.print('ready> ');
      }
    }, 150);
  });
}

async function sessionWithChanges(): Promise<{ ui: UiHarness; id: string }> {
  fixture = GitFixture.create();
  ui = new UiHarness({ cwd: fixture.repo, repositoryOf, programs: { agent: busyAgent }, review: (host) => (review = reviewServiceFor(host)) });
  const session = await review!.createSession({ name: 'w', command: 'agent', args: [], cwd: fixture.repo, isolation: 'worktree' });
  fixture.commit('greet', { 'greet.txt': 'hello\nworld\nagain\n' }, session.worktree!.worktreePath);
  ui.app.focus(session.id);
  await ui.waitFor(() => ui!.host.list()[0]?.status === 'idle', 'the agent at rest', 8000);
  return { ui, id: session.id };
}

/** Opens the diff and puts the cursor on the line showing `text` (the diff fits the screen: row r is line r). */
async function cursorOn(ui: UiHarness, text: string): Promise<void> {
  ui.run('diff');
  await ui.waitForText('greet.txt');
  const row = ui.lines().findIndex((line) => line.endsWith(text));
  ui.press(...Array<string>(row - 1).fill('j'));
  await ui.waitForText(`line ${row} of`);
}

describe('review comments in the diff view', () => {
  it('c on a line keeps a comment under it; Enter types the round with file:line and the quoted line', async () => {
    const { ui, id } = await sessionWithChanges();
    await cursorOn(ui, '+world');
    ui.press('c');
    await ui.waitForText('comment on greet.txt:2:');
    ui.type('say planet instead');
    ui.press('Enter');
    await ui.waitForText('» say planet instead');
    await ui.waitForText('1 comment to send');
    const under = ui.lines().findIndex((line) => line.includes('» say planet'));
    expect(ui.lines()[under - 1]).toMatch(/\+world$/u);
    ui.press('Enter');
    await ui.waitForText('» say planet instead  (sent)');
    const agent = ui.ptys[0]!;
    await ui.waitFor(() => agent.typed.includes('\r'), 'the prompt submitted');
    expect(agent.typed).toContain('1. greet.txt:2\r   > world\r   say planet instead');
    expect(ui.host.list()[0]?.comments).toEqual([expect.objectContaining({ path: 'greet.txt', line: 2, sent: true })]);
    // The agent works on it; once its turn is over the round is done.
    await ui.waitFor(() => ui.host.list().find((s) => s.id === id)?.comments === undefined, 'the comments gone at the turn end', 10_000);
  });

  it('v selects a range for one comment; d drops a comment; Escape clears the selection before it closes', async () => {
    const { ui } = await sessionWithChanges();
    await cursorOn(ui, '+hello');
    ui.press('v', 'j', 'j');
    await ui.waitForText('3 lines selected');
    ui.press('c');
    await ui.waitForText('comment on greet.txt:1-3:');
    ui.type('too many lines');
    ui.press('Enter');
    await ui.waitForText('» lines 1-3: too many lines');
    expect(ui.host.list()[0]?.comments?.[0]?.quote).toEqual(['hello', 'world', 'again']);
    ui.press('j', 'd');
    await ui.waitFor(() => !ui.lines().join('\n').includes('too many lines'), 'the comment dropped');
    expect(ui.host.list()[0]?.comments).toBeUndefined();
    ui.press('k', 'k', 'c');
    await ui.waitForText('comment on greet.txt:1:');
    ui.press('Escape');
    await ui.waitForText('c comment · v select');
    ui.press('v', 'j');
    await ui.waitForText('2 lines selected · c comments on them · Esc clears');
    ui.press('Escape');
    await ui.waitForText('c comment · v select');
    ui.press('Enter');
    await ui.waitForText('no comments to send: c on a line writes one');
    ui.press('g', 'c');
    await ui.waitForText('c comments on lines of a patch');
  });
});
