/**
 * The review loop's dialogs, in process: the app and a ReviewService over the same session host, a real
 * repository (git-fixture.ts) and fake programs in the worktrees.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repositoryOf } from '../../src/io/repository.js';
import type { ReviewService } from '../../src/server/review/review-service.js';
import { GitFixture } from '../integration/git-fixture.js';
import { reviewServiceFor } from '../integration/review-fixture.js';
import { UiHarness } from './ui-harness.js';

let ui: UiHarness | undefined;
let fixture: GitFixture | undefined;
let review: ReviewService | undefined;
afterEach(async () => {
  await ui?.dispose();
  await review?.dispose();
  fixture?.dispose();
});

/** A repository, the UI started in it, and one worktree session `w` whose program sleeps. */
async function withWorktreeSession(): Promise<{ ui: UiHarness; worktree: string }> {
  fixture = GitFixture.create();
  ui = new UiHarness({ cwd: fixture.repo, repositoryOf, review: (host) => (review = reviewServiceFor(host)) });
  const session = await review!.createSession({ name: 'w', command: 'sleep', args: [], cwd: fixture.repo, isolation: 'worktree' });
  ui.app.focus(session.id);
  await ui.waitForText('grove/w');
  return { ui, worktree: session.worktree!.worktreePath };
}

describe('the remove dialog', () => {
  it('names the branch and what becomes of it; Tab changes that before anything is removed', async () => {
    const { ui, worktree } = await withWorktreeSession();
    writeFileSync(join(worktree, 'wip.txt'), 'unsaved\n');
    ui.run('remove-worktree');
    await ui.waitForText('Remove w');
    await ui.waitForText('branch grove/w: deleted (all its commits are in main) · Tab keeps it');
    expect(ui.snapshot()).toContain('losing 1 untracked file:');
    ui.press('Tab');
    await ui.waitForText('branch grove/w: kept · Tab deletes it');
    ui.type('w');
    ui.press('Enter');
    await ui.waitForText('w: removed the worktree; kept branch grove/w (as asked)');
    expect(fixture!.git(['branch', '--list', 'grove/w'])).not.toBe('');
  });
});

describe('the merge dialog', () => {
  it('m, s and r only choose the method; Enter merges as shown', async () => {
    const { ui, worktree } = await withWorktreeSession();
    fixture!.commit('one', { 'a.txt': 'a\n' }, worktree);
    ui.run('merge');
    await ui.waitForText('method: merge commit (m)');
    ui.press('s');
    await ui.waitForText('method: squash into one commit (s)');
    await ui.waitForText('Enter squashes');
    ui.press('r', 's');
    expect(fixture!.git(['log', '-1', '--format=%s'])).toBe('initial\n');
    ui.press('Enter');
    await ui.waitForText('squash-merged grove/w into main');
  });
});

describe('sync with the base (C-b u)', () => {
  it('says what comes in, asks, and merges the base in', async () => {
    const { ui, worktree } = await withWorktreeSession();
    fixture!.commit('mine', { 'w.txt': 'w\n' }, worktree);
    fixture!.commit('main moves', { 'm.txt': 'm\n' });
    ui.run('sync');
    await ui.waitForText('grove/w ← main: 1 commit to bring in (comes in cleanly): merge it in? (y/n)');
    ui.press('y');
    await ui.waitForText("grove/w has main's work now (merged in)");
    expect(fixture!.git(['log', '--format=%s', '-1', 'grove/w'], worktree)).toMatch(/^Merge /u);
    ui.run('sync');
    await ui.waitForText('grove/w is up to date with main');
  });
});

describe('a shell in the worktree (C-b o)', () => {
  it('is focused once made, unless the focus was moved while it was being made', async () => {
    const { ui } = await withWorktreeSession();
    ui.run('open-worktree');
    await ui.waitForText(/│ 1:w-shell │/u);
    ui.press('C-b', '0');
    await ui.waitForText(/│ 0:w │/u);
    // Asked for, then the focus moved before the server answered: the user's choice stands.
    ui.run('open-worktree');
    ui.press('C-b', '0');
    await ui.waitForText('Sessions (3)');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await ui.waitForText(/│ 0:w │/u);
  });
});
