/**
 * The review loop on the command line, against a real server and a real repository: `grove new
 * --worktree`, `grove diff`, `grove merge`, `grove rm` and `grove prune`, with what each prints, its exit
 * status, and what it leaves on disk — above all, that a refusal changes nothing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groveSandbox, until, type CliResult, type GroveSandbox } from './grove.js';

let sandbox: GroveSandbox;

function git(args: readonly string[], cwd = sandbox.project): string {
  return execFileSync('git', args, { cwd, env: sandbox.env, encoding: 'utf8' });
}

function commit(message: string, files: Record<string, string>, cwd = sandbox.project): void {
  for (const [path, text] of Object.entries(files)) writeFileSync(join(cwd, path), text);
  git(['add', '-A'], cwd);
  git(['commit', '-q', '-m', message], cwd);
}

function oneLineError(result: CliResult, pattern: RegExp): void {
  expect(result.code, result.stderr).not.toBe(0);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
}


const worktreeOf = (slug: string) => join(`${sandbox.project}.worktrees`, slug);
const groveBranches = () => git(['for-each-ref', '--format=%(refname:short)', 'refs/heads/grove/']).split('\n').filter(Boolean);

/** A worktree session whose program sleeps, so that no turn ends on its own. */
async function sleeper(name: string, ...extra: string[]): Promise<string> {
  const result = await sandbox.cli(['new', '--worktree', '--name', name, ...extra, '--', 'sleep', '600']);
  expect(result.stderr).toBe('');
  return result.stdout.trim();
}

beforeEach(() => {
  sandbox = groveSandbox();
  git(['init', '-q', '-b', 'main']);
  commit('initial', { 'app.txt': 'one\ntwo\nthree\n' });
});
afterEach(() => sandbox.dispose());

