/**
 * Names an agent chooses reach no terminal raw (issue 16.4). Before, `grove merge S` printed the names of
 * the files an agent created as they were, so a file named `ESC ] 52 ; c ; … BEL` set the user's clipboard
 * through the preview; commit subjects and branch-derived text went the same way. The command line now
 * passes all it prints through the one sanitiser the UI uses.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groveSandbox, type GroveSandbox } from './grove.js';

const CLIPBOARD_WRITE = '\x1b]52;c;cHduZWQ=\x07';
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/u;

describe('hostile names on the command line', () => {
  let sandbox: GroveSandbox;
  const git = (args: readonly string[], cwd: string) => execFileSync('git', args, { cwd, env: sandbox.env, encoding: 'utf8' });
  beforeEach(() => {
    sandbox = groveSandbox();
    git(['init', '-q', '-b', 'main'], sandbox.project);
    writeFileSync(join(sandbox.project, 'app.txt'), 'one\n');
    git(['add', '-A'], sandbox.project);
    git(['commit', '-q', '-m', 'initial'], sandbox.project);
  });
  afterEach(() => sandbox.dispose());

  it('prints the merge preview, the diff and the removal report with their control characters removed', async () => {
    expect((await sandbox.cli(['new', '--worktree', '--name', 'agent', '--', 'sleep', '600'])).code).toBe(0);
    const worktree = join(`${sandbox.project}.worktrees`, 'agent');
    writeFileSync(join(worktree, `evil${CLIPBOARD_WRITE}.txt`), 'x\n');
    git(['add', '-A'], worktree);
    git(['commit', '-q', '-m', `subject \x1b]0;title\x07 \x1b[2J here`], worktree);
    writeFileSync(join(worktree, 'untracked\x1b[31m.txt'), 'y\n');

    const preview = await sandbox.cli(['merge', 'agent']);
    expect(preview.stdout).toContain('1 uncommitted file will be committed first (untracked[31m.txt)');
    expect(preview.stdout).toContain('subject ]0;title [2J here');
    const diff = await sandbox.cli(['diff', 'agent']);
    expect(diff.stdout).toContain('evil]52;c;cHduZWQ=.txt');
    const removal = await sandbox.cli(['rm', 'agent']);
    expect(removal.stdout + removal.stderr).toContain('untracked[31m.txt');
    for (const output of [preview, diff, removal]) {
      expect(CONTROL.test(output.stdout), JSON.stringify(output.stdout)).toBe(false);
      expect(CONTROL.test(output.stderr), JSON.stringify(output.stderr)).toBe(false);
    }
  });
});
