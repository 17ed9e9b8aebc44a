import { afterEach, describe, expect, it } from 'vitest';
import { WorktreeRefusal } from '../../src/server/worktrees/index.js';
import { GitFixture } from './git-fixture.js';

let fixture: GitFixture;
afterEach(() => fixture?.dispose());

function lockLine(): string | undefined {
  return fixture
    .git(['worktree', 'list', '--porcelain'])
    .split('\n')
    .find((l) => l.startsWith('locked'));
}

describe('locking a session’s worktree', () => {
  it('unlocks when the session ends and locks again when it resumes', async () => {
    fixture = GitFixture.create();
    const engine = fixture.engine();
    const { record } = await engine.create({
      repoPath: fixture.repo,
      name: 'life',
      lockReason: 'grove session life (pid 42)',
    });
    expect(lockLine()).toBe('locked grove session life (pid 42)');

    expect(await engine.unlock(record)).toBe('grove session life (pid 42)');
    expect(lockLine()).toBeUndefined();
    expect(await engine.unlock(record)).toBeUndefined();

    await engine.lock(record, 'grove session life\nresumed');
    expect(lockLine()).toBe('locked grove session life resumed');
  });

  it('refuses to lock what is not one of the repository’s worktrees', async () => {
    fixture = GitFixture.create();
    const engine = fixture.engine();
    const { record } = await engine.create({ repoPath: fixture.repo, name: 'x' });
    const error = await engine.lock({ ...record, worktreePath: fixture.repo }, 'grove').catch((e: unknown) => e);
    expect((error as WorktreeRefusal).code).toBe('not-a-worktree');
  });
});
