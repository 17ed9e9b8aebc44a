/**
 * Git-ignored files, which git itself deletes with a worktree and overwrites in a merge without a word:
 * grove counts the ones a removal would lose, and refuses a merge that would replace one in the checkout.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorktreeRefusal } from '../../src/server/worktrees/index.js';
import { GitFixture } from './git-fixture.js';

let fixture: GitFixture;
afterEach(() => fixture?.dispose());

describe('ignored files', () => {
  it('are lost with a worktree unless they are the checkout\'s own, copied in unchanged', async () => {
    fixture = GitFixture.create();
    fixture.commit('ignore rules', { '.gitignore': '.env\n.env.*\nbuild/\n*.log\n' });
    fixture.write('.env', 'KEY=1\n');
    fixture.write('.env.local', 'LOCAL=1\n');
    const engine = fixture.engine();
    const { record, copied } = await engine.create({ repoPath: fixture.repo, name: 'w' });
    expect([...copied].sort()).toEqual(['.env', '.env.local']);
    expect((await engine.assessRemoval(record)).ignored).toEqual([]);

    fixture.write('.env.local', 'LOCAL=edited\n', record.worktreePath);
    mkdirSync(join(record.worktreePath, 'build'));
    fixture.write('build/out.js', 'x\n', record.worktreePath);
    fixture.write('debug.log', 'trace\n', record.worktreePath);
    const report = await engine.assessRemoval(record);
    expect([...report.ignored].sort()).toEqual(['.env.local', 'build/', 'debug.log']);
    const refused = await engine.remove(record).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WorktreeRefusal);
    expect((refused as Error).message).toMatch(/would lose 3 ignored files; confirm/);
    expect(fixture.read('.env.local', record.worktreePath)).toBe('LOCAL=edited\n');
  });

  it('in the checkout are never replaced by a merge: the preview names them and the merge refuses', async () => {
    fixture = GitFixture.create();
    fixture.commit('ignore rules', { '.gitignore': 'local.json\n' });
    fixture.write('local.json', '{"mine": true}\n');
    const engine = fixture.engine();
    const { record } = await engine.create({ repoPath: fixture.repo, name: 'w' });
    fixture.write('local.json', '{"agent": true}\n', record.worktreePath);
    fixture.git(['add', '-f', 'local.json'], record.worktreePath);
    fixture.git(['commit', '-q', '-m', 'commit the local file'], record.worktreePath);

    expect((await engine.previewMerge(record)).replacesIgnored).toEqual(['local.json']);
    const refused = await engine.merge(record, { mode: 'merge', onConflict: 'abort' }).catch((e: unknown) => e);
    expect((refused as Error).message).toMatch(/has ignored files the merge would replace: local\.json; move them aside first/);
    expect(fixture.read('local.json')).toBe('{"mine": true}\n');
  });
});
