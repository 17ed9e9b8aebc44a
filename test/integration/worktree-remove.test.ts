import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorktreeRefusal, type WorktreeRecord } from '../../src/server/worktrees/index.js';
import { GitFixture, gitFails } from './git-fixture.js';

let fixture: GitFixture;
afterEach(() => fixture?.dispose());

async function refusal(promise: Promise<unknown>): Promise<WorktreeRefusal> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof WorktreeRefusal)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

function branchExists(branch: string): boolean {
  return fixture.git(['branch', '--list', branch]).trim() !== '';
}

describe('removing a session worktree', () => {
  it("never deletes a branch grove did not create, even when asked", async () => {
    fixture = GitFixture.create();
    const engine = fixture.engine();
    fixture.git(['branch', 'existing']);
    const { record, reusedBranch } = await engine.create({ repoPath: fixture.repo, name: 'f', branch: 'existing' });
    expect(reusedBranch).toBe(true);
    fixture.write('wip.txt', 'wip\n', record.worktreePath);

    const outcome = await engine.remove(record, { confirmedLoss: true, deleteBranch: true });
    expect(outcome.branch).toEqual({ deleted: false, reason: 'kept: grove did not create it' });
    expect(existsSync(record.worktreePath)).toBe(false);
    expect(branchExists('existing')).toBe(true);
    // A branch grove made and deleted leaves no mark: the same name made later by hand is the user's.
    const made = (await engine.create({ repoPath: fixture.repo, name: 'made' })).record;
    expect((await engine.remove(made)).branch).toEqual({ deleted: true });
    fixture.git(['branch', 'grove/made']);
    const again = await engine.create({ repoPath: fixture.repo, name: 'again', branch: 'grove/made' });
    expect((await engine.remove(again.record, { deleteBranch: true })).branch).toEqual({ deleted: false, reason: 'kept: grove did not create it' });
  });

  it('with nothing to lose: unlocks, removes the worktree and deletes the branch', async () => {
    fixture = GitFixture.create();
    const engine = fixture.engine();
    const { record } = await engine.create({ repoPath: fixture.repo, name: 'done' });
    fixture.commit('work', { 'w.txt': 'w\n' }, record.worktreePath);
    await engine.merge(record, { mode: 'merge', onConflict: 'abort' });

    expect(await engine.assessRemoval(record)).toEqual({
      base: 'main',
      uncommitted: [],
      untracked: [],
      ignored: [], submodules: [],
      detachedCommits: [],
      commits: [],
      mergedBy: 'ancestry',
    });
    expect(fixture.git(['config', 'branch.grove/done.grovebase']).trim()).toBe('main');
    const outcome = await engine.remove(record);
    expect(outcome).toMatchObject({ removedFolder: true, branch: { deleted: true } });
    expect(existsSync(record.worktreePath)).toBe(false);
    expect(branchExists('grove/done')).toBe(false);
    expect(fixture.git(['worktree', 'list', '--porcelain'])).not.toContain('done');
    // `git branch -d` also dropped the base grove recorded in the branch's config.
    expect(gitFails(fixture.repo, ['config', '--get-regexp', '^branch\\.grove/done\\.']).status).toBe(1);
  });

  it('refuses when files would be lost, and removes with --force only once the loss is confirmed', async () => {
    fixture = GitFixture.create();
    const engine = fixture.engine();
    const { record } = await engine.create({ repoPath: fixture.repo, name: 'dirty' });
    fixture.write('README.md', 'changed\n', record.worktreePath);
    fixture.write('new.txt', 'new\n', record.worktreePath);

    const report = await engine.assessRemoval(record);
    expect(report).toMatchObject({ uncommitted: ['README.md'], untracked: ['new.txt'], commits: [] });
    const refused = await refusal(engine.remove(record));
    expect(refused.code).toBe('would-lose-work');
    expect(refused.message).toBe(
      `removing ${record.worktreePath} would lose 1 uncommitted file and 1 untracked file; confirm to remove it anyway`,
    );
    expect(fixture.read('new.txt', record.worktreePath)).toBe('new\n');
    // Still locked: refusing put nothing out of place.
    expect(fixture.git(['worktree', 'list', '--porcelain'])).toContain('locked grove session dirty');

    const outcome = await engine.remove(record, { confirmedLoss: true });
    expect(outcome.branch).toEqual({ deleted: true });
    expect(existsSync(record.worktreePath)).toBe(false);
  });

  it('keeps a branch holding commits not in the base, and deletes it only when asked and confirmed', async () => {
    fixture = GitFixture.create();
    const engine = fixture.engine();
    const { record } = await engine.create({ repoPath: fixture.repo, name: 'unmerged' });
    const sha = fixture.commit('precious', { 'p.txt': 'p\n' }, record.worktreePath);

    const report = await engine.assessRemoval(record);
    expect(report.commits).toEqual([{ sha, subject: 'precious' }]);
    const refused = await refusal(engine.remove(record, { deleteBranch: true }));
    expect(refused.message).toBe('deleting grove/unmerged would lose 1 commit not in main; confirm to delete it');
    expect(existsSync(record.worktreePath)).toBe(true);

    const outcome = await engine.remove(record);
    expect(outcome.branch).toEqual({ deleted: false, reason: 'kept: it has 1 commit not in main' });
    expect(existsSync(record.worktreePath)).toBe(false);
    expect(fixture.git(['rev-parse', 'grove/unmerged']).trim()).toBe(sha);
  });

  it('deletes an unmerged branch when asked with confirmation', async () => {
    fixture = GitFixture.create();
    const engine = fixture.engine();
    const { record } = await engine.create({ repoPath: fixture.repo, name: 'drop' });
    fixture.commit('throwaway', { 't.txt': 't\n' }, record.worktreePath);
    const outcome = await engine.remove(record, { confirmedLoss: true, deleteBranch: true });
    expect(outcome.branch).toEqual({ deleted: true });
    expect(branchExists('grove/drop')).toBe(false);
  });

  it('recognises a squash-merged branch by patch identity', async () => {
    fixture = GitFixture.create();
    const engine = fixture.engine();
    const { record } = await engine.create({ repoPath: fixture.repo, name: 'squashed' });
    fixture.commit('turn 1', { 'a.txt': 'a\n' }, record.worktreePath);
    fixture.commit('turn 2', { 'b.txt': 'b\n', 'a.txt': 'a2\n' }, record.worktreePath);
    await engine.merge(record, { mode: 'squash', onConflict: 'abort' });
    // Main edits a squashed file afterwards: the content no longer matches, the squash commit still does.
    fixture.commit('main moves on', { 'c.txt': 'c\n', 'a.txt': 'a3\n' });

    // The report only reads: no object is written (a probe commit would be), so it works on a full disk.
    const objects = fixture.git(['count-objects', '-v']);
    const report = await engine.assessRemoval(record);
    expect(report).toMatchObject({ commits: [], mergedBy: 'squash' });
    expect(fixture.git(['count-objects', '-v'])).toBe(objects);
    // git branch -d cannot see the squash, and grove does not reach for -D on its own…
    const outcome = await engine.remove(record);
    expect(outcome.removedFolder).toBe(true);
    expect(outcome.branch).toMatchObject({ deleted: false });
    expect((outcome.branch as { reason: string }).reason).toMatch(
      /^kept: git branch -d refused \(.*not fully merged.*\); ask to delete it explicitly$/,
    );
    expect(branchExists('grove/squashed')).toBe(true);
  });

  it('deletes a squash-merged branch when asked, without any confirmation of loss', async () => {
    fixture = GitFixture.create();
    const engine = fixture.engine();
    const { record } = await engine.create({ repoPath: fixture.repo, name: 'squashed' });
    fixture.commit('turn', { 'a.txt': 'a\n' }, record.worktreePath);
    await engine.merge(record, { mode: 'squash', onConflict: 'abort' });
    expect((await engine.remove(record, { deleteBranch: true })).branch).toEqual({ deleted: true });
    expect(branchExists('grove/squashed')).toBe(false);
  });

  it('recognises rebased or cherry-picked commits by patch id', async () => {
    fixture = GitFixture.create();
    const engine = fixture.engine();
    const { record } = await engine.create({ repoPath: fixture.repo, name: 'picked' });
    const sha = fixture.commit('pick me', { 'p.txt': 'p\n' }, record.worktreePath);
    fixture.commit('main first', { 'm.txt': 'm\n' });
    fixture.git(['cherry-pick', sha]);
    expect(await engine.assessRemoval(record)).toMatchObject({ commits: [], mergedBy: 'patch-identity' });
  });

  it('counts commits made on a detached HEAD in the worktree as work to lose', async () => {
    fixture = GitFixture.create();
    const engine = fixture.engine();
    const { record } = await engine.create({ repoPath: fixture.repo, name: 'adrift' });
    fixture.git(['checkout', '-q', '--detach'], record.worktreePath);
    const sha = fixture.commit('nowhere else', { 'n.txt': 'n\n' }, record.worktreePath);

    expect((await engine.assessRemoval(record)).detachedCommits).toEqual([{ sha, subject: 'nowhere else' }]);
    expect((await refusal(engine.remove(record))).message).toBe(
      `removing ${record.worktreePath} would lose 1 commit only on a detached HEAD; confirm to remove it anyway`,
    );
    await engine.remove(record, { confirmedLoss: true });
    expect(existsSync(record.worktreePath)).toBe(false);
  });

  it('keeps the branch when told to', async () => {
    fixture = GitFixture.create();
    const engine = fixture.engine();
    const { record } = await engine.create({ repoPath: fixture.repo, name: 'keep' });
    expect((await engine.remove(record, { deleteBranch: false })).branch).toEqual({
      deleted: false,
      reason: 'kept as asked',
    });
    expect(branchExists('grove/keep')).toBe(true);
  });

  it('refuses paths outside grove’s root, the main checkout, and folders git does not know', async () => {
    fixture = GitFixture.create();
    const engine = fixture.engine();
    const { record } = await engine.create({ repoPath: fixture.repo, name: 'real' });
    const outside = join(fixture.home, 'elsewhere');
    fixture.git(['worktree', 'add', '-q', '-b', 'manual', outside]);
    const cases: [WorktreeRecord, string][] = [
      [{ ...record, worktreePath: outside }, 'outside-root'],
      [{ ...record, worktreePath: fixture.repo }, 'outside-root'],
      [{ ...record, worktreePath: join(record.worktreePath, '..', '..', 'elsewhere') }, 'outside-root'],
    ];
    const stray = join(`${fixture.repo}.worktrees`, 'stray');
    mkdirSync(stray);
    cases.push([{ ...record, worktreePath: stray }, 'not-a-worktree']);
    for (const [target, code] of cases) expect((await refusal(engine.remove(target))).code).toBe(code);
    expect(existsSync(outside) && existsSync(stray) && existsSync(record.worktreePath)).toBe(true);
  });

  it('clears git’s record of a worktree whose folder is already gone', async () => {
    fixture = GitFixture.create();
    const engine = fixture.engine();
    const { record } = await engine.create({ repoPath: fixture.repo, name: 'vanished' });
    rmSync(record.worktreePath, { recursive: true });
    const outcome = await engine.remove(record);
    expect(outcome).toMatchObject({ removedFolder: false, branch: { deleted: true } });
    expect(fixture.git(['worktree', 'list', '--porcelain'])).not.toContain('vanished');
  });
});
