import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SimpleGitPort } from '../../src/io/git.js';
import { WorktreeRefusal } from '../../src/server/worktrees/index.js';
import { GitFixture } from './git-fixture.js';

let fixture: GitFixture;
afterEach(() => fixture?.dispose());

describe('the git port', () => {
  it('treats listed exit codes as answers and anything else as a one-line refusal', async () => {
    fixture = GitFixture.create();
    const git = new SimpleGitPort();
    fixture.write('README.md', 'changed\n');
    const answer = await git.exec(fixture.repo, ['diff', '--quiet'], { okExitCodes: [0, 1] });
    expect(answer.exitCode).toBe(1);

    const error = await git.run(fixture.repo, ['rev-parse', '--verify', 'no-such-ref']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorktreeRefusal);
    expect((error as WorktreeRefusal).code).toBe('git-failed');
    expect((error as WorktreeRefusal).message).toBe('git rev-parse: Needed a single revision');
  });

  it('ignores the caller’s GIT_DIR and prints paths unquoted', async () => {
    fixture = GitFixture.create();
    const other = GitFixture.create('other');
    try {
      const git = new SimpleGitPort({
        env: { ...process.env, GIT_DIR: join(other.repo, '.git'), GIT_WORK_TREE: other.repo },
      });
      fixture.write('naïve.txt', 'x\n');
      expect(await git.run(fixture.repo, ['ls-files', '--others'])).toBe('naïve.txt\n');
    } finally {
      other.dispose();
    }
  });

  it('keeps the identity the environment gives, for users with no user.email (issue 15.1)', async () => {
    fixture = GitFixture.create();
    fixture.git(['config', '--unset', 'user.name']);
    fixture.git(['config', '--unset', 'user.email']);
    const env = {
      PATH: process.env.PATH, HOME: fixture.home, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_NAME: 'Env Author', GIT_AUTHOR_EMAIL: 'author@env.invalid',
      GIT_COMMITTER_NAME: 'Env Committer', GIT_COMMITTER_EMAIL: 'committer@env.invalid',
      EMAIL: '', GIT_DIR: '/nonexistent/.git',
    };
    const git = new SimpleGitPort({ env });
    await git.run(fixture.repo, ['commit', '--allow-empty', '-q', '-m', 'from the environment']);
    expect(fixture.git(['log', '-1', '--format=%an <%ae> / %cn <%ce>'])).toBe('Env Author <author@env.invalid> / Env Committer <committer@env.invalid>\n');
  });

  it('refuses options that run other programs', async () => {
    fixture = GitFixture.create();
    const marker = join(fixture.home, 'pwned');
    const error = await new SimpleGitPort()
      .run(fixture.repo, ['ls-remote', `--upload-pack=touch ${marker}`, fixture.repo])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorktreeRefusal);
    expect(existsSync(marker)).toBe(false);
  });

  it('says so when the folder does not exist', async () => {
    const error = await new SimpleGitPort().run('/no/such/folder', ['status']).catch((e: unknown) => e);
    expect((error as WorktreeRefusal).message).toBe('cannot run git in /no/such/folder: no such folder');
  });
});
