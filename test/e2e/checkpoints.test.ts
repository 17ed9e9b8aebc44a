/**
 * Checkpoints of workspace sessions through the real binary on a real repository, with a scripted agent
 * (fixtures/agents/editing-agent.mjs) that edits the checkout in turns: three turns, the middle one undone,
 * an undo refused on a file the user edited since, a redo; the user's index, HEAD and stash untouched;
 * two sessions sharing the checkout whose undos stay apart, or are refused where their turns overlapped on a
 * file; and the checkpoints of an ended session offered
 * by prune once past their age, a live one's never.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groveSandbox, until, type GroveSandbox } from './grove.js';

const AGENT = fileURLToPath(new URL('../fixtures/agents/editing-agent.mjs', import.meta.url));
let sandbox: GroveSandbox;
const git = (...args: string[]) => execFileSync('git', args, { cwd: sandbox.project, env: sandbox.env, encoding: 'utf8' });
const read = (file: string) => readFileSync(join(sandbox.project, file), 'utf8');

beforeEach(() => {
  sandbox = groveSandbox();
  git('init', '-q', '-b', 'main');
  writeFileSync(join(sandbox.project, 'a.txt'), 'a0\n');
  writeFileSync(join(sandbox.project, 'b.txt'), 'b0\n');
  writeFileSync(join(sandbox.project, '.gitignore'), 'ignored.log\n');
  git('add', '.');
  git('commit', '-qm', 'start');
});
afterEach(() => sandbox.dispose());

async function start(name: string): Promise<void> {
  expect((await sandbox.cli(['new', '--name', name, '--', process.execPath, AGENT])).code).toBe(0);
  await until(async () => (await sandbox.cli(['capture', name])).stdout.includes('ready'), `${name}'s prompt`);
}

async function turn(name: string, edits: string): Promise<void> {
  const sent = await sandbox.cli(['send', name, edits, '--enter', '--wait', '--timeout', '20']);
  expect(sent, sent.stderr).toMatchObject({ code: 0 });
}

async function checkpoints(name: string, count: number): Promise<string[]> {
  let lines: string[] = [];
  await until(async () => (lines = (await sandbox.cli(['checkpoints', name])).stdout.replace(/\n$/u, '').split('\n')).length === count && /^\s*\d/u.test(lines[0]!), `${count} checkpoints of ${name}`);
  return lines;
}

describe('checkpoints', () => {
  it('records three turns, undoes the middle one, refuses what the user changed since, and redoes', async () => {
    writeFileSync(join(sandbox.project, 'staged.txt'), 'mine\n');
    git('add', 'staged.txt');
    const head = git('rev-parse', 'HEAD');
    await start('ed');
    await turn('ed', 'write a.txt a1');
    await turn('ed', 'write b.txt b2;write new.txt n2;write ignored.log x');
    await turn('ed', 'write a.txt a3');
    const lines = await checkpoints('ed', 3);
    expect(lines.map((line) => line.replace(/\s+\S+ ago\s+/u, ' · '))).toEqual(['  1  turn · a.txt', '  2  turn · b.txt, new.txt', '  3  turn · a.txt']);
    expect((await sandbox.cli(['diff', 'ed', '--turn', '2'])).stdout).toMatch(/^-b0\n\+b2$/mu);

    const undone = await sandbox.cli(['undo', 'ed', '--turn', '2']);
    expect(undone.stdout).toBe('ed: undid turn 2: put back b.txt, new.txt (checkpoint 4; grove undo ed --turn 4 reverses it)\n');
    expect([read('a.txt'), read('b.txt'), existsSync(join(sandbox.project, 'new.txt')), read('ignored.log')]).toEqual(['a3\n', 'b0\n', false, 'x\n']);

    // The user edits a.txt: undoing turn 3 now would take their edit, so it is refused and nothing changes.
    writeFileSync(join(sandbox.project, 'a.txt'), 'user\n');
    const refused = await sandbox.cli(['undo', 'ed']);
    expect([refused.code, refused.stderr]).toEqual([1, 'grove: not undone: a.txt changed since; grove undo ed --turn 3 --confirm puts them back too (what is there now is kept as a checkpoint first)\n']);
    expect(read('a.txt')).toBe('user\n');

    const redone = await sandbox.cli(['redo', 'ed']);
    expect(redone.stdout).toBe('ed: redid turn 2 (undid undo 4): put back b.txt, new.txt (checkpoint 5; grove undo ed --turn 5 reverses it)\n');
    expect([read('b.txt'), read('new.txt'), read('a.txt')]).toEqual(['b2\n', 'n2\n', 'user\n']);
    expect((await sandbox.cli(['checkpoints', 'ed'])).stdout).toMatch(/^\s+4\s+undo of 2 .*\(undone\)$/mu);

    // The user's index, HEAD and stash are as they were; the checkpoints live under refs/grove only.
    expect(git('diff', '--cached', '--name-only')).toBe('staged.txt\n');
    expect(git('rev-parse', 'HEAD')).toBe(head);
    expect(git('stash', 'list')).toBe('');
    expect(git('for-each-ref', '--format=%(refname)', 'refs/grove/').trim().split('\n')).toEqual(
      ['1', '2', '3', '4', '5'].map((n) => `refs/grove/checkpoints/ed/${n}`));
  });

  it('keeps the undos of two sessions sharing the checkout apart', async () => {
    await start('one');
    await start('two');
    await turn('one', 'write a.txt from one');
    await turn('two', 'write b.txt from two');
    await turn('one', 'write c.txt from one');
    await checkpoints('one', 2);
    await checkpoints('two', 1);
    const undone = await sandbox.cli(['undo', 'one', '--turn', '1']);
    expect(undone.stdout, undone.stderr).toContain('put back a.txt');
    expect([read('a.txt'), read('b.txt'), read('c.txt')]).toEqual(['a0\n', 'from two\n', 'from one\n']);
    expect((await sandbox.cli(['undo', 'one', '--turn', '7'])).stderr).toBe('grove: one has no checkpoint 7 (grove checkpoints one)\n');
  });

  it('keeps a session\'s checkpoints through a relaunch of its program', async () => {
    await start('ed');
    await turn('ed', 'write a.txt a1');
    await checkpoints('ed', 1);
    expect((await sandbox.cli(['send', 'ed', 'exit', '--enter'])).code).toBe(0);
    await until(async () => (await sandbox.cli(['ls'])).stdout.includes('\texit 0\t'), 'the program gone');
    expect((await sandbox.cli(['relaunch', 'ed'])).code).toBe(0);
    await until(async () => (await sandbox.cli(['capture', 'ed'])).stdout.includes('ready'), 'the program back');
    expect(await checkpoints('ed', 1)).toEqual([expect.stringMatching(/^ {2}1 {2}turn .* a\.txt$/u)]);
    expect((await sandbox.cli(['wait', 'ed', '--until', 'idle', '--timeout', '20'])).code).toBe(0);
    const undone = await sandbox.cli(['undo', 'ed']);
    expect(undone.stdout, undone.stderr).toContain('put back a.txt');
    expect(read('a.txt')).toBe('a0\n');
  });

  it('refuses to undo a turn whose file another session changed in a turn at the same time', async () => {
    await start('one');
    await start('two');
    expect((await sandbox.cli(['send', 'one', 'write a.txt from one', '--enter'])).code).toBe(0);
    await turn('two', 'write a.txt from two');
    await checkpoints('one', 1);
    await checkpoints('two', 1);
    const refused = await sandbox.cli(['undo', 'one']);
    // Whether one's turn ended before two wrote (then a.txt also "changed since") depends on the machine's pace.
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^grove: not undone: (a\.txt changed since; )?a\.txt also changed in two's turn 1; grove undo one --turn 1 --confirm puts them back too/u);
    expect(read('a.txt')).toBe('from two\n');
    const confirmed = await sandbox.cli(['undo', 'one', '--confirm']);
    expect(confirmed.stdout, confirmed.stderr).toContain('put back a.txt');
    expect(read('a.txt')).toBe('a0\n');
  });

  it('leaves an ended session\'s checkpoints to prune once past their age, and drops its private index', async () => {
    const config = join(sandbox.env.XDG_CONFIG_HOME!, 'grove');
    mkdirSync(config, { recursive: true });
    writeFileSync(join(config, 'config.json'), JSON.stringify({ checkpoints: { keepDays: 0 } }));
    await start('gone');
    await start('live');
    await turn('gone', 'write a.txt from gone');
    await turn('live', 'write b.txt from live');
    await checkpoints('gone', 1);
    await checkpoints('live', 1);
    const indexes = () => execFileSync('ls', [join(sandbox.project, '.git')], { encoding: 'utf8' }).split('\n').filter((f) => f.startsWith('grove-'));
    expect(indexes()).toHaveLength(2);
    expect((await sandbox.cli(['prune'])).stdout).toBe(`nothing to prune in ${sandbox.project}\n`);

    expect((await sandbox.cli(['kill', 'gone'])).code).toBe(0);
    await until(() => indexes().length === 1, 'the ended session\'s index gone');
    const listed = await sandbox.cli(['prune']);
    expect(listed.stdout).toMatch(/^ {2}1 {2}checkpoints of gone, ended \(1, the last on \d{4}-\d\d-\d\d\): deletes them\n/u);
    expect(listed.stdout).not.toContain('live');
    const pruned = await sandbox.cli(['prune', '--yes', '1']);
    expect(pruned.stdout, pruned.stderr).toContain('checkpoints of gone: deleted 1\n');
    expect(git('for-each-ref', '--format=%(refname)', 'refs/grove/').trim()).toBe('refs/grove/checkpoints/live/1');
    expect(read('a.txt')).toBe('from gone\n');
  });
});