describe('grove new --worktree', () => {
  it('starts the session in a worktree beside the checkout, on a new branch', async () => {
    expect(await sleeper('fix login')).toBe('fix login');
    const [session] = JSON.parse((await sandbox.cli(['ls', '--json'])).stdout);
    expect(session).toMatchObject({
      isolation: 'worktree',
      cwd: worktreeOf('fix-login'),
      worktree: { branch: 'grove/fix-login', baseBranch: 'main', worktreePath: worktreeOf('fix-login') },
    });
    expect(git(['worktree', 'list', '--porcelain'])).toMatch(/fix-login\nHEAD [0-9a-f]+\nbranch refs\/heads\/grove\/fix-login\nlocked grove session fix login/);
  });

  it('takes names that are not safe as they are, and never runs them', async () => {
    await sleeper('$(touch pwned)');
    await sleeper('日本');
    await sleeper('a b');
    expect(groveBranches().sort()).toEqual(['grove/a-b', 'grove/touch-pwned', 'grove/日本']);
    expect(existsSync(join(sandbox.project, 'pwned'))).toBe(false);
    expect(readdirSync(`${sandbox.project}.worktrees`).sort()).toEqual(['a-b', 'touch-pwned', '日本']);
  });

  it('refuses what it cannot do in one line, offering workspace isolation, and makes nothing', async () => {
    oneLineError(await sandbox.cli(['new', '--worktree', '--branch=--upload-pack=x', '--', 'sleep', '60']), /^grove: cannot create a worktree: branch "--upload-pack=x" would read as an option \(without --worktree, grove new starts the session in the checkout itself\)\n/);
    oneLineError(await sandbox.cli(['new', '--worktree', '--base', '../../etc', '--', 'sleep', '60']), /^grove: cannot create a worktree: base "..\/..\/etc" is not a commit in this repository/);
    oneLineError(await sandbox.cli(['new', '--worktree', '--', 'sleep', '60'], { cwd: sandbox.home }), /^grove: cannot create a worktree: .* is not in a git repository; use workspace isolation \(without --worktree/);
    oneLineError(await sandbox.cli(['new', '--branch', 'x', '--', 'sleep', '60']), /^grove: new: --branch and --base need --worktree\n/);
    expect(JSON.parse((await sandbox.cli(['ls', '--json'])).stdout)).toEqual([]);
    expect(groveBranches()).toEqual([]);
  });

  it('reuses an existing branch when named, starting from it as it is', async () => {
    git(['branch', 'topic']);
    commit('main moves on', { 'later.txt': 'later\n' });
    await sleeper('reuse', '--branch', 'topic');
    expect(existsSync(join(worktreeOf('reuse'), 'later.txt'))).toBe(false);
    oneLineError(await sandbox.cli(['new', '--worktree', '--name', 'again', '--branch', 'topic', '--', 'sleep', '60']), /branch topic is already checked out in .*reuse/);
  });
});

describe('grove diff', () => {
  it('shows committed, uncommitted and untracked changes against the base', async () => {
    await sleeper('work');
    const here = worktreeOf('work');
    commit('a commit', { 'committed.txt': 'c\n' }, here);
    writeFileSync(join(here, 'app.txt'), 'one\nTWO\nthree\n');
    writeFileSync(join(here, 'untracked.txt'), 'u\n');
    const diff = await sandbox.cli(['diff', 'work']);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toMatch(/^1 commit, newest first:\n {2}[0-9a-f]{8} a commit\n\n3 files changed, \+3 −1\n M app.txt +\+1 −1\n A committed.txt +\+1 −0\n \? untracked.txt +\+1 −0 +\(untracked\)\n/);
    expect(diff.stdout).toContain('-two\n+TWO\n');
    expect(diff.stdout).toContain('+++ b/untracked.txt\n@@ -0,0 +1 @@\n+u\n');
    const stat = await sandbox.cli(['diff', 'work', '--stat']);
    expect(stat.stdout).not.toContain('@@');
    expect(stat.stdout).toContain('3 files changed');
  });

  it("shows a workspace session's uncommitted changes", async () => {
    await sandbox.cli(['new', '--name', 'here', '--', 'sleep', '60']);
    writeFileSync(join(sandbox.project, 'app.txt'), 'changed\n');
    expect((await sandbox.cli(['diff', 'here', '--stat'])).stdout).toBe('1 file changed, +1 −3\n M app.txt  +1 −3\n');
  });
});

describe('grove merge', () => {
  it('previews, refuses without --yes off a terminal, then merges with --yes', async () => {
    await sleeper('feature');
    commit('the feature', { 'feature.txt': 'f\n' }, worktreeOf('feature'));
    const refused = await sandbox.cli(['merge', 'feature']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^grove\/feature → main: 1 commit\n {2}[0-9a-f]{8} the feature\n1 file changed, \+1 −0\n✓ merges cleanly into main\n$/);
    expect(refused.stderr).toBe('grove: not merged: add --yes to merge (the preview is above)\n');
    expect(existsSync(join(sandbox.project, 'feature.txt'))).toBe(false);

    const merged = await sandbox.cli(['merge', 'feature', '--yes']);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toMatch(/merged grove\/feature into main \([0-9a-f]{8}\)\ngrove rm feature removes its worktree and branch\n$/);
    expect(readFileSync(join(sandbox.project, 'feature.txt'), 'utf8')).toBe('f\n');
    expect(git(['log', '-1', '--format=%s'])).toBe("Merge branch 'grove/feature'\n");
  });

  it('squashes and rebases when asked', async () => {
    await sleeper('squashed');
    commit('one', { 's1.txt': '1\n' }, worktreeOf('squashed'));
    commit('two', { 's2.txt': '2\n' }, worktreeOf('squashed'));
    expect((await sandbox.cli(['merge', 'squashed', '--squash', '--yes'])).stdout).toContain('squash-merged grove/squashed into main');
    expect(git(['log', '-1', '--format=%s'])).toBe('Squashed grove/squashed (2 commits)\n');
    await sleeper('rebased');
    commit('three', { 'r.txt': 'r\n' }, worktreeOf('rebased'));
    expect((await sandbox.cli(['merge', 'rebased', '--rebase', '--yes'])).stdout).toContain('rebased and fast-forwarded grove/rebased into main');
    expect(git(['log', '-1', '--format=%s'])).toBe('three\n');
  });

  it('aborts a conflict back to exactly the state before, or leaves it when asked', async () => {
    await sleeper('clash');
    commit('theirs', { 'app.txt': 'one\nTHEIRS\nthree\n' }, worktreeOf('clash'));
    commit('ours', { 'app.txt': 'one\nOURS\nthree\n' });
    writeFileSync(join(sandbox.project, 'notes.txt'), 'my unrelated work\n');
    const before = { head: git(['rev-parse', 'HEAD']), status: git(['status', '--porcelain']), app: readFileSync(join(sandbox.project, 'app.txt')) };

    const aborted = await sandbox.cli(['merge', 'clash', '--yes']);
    expect(aborted.code).toBe(1);
    expect(aborted.stdout).toContain('✗ would conflict in app.txt\n(a conflict is aborted; --on-conflict leave leaves it in the main checkout to resolve)\n');
    expect(aborted.stdout).toContain('the merge conflicted in app.txt; aborted, everything is as it was\n');
    expect({ head: git(['rev-parse', 'HEAD']), status: git(['status', '--porcelain']), app: readFileSync(join(sandbox.project, 'app.txt')) }).toEqual(before);

    const left = await sandbox.cli(['merge', 'clash', '--yes', '--on-conflict', 'leave']);
    expect(left.code).toBe(1);
    expect(left.stdout).toContain(`conflicts left to resolve in ${sandbox.project}: app.txt\n`);
    expect(git(['status', '--porcelain'])).toContain('UU app.txt');
  });

  it('refuses when the main checkout has uncommitted changes in files the merge touches', async () => {
    await sleeper('touchy');
    commit('edit', { 'app.txt': 'one\n2\nthree\n' }, worktreeOf('touchy'));
    writeFileSync(join(sandbox.project, 'app.txt'), 'local edit\n');
    const result = await sandbox.cli(['merge', 'touchy', '--yes']);
    expect(result.stderr).toMatch(/^grove: the main checkout \(.*\) has uncommitted changes in app.txt, which the merge changes; commit or stash them first\n$/);
    expect(readFileSync(join(sandbox.project, 'app.txt'), 'utf8')).toBe('local edit\n');
  });
});

describe('grove rm', () => {
  it('removes worktree and branch at once when nothing would be lost', async () => {
    await sleeper('clean');
    const result = await sandbox.cli(['rm', 'clean']);
    expect(result).toMatchObject({ code: 0, stdout: 'clean: removed the worktree; deleted branch grove/clean\n' });
    expect(existsSync(worktreeOf('clean'))).toBe(false);
    expect(groveBranches()).toEqual([]);
    expect(JSON.parse((await sandbox.cli(['ls', '--json'])).stdout)).toEqual([]);
  });

  it('refuses to lose work without the name typed; with it, removes the worktree but keeps the branch', async () => {
    await sleeper('dirty');
    commit('unmerged', { 'u.txt': 'u\n' }, worktreeOf('dirty'));
    writeFileSync(join(worktreeOf('dirty'), 'scratch.txt'), 'unsaved\n');
    const refused = await sandbox.cli(['rm', 'dirty']);
    expect(refused.code).toBe(1);
    // The branch stays, so its commit is not lost: only the file is counted.
    expect(refused.stdout).toBe('removing dirty would lose 1 untracked file:\n  untracked: scratch.txt\n  branch grove/dirty: kept, with its 1 commit not in main\n');
    expect(refused.stderr).toBe('grove: not removed: dirty would lose work; type its name to confirm (grove rm dirty --confirm dirty)\n');
    expect(existsSync(join(worktreeOf('dirty'), 'scratch.txt'))).toBe(true);
    oneLineError(await sandbox.cli(['rm', 'dirty', '--confirm', 'wrong']), /--confirm must be the session's name, dirty; nothing removed/);

    const removed = await sandbox.cli(['rm', 'dirty', '--confirm', 'dirty']);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain('dirty: removed the worktree; kept branch grove/dirty (it has 1 commit not in main)\n');
    expect(existsSync(worktreeOf('dirty'))).toBe(false);
    expect(groveBranches()).toEqual(['grove/dirty']);
  });

  it('keeps the branch the user already had, and needs no confirmation for commits that stay', async () => {
    git(['branch', 'existing']);
    expect((await sandbox.cli(['new', '--worktree', '--branch', 'existing', '--name', 'f', '--', 'sleep', '600'])).code).toBe(0);
    commit('mine', { 'm.txt': 'm\n' }, worktreeOf('f'));
    const removed = await sandbox.cli(['rm', 'f', '--delete-branch']);
    expect(removed).toMatchObject({ code: 0, stderr: '', stdout: 'f: removed the worktree; kept branch existing (grove did not create it)\n' });
    expect(git(['branch', '--list', 'existing'])).not.toBe('');
    await sleeper('ahead');
    commit('ahead', { 'a.txt': 'a\n' }, worktreeOf('ahead'));
    expect((await sandbox.cli(['rm', 'ahead'])).stdout).toBe('ahead: removed the worktree; kept branch grove/ahead (it has 1 commit not in main)\n');
    expect(groveBranches()).toEqual(['grove/ahead']);
  });

  it('deletes a squash-merged branch, seeing that nothing is lost', async () => {
    await sleeper('squashy');
    commit('s', { 'sq.txt': 's\n' }, worktreeOf('squashy'));
    await sandbox.cli(['merge', 'squashy', '--squash', '--yes']);
    expect((await sandbox.cli(['rm', 'squashy'])).stdout).toBe('squashy: removed the worktree; deleted branch grove/squashy\n');
  });

  it('ends the other sessions open in the worktree and says so; a sibling folder sharing the prefix keeps running', async () => {
    await sleeper('wt-a');
    await sleeper('wt-ab');
    const inner = await sandbox.cli(['new', '--name', 'api-shell', '--cwd', worktreeOf('wt-a'), '--', 'sleep', '600']);
    expect(inner).toMatchObject({ code: 0, stdout: 'api-shell\n' });
    await sandbox.cli(['new', '--name', 'next-door', '--cwd', worktreeOf('wt-ab'), '--', 'sleep', '600']);

    const removed = await sandbox.cli(['rm', 'wt-a']);
    expect(removed).toMatchObject({ code: 0, stderr: '', stdout: 'wt-a: removed the worktree; deleted branch grove/wt-a; also ended api-shell\n' });
    const left = JSON.parse((await sandbox.cli(['ls', '--json'])).stdout) as { name: string; status: string }[];
    expect(left.map((s) => s.name).sort()).toEqual(['next-door', 'wt-ab']);
    expect(left.every((s) => s.status !== 'exited' && s.status !== 'dead')).toBe(true);
    expect(existsSync(worktreeOf('wt-a'))).toBe(false);
    expect(existsSync(worktreeOf('wt-ab'))).toBe(true);
  });

  it('names the sessions it would end beside what would be lost', async () => {
    await sleeper('lossy');
    writeFileSync(join(worktreeOf('lossy'), 'scratch.txt'), 'unsaved\n');
    await sandbox.cli(['new', '--name', 'lossy-shell', '--cwd', worktreeOf('lossy'), '--', 'sleep', '600']);
    const refused = await sandbox.cli(['rm', 'lossy']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('removing lossy would lose 1 untracked file:\n  untracked: scratch.txt\n  also ends: lossy-shell, open in the worktree\n  branch grove/lossy: deleted (all its commits are in main)\n');
    expect(JSON.parse((await sandbox.cli(['ls', '--json'])).stdout)).toHaveLength(2);
  });

  it('refuses a workspace session', async () => {
    await sandbox.cli(['new', '--name', 'plain', '--', 'sleep', '60']);
    oneLineError(await sandbox.cli(['rm', 'plain']), /^grove: plain is a workspace session with no worktree to remove: grove kill ends it\n/);
  });
});

describe('grove commit', () => {
  it('commits a worktree session now, as C-b s does, and answers to the key command\'s name', async () => {
    await sleeper('c');
    writeFileSync(join(worktreeOf('c'), 'n.txt'), 'n\n');
    expect((await sandbox.cli(['commit', 'c'])).stdout).toMatch(/^c: committed turn 1 \([0-9a-f]{8}\)\n$/);
    expect((await sandbox.cli(['commit-turn', 'c'])).stdout).toBe('c: nothing to commit\n');
    expect(git(['log', '-1', '--format=%s', 'grove/c'])).toBe('grove: c turn 1\n');
    expect((await sandbox.cli(['kill-session', 'c'])).code).toBe(0);
  });
});

describe('a turn commit that fails', () => {
  it('shows in grove ls, not only in the log', async () => {
    const script = 'echo done > result.txt; touch "$(git rev-parse --git-path index.lock)"; echo working; sleep 600';
    expect((await sandbox.cli(['new', '--worktree', '--name', 'stuck', '--', 'sh', '-c', script])).code).toBe(0);
    // Its first output and the quiet after it end a turn, whose commit git refuses.
    await until(async () => (await sandbox.cli(['ls'])).stdout.includes('turn commit failed'), 'the failure to show');
    expect((await sandbox.cli(['ls'])).stdout).toMatch(/^0\tstuck\t\w+, turn commit failed: .*index\.lock.*\tworktree\t/);
  });
});

describe('grove prune', () => {
  it('lists what sessions left behind and removes only the items named', async () => {
    await sleeper('gone');
    await sleeper('alive');
    expect((await sandbox.cli(['kill', 'gone'])).code).toBe(0);
    const listed = await sandbox.cli(['prune']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`^ {2}1 {2}worktree ${worktreeOf('gone')} \\(grove/gone, [0-9.]+ [KM]?B\\): would lose nothing \\(all its commits are in main\\)\\ngrove prune --yes NUMBER… removes the items named`));
    oneLineError(await sandbox.cli(['prune', '--yes']), /--yes needs the numbers of the items to remove/);
    oneLineError(await sandbox.cli(['prune', '--yes', '7']), /no item 7/);

    const pruned = await sandbox.cli(['prune', '--yes', '1']);
    expect(pruned).toMatchObject({ code: 0, stdout: expect.stringContaining(`${worktreeOf('gone')}: removed with branch grove/gone\n`) });
    expect(existsSync(worktreeOf('gone'))).toBe(false);
    expect(existsSync(worktreeOf('alive'))).toBe(true);
    expect((await sandbox.cli(['prune'])).stdout).toBe(`nothing to prune in ${sandbox.project}\n`);
  });

  it('outside a repository says only that', async () => {
    oneLineError(await sandbox.cli(['prune'], { cwd: sandbox.home }), /^grove: .* is not in a git repository\n$/);
  });

  it("never offers another server's live worktree, and says who holds it", async () => {
    const other = await sandbox.cli(['-L', 'other', 'new', '--worktree', '--name', 'w', '--', 'sleep', '600']);
    expect(other.code, other.stderr).toBe(0);
    const listed = await sandbox.cli(['prune']);
    expect(listed.stdout).toMatch(new RegExp(`^ {5}in use, left alone: ${worktreeOf('w')} \\(grove/w\\), held by session w of the grove server with pid \\d+\nnothing to prune in `));
    oneLineError(await sandbox.cli(['prune', '--yes', '1']), /no item 1/);
    expect(existsSync(worktreeOf('w'))).toBe(true);
    expect(groveBranches()).toEqual(['grove/w']);
    await sandbox.cli(['-L', 'other', 'server', 'stop']);
  });

  it('needs --discard for an item that would lose work', async () => {
    await sleeper('lossy');
    writeFileSync(join(worktreeOf('lossy'), 'wip.txt'), 'wip\n');
    await sandbox.cli(['kill', 'lossy']);
    // The exit ended a turn: the file was committed on the branch, which is what prune now judges.
    await until(() => git(['log', '-1', '--format=%s', 'grove/lossy']) === 'grove: lossy turn 1\n', 'the last turn to be committed');
    oneLineError(await sandbox.cli(['prune', '--yes', '1']), /^grove: not pruned: 1 would lose work; add --discard to lose it\n/);
    expect(existsSync(worktreeOf('lossy'))).toBe(true);
    expect((await sandbox.cli(['prune', '--yes', '--discard', '1'])).code).toBe(0);
    expect(existsSync(worktreeOf('lossy'))).toBe(false);
    expect(groveBranches()).toEqual([]);
  });
});
