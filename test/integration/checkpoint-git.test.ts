/**
 * The git side of checkpoints on real repositories, where the user's own git state is awkward: the
 * user's index locked by another git process, a repository without a commit, no git identity, file
 * names git would read as pathspecs, and a new file too big to copy into the object store every turn. A checkpoint never needs the user's index or identity, and never
 * writes either.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeCheckpointFiles } from '../../src/io/checkpoint-files.js';
import { SimpleGitPort } from '../../src/io/git.js';
import { CheckpointGit, MAX_NEW_FILE_BYTES } from '../../src/server/checkpoints/snapshot.js';
import { GitFixture } from './git-fixture.js';

let fixture: GitFixture | undefined;
let bare: string | undefined;
afterEach(() => {
  fixture?.dispose();
  if (bare) rmSync(bare, { recursive: true, force: true });
  fixture = bare = undefined;
});

const meta = (turn: number) => ({ owner: 's@1', session: 's', turn, kind: 'turn' as const, preview: [], count: 0, started: 1, ended: 2 });

describe('checkpoints in git', () => {
  it('snapshot and restore while the user\'s index is locked, leaving the lock and the index as they were', async () => {
    fixture = GitFixture.create();
    const repo = fixture.repo;
    const checkout = (await CheckpointGit.find(new SimpleGitPort(), nodeCheckpointFiles, repo))!;
    const before = await checkout.commit(await checkout.snapshot('s'), 'before');
    const index = readFileSync(join(repo, '.git', 'index'));
    writeFileSync(join(repo, '.git', 'index.lock'), '');
    writeFileSync(join(repo, 'README.md'), 'changed\n');
    writeFileSync(join(repo, ':(glob)*'), 'odd name\n');
    const after = await checkout.record(await checkout.snapshot('s'), before, meta(1), 'refs/grove/checkpoints/s/1');
    expect(await checkout.changed(before, after)).toEqual([':(glob)*', 'README.md']);

    await checkout.restore('s', before, [':(glob)*', 'README.md']);
    expect(readFileSync(join(repo, 'README.md'), 'utf8')).toBe('hello\n');
    expect(existsSync(join(repo, ':(glob)*'))).toBe(false);
    expect(existsSync(join(repo, '.git', 'index.lock'))).toBe(true);
    expect(readFileSync(join(repo, '.git', 'index')).equals(index)).toBe(true);
    expect((await checkout.list('refs/grove/checkpoints/')).map((c) => [c.turn, c.ref, c.before])).toEqual([[1, 'refs/grove/checkpoints/s/1', before]]);

    await checkout.dropIndex('s');
    expect(execFileSync('ls', [join(repo, '.git')], { encoding: 'utf8' })).not.toContain('grove-s.index');
  });

  it('work in a repository with no commit yet, and without a git identity', async () => {
    bare = mkdtempSync(join(tmpdir(), 'grove-cp-'));
    const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', HOME: bare };
    execFileSync('git', ['init', '-q', '-b', 'main', bare], { env });
    writeFileSync(join(bare, 'new.txt'), 'first\n');
    const checkout = (await CheckpointGit.find(new SimpleGitPort({ env }), nodeCheckpointFiles, bare))!;
    const tree = await checkout.snapshot('s');
    const commit = await checkout.record(tree, await checkout.commit(tree, 'start'), meta(1), 'refs/grove/checkpoints/s/1');
    expect(execFileSync('git', ['log', '-1', '--format=%an <%ae>', commit], { cwd: bare, env, encoding: 'utf8' })).toBe('grove <grove@localhost>\n');
    // The user's index is still absent: nothing was staged for them.
    expect(existsSync(join(bare, '.git', 'index'))).toBe(false);
  });

  it('leave a new file too big for a snapshot out of it, and so out of every undo', async () => {
    fixture = GitFixture.create();
    const repo = fixture.repo;
    const checkout = (await CheckpointGit.find(new SimpleGitPort(), nodeCheckpointFiles, repo))!;
    const before = await checkout.commit(await checkout.snapshot('s'), 'before');
    writeFileSync(join(repo, 'model.bin'), Buffer.alloc(MAX_NEW_FILE_BYTES + 1));
    writeFileSync(join(repo, 'small.txt'), 'kept\n');
    const after = await checkout.commit(await checkout.snapshot('s'), 'after', before);
    expect(await checkout.changed(before, after)).toEqual(['small.txt']);
    await checkout.restore('s', before, ['small.txt']);
    expect([existsSync(join(repo, 'small.txt')), existsSync(join(repo, 'model.bin'))]).toEqual([false, true]);
  });

  it('find no checkout outside git', async () => {
    bare = mkdtempSync(join(tmpdir(), 'grove-cp-'));
    expect(await CheckpointGit.find(new SimpleGitPort(), nodeCheckpointFiles, bare)).toBeUndefined();
  });
});
