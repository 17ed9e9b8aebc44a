/**
 * Fan-out through the real binary on a real repository, with a scripted agent (fixtures/agents/
 * variant-agent.mjs): three variants from one prompt, and three different agents; a plan handed over;
 * the comparison of all and of two, file by file; and a pick that merges one and removes the others only
 * as the user answers.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PLAN_FILE } from '../../src/core/review/fanout.js';
import { groveSandbox, until, type GroveSandbox } from './grove.js';

const AGENT = fileURLToPath(new URL('../fixtures/agents/variant-agent.mjs', import.meta.url));

let sandbox: GroveSandbox;
let repo: string;
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: sandbox.env, encoding: 'utf8' });
const log = () => join(sandbox.dir, 'agents.log');
const worktree = (name: string) => join(`${repo}.worktrees`, name);

beforeEach(() => {
  sandbox = groveSandbox();
  sandbox.env.AGENT_LOG = log();
  repo = sandbox.project;
  git('init', '-q', '-b', 'main');
  writeFileSync(join(repo, 'README.md'), 'project\n');
  git('add', '.');
  git('commit', '-qm', 'start');
  const agent = (flavour: string) => ({ command: process.execPath, args: [AGENT, flavour], prompt: 'argument' });
  mkdirSync(join(sandbox.env.XDG_CONFIG_HOME!, 'grove'), { recursive: true });
  writeFileSync(join(sandbox.env.XDG_CONFIG_HOME!, 'grove', 'config.json'), JSON.stringify({
    agents: { scripted: agent('same'), alpha: agent('alpha'), beta: agent('beta'), gamma: agent('gamma') },
    check: 'grep "from 2" greeting.txt || { echo "no greeting from 2"; exit 3; }',
  }));
});
afterEach(() => sandbox.dispose());

async function variantsDone(names: string[]): Promise<void> {
  await until(() => names.every((name) => existsSync(join(worktree(name), 'greeting.txt'))), 'every variant to write its file');
  for (const name of names) await until(async () => (await sandbox.cli(['commit', name])).code === 0, `${name}'s turn committed`);
}

describe('fan-out', () => {
  it('gives one prompt to three variants from one base, compares them, and picks one', async () => {
    const made = await sandbox.cli(['fanout', '3', '--agent', 'scripted', '--prompt', 'add a greeting', '--name', 'greet']);
    expect(made, made.stderr).toMatchObject({ code: 0, stdout: 'greet-1\ngreet-2\ngreet-3\n' });
    const listed = (await sandbox.cli(['ls'])).stdout;
    expect(listed.match(/greet-\d\t\S+.*\tworktree\t/gu)).toHaveLength(3);
    await variantsDone(['greet-1', 'greet-2', 'greet-3']);
    const base = git('rev-parse', 'main').trim();
    for (const name of ['greet-1', 'greet-2', 'greet-3']) expect(git('merge-base', 'main', `grove/${name}`).trim()).toBe(base);
    expect(readFileSync(log(), 'utf8').trim().split('\n').map((line) => line.split('\t')[1])).toEqual(['add a greeting', 'add a greeting', 'add a greeting']);

    const all = await sandbox.cli(['compare', 'greet']);
    expect(all.stdout.split('\n').map((line) => line.split(/\s{2,}/u))).toEqual([
      ['file', 'greet-1', 'greet-2', 'greet-3'],
      ['extra.txt', '·', '·', '+1−0'],
      ['greeting.txt', '+1−0', '+1−0', '+1−0'],
      ['total', '1 file', '1 file', '2 files'],
      [''],
    ]);
    const checked = await sandbox.cli(['compare', 'greet', '--check']);
    expect(checked.stdout).toMatch(/^check\s+✗ exit 3\s+✓ [0-9a-f]{7,}\s+✗ exit 3$/mu);
    expect(checked.stdout).toContain('greet-1: no greeting from 2\n');
    expect((await sandbox.cli(['ls', '--json'])).stdout).toMatch(/"passed": true/u);
    const two = await sandbox.cli(['compare', 'greet-1', 'greet-2', '--file', 'greeting.txt']);
    expect(two.stdout).toContain('--- a/greet-1/greeting.txt');
    expect(two.stdout).toContain('+++ b/greet-2/greeting.txt');
    expect(two.stdout).toMatch(/^-hello from 1 \(same\)$/mu);
    expect(two.stdout).toMatch(/^\+hello from 2 \(same\)$/mu);

    // Pick greet-2 in a terminal: the merge, then the offer. greet-1 loses nothing (its branch stays, with its
    // commit) and goes; greet-3 has work nowhere else, so it goes only if its name is typed — and it is not.
    writeFileSync(join(worktree('greet-3'), 'notes.txt'), 'not saved anywhere else\n');
    const t = await sandbox.open({ args: ['pick', 'greet-2', '--yes'], cols: 120, rows: 30 });
    await t.waitForText('remove the other variants (greet-1, greet-3)?');
    t.write('y\r');
    await t.waitForText('greet-1: removed the worktree; kept branch grove/greet-1 (it has 1 commit not in main)');
    await t.waitForText('removing greet-3 would lose 1 untracked file');
    await t.waitForText("type the session's name (greet-3) to remove it anyway:");
    t.write('\r');
    expect((await t.exited).exitCode).toBe(1);
    expect(t.screenText()).toContain('grove: not removed: greet-3 would lose work');
    expect(git('show', 'main:greeting.txt')).toBe('hello from 2 (same)\n');
    const after = (await sandbox.cli(['ls'])).stdout;
    expect(after).not.toMatch(/greet-1/u);
    expect(after).toMatch(/greet-3/u);
    expect(existsSync(worktree('greet-1'))).toBe(false);
    expect(existsSync(worktree('greet-3'))).toBe(true);
  });

  it('with cleanupAfterMerge, a pick removes the picked variant and the others without asking', async () => {
    const config = join(sandbox.env.XDG_CONFIG_HOME!, 'grove', 'config.json');
    writeFileSync(config, JSON.stringify({ ...JSON.parse(readFileSync(config, 'utf8')), worktree: { cleanupAfterMerge: true } }));
    expect((await sandbox.cli(['fanout', '2', '--agent', 'scripted', '--prompt', 'greet', '--name', 'tidy'])).code).toBe(0);
    await variantsDone(['tidy-1', 'tidy-2']);
    const picked = await sandbox.cli(['pick', 'tidy-1', '--yes']);
    expect(picked, picked.stderr).toMatchObject({ code: 0 });
    expect(picked.stdout).toContain('tidy-2: removed the worktree; kept branch grove/tidy-2 (it has 1 commit not in main)');
    expect(git('show', 'main:greeting.txt')).toBe('hello from 1 (same)\n');
    expect((await sandbox.cli(['ls'])).stdout).not.toMatch(/tidy-/u);
    expect([existsSync(worktree('tidy-1')), existsSync(worktree('tidy-2'))]).toEqual([false, false]);
  });

  it('gives each variant its own agent, and hands a plan over that git never sees', async () => {
    writeFileSync(join(sandbox.dir, 'plan.md'), '# Plan\n1. greet\n');
    const made = await sandbox.cli(['fanout', '3', '--agents', 'alpha,beta,gamma', '--prompt-file', join(sandbox.dir, 'plan.md'), '--name', 'planned']);
    expect(made, made.stderr).toMatchObject({ code: 0 });
    await until(() => ['planned-1', 'planned-2', 'planned-3'].every((name) => existsSync(join(worktree(name), 'greeting.txt'))), 'the variants');
    expect(['1', '2', '3'].map((n) => readFileSync(join(worktree(`planned-${n}`), 'greeting.txt'), 'utf8')))
      .toEqual(['hello from 1 (alpha)\n', 'hello from 2 (beta)\n', 'hello from 3 (gamma)\n']);
    expect(readFileSync(join(worktree('planned-1'), PLAN_FILE), 'utf8')).toBe('# Plan\n1. greet\n');
    expect(readFileSync(log(), 'utf8')).toContain(`Read the plan in ${PLAN_FILE}`);
    // Neither in what is uncommitted nor in any commit of the branch (turns may have been committed by now).
    const inWorktree = (...args: string[]) => execFileSync('git', args, { cwd: worktree('planned-1'), env: sandbox.env, encoding: 'utf8' });
    const seen = inWorktree('status', '--porcelain', '--untracked-files=all') + inWorktree('log', '--name-only', '--format=', 'main..HEAD');
    expect(seen).not.toContain(PLAN_FILE);
    expect(seen).toContain('greeting.txt');
  });

  it('refuses a count out of range, and agents that do not match it, in one line', async () => {
    expect(await sandbox.cli(['fanout', '1', '--agent', 'scripted', '--prompt', 'x'])).toMatchObject({ code: 1, stderr: 'grove: the number of variants must be 2 to 10\n' });
    expect(await sandbox.cli(['fanout', '3', '--agents', 'alpha,beta', '--prompt', 'x'])).toMatchObject({ code: 1, stderr: 'grove: give one agent, or one per variant (3); got 2\n' });
    expect(await sandbox.cli(['fanout', '2', '--agent', 'scripted'])).toMatchObject({ code: 1, stderr: 'grove: a fan-out needs a prompt or a plan to give the agents\n' });
    expect(await sandbox.cli(['fanout', '2', '--agent', 'scripted', '--prompt-file', 'missing.md'])).toMatchObject({ code: 1, stderr: 'grove: cannot read the plan missing.md: no such file\n' });
    expect((await sandbox.cli(['ls'])).stdout).toBe('');
  });
});
