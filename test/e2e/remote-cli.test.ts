/**
 * `grove --host DEST COMMAND` through a real sshd (sshd.ts): the command runs on the other machine, by
 * its grove, against its server — sessions made, listed, captured, typed into and waited on there; a
 * worktree session's diff and merge on that machine's repository; an unreachable host in one line.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groveSandbox, until, type GroveSandbox } from './grove.js';
import { startSshd, type SshServer } from './sshd.js';

let sandbox: GroveSandbox;
let sshd: SshServer;

beforeAll(async () => {
  sandbox = groveSandbox();
  sshd = await startSshd(sandbox.dir);
  sandbox.env.GROVE_SSH = sshd.ssh;
  // `box` in the config: ssh destination, the command that runs grove there, and its folder.
  mkdirSync(join(sandbox.env.XDG_CONFIG_HOME!, 'grove'), { recursive: true });
  writeFileSync(join(sandbox.env.XDG_CONFIG_HOME!, 'grove', 'config.json'), JSON.stringify({
    hosts: { box: { ssh: 'box', grove: sshd.grove, cwd: sshd.remote.home } },
  }));
}, 30_000);

afterAll(async () => {
  await sshd?.stop();
  await sandbox?.dispose();
});

const onBox = (args: string[], input?: string) => sandbox.cli(['--host', 'box', ...args], input === undefined ? {} : { input });

describe('grove --host', () => {
  it('makes, lists, captures, types into and waits on sessions of the other machine', async () => {
    const made = await onBox(['new', '--name', 'far', '--', 'bash', '-c', 'echo far-$((20+22)); read -r line; echo "got $line"; sleep 60']);
    expect(made).toMatchObject({ code: 0, stdout: 'far\n' });
    const listed = await onBox(['ls']);
    expect(listed.stdout).toMatch(/^0\tfar\t/mu);
    expect(listed.stdout).toContain(sshd.remote.home);
    // This machine's server has no such session: the other one holds it.
    expect((await sandbox.cli(['ls'])).stdout).not.toContain('far');
    await until(async () => (await onBox(['capture', 'far'])).stdout.includes('far-42'), 'the remote output');
    expect((await onBox(['send', 'far', 'hello there', '--enter'])).code).toBe(0);
    await until(async () => (await onBox(['capture', 'far'])).stdout.includes('got hello there'), 'the reply');
    expect((await onBox(['wait', 'far', '--until', 'idle', '--timeout', '10'])).code).toBe(0);
    expect((await onBox(['kill', 'far'])).code).toBe(0);
  });

  it("diffs and merges a worktree session on the other machine's repository", async () => {
    const repo = join(sshd.remote.home, 'api');
    mkdirSync(repo);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: sshd.remote.env, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    writeFileSync(join(repo, 'README.md'), 'api\n');
    git('add', '.');
    git('commit', '-qm', 'start');
    const made = await onBox(['new', '--worktree', '--name', 'w', '--cwd', repo, '--', 'bash', '-c', 'echo feature > feature.txt; sleep 60']);
    expect(made.code, made.stderr).toBe(0);
    await until(async () => (await onBox(['commit', 'w'])).stdout.includes('committed turn'), 'the turn committed');
    const diff = await onBox(['diff', 'w']);
    expect(diff.stdout).toContain('feature.txt');
    expect(diff.stdout).toContain('+feature');
    const merged = await onBox(['merge', 'w', '--yes']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(git('show', 'main:feature.txt')).toBe('feature\n');
  });

  it('says in one line when the host cannot be reached, or names no grove', async () => {
    const dead = await sandbox.cli(['--host', 'dead', 'ls']);
    expect(dead.code).toBe(255);
    expect(dead.stderr.trim().split('\n').pop()).toBe('grove: could not reach dead with ssh (dead); `ssh dead` says why');
    const bad = await sandbox.cli(['--host', '-oProxyCommand=x', 'ls']);
    expect(bad).toMatchObject({ code: 2, stderr: "grove: --host: '-oProxyCommand=x' is not an ssh destination (user@host, or a ~/.ssh/config alias)\n" });
  });

  it("checks the other machine with its own doctor", async () => {
    const doctor = await onBox(['doctor']);
    expect(doctor.stdout).toMatch(/node/u);
    expect(doctor.stdout).toMatch(/git/u);
  });
});
