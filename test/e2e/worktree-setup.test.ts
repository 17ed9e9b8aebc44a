/**
 * Worktree setup (core/review/setup.ts) through the real binary: the config's steps run in a new worktree
 * session's pane before its agent starts; the first that fails stops there, with its exit status, and the
 * agent never starts; a repository's own config gets no steps run until it is trusted.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groveSandbox, until, type GroveSandbox } from './grove.js';

let sandbox: GroveSandbox;
const git = (...args: string[]) => execFileSync('git', args, { cwd: sandbox.project, env: sandbox.env, encoding: 'utf8' });
const AGENT = ['--', 'bash', '-c', 'echo "agent-started with $(cat made-by-setup.txt 2>/dev/null)"; sleep 60'];

function userConfig(setup: string[]): void {
  mkdirSync(join(sandbox.env.XDG_CONFIG_HOME!, 'grove'), { recursive: true });
  writeFileSync(join(sandbox.env.XDG_CONFIG_HOME!, 'grove', 'config.json'), JSON.stringify({ worktree: { setup } }));
}

beforeEach(() => {
  sandbox = groveSandbox();
  git('init', '-q', '-b', 'main');
  writeFileSync(join(sandbox.project, 'README.md'), 'project\n');
  git('add', '.');
  git('commit', '-qm', 'start');
});
afterEach(() => sandbox.dispose());

describe('worktree setup', () => {
  it('runs the steps in the pane, in order, then starts the agent', async () => {
    userConfig(['printf made > made-by-setup.txt', 'echo second step']);
    expect((await sandbox.cli(['new', '--worktree', '--name', 'feat', ...AGENT])).code).toBe(0);
    await until(async () => (await sandbox.cli(['capture', 'feat'])).stdout.includes('agent-started with made'), 'the agent after the steps');
    const screen = (await sandbox.cli(['capture', 'feat'])).stdout;
    expect(screen.indexOf('grove setup 1/2: printf made > made-by-setup.txt')).toBeLessThan(screen.indexOf('grove setup 2/2: echo second step'));
    expect(screen.indexOf('second step\n')).toBeLessThan(screen.indexOf('agent-started'));
    // The session is the agent's: its record names the agent's command, not the setup's shell.
    expect((await sandbox.cli(['ls'])).stdout).toMatch(/\tbash -c /u);
  });

  it('stops at the first step that fails, with its exit status, and never starts the agent', async () => {
    userConfig(['echo step one', 'exit 7', 'echo never']);
    expect((await sandbox.cli(['new', '--worktree', '--name', 'feat', ...AGENT])).code).toBe(0);
    await until(async () => (await sandbox.cli(['ls'])).stdout.includes('exit 7'), 'the session to end with the step\'s status');
    const screen = (await sandbox.cli(['capture', 'feat'])).stdout;
    expect(screen).toContain('grove: setup step 2 failed with exit status 7: exit 7');
    expect(screen).toContain('the agent was not started (C-b o: a shell here, C-b R: start it)');
    expect(screen).not.toContain('never');
    expect(screen).not.toContain('agent-started');
    // C-b R's relaunch starts the agent itself, without the steps.
    expect((await sandbox.cli(['relaunch', 'feat'])).code).toBe(0);
    await until(async () => (await sandbox.cli(['capture', 'feat'])).stdout.includes('agent-started'), 'the agent on relaunch');
  });

  it('runs no steps from a repository config that is not trusted', async () => {
    mkdirSync(join(sandbox.project, '.grove'));
    writeFileSync(join(sandbox.project, '.grove', 'config.json'), JSON.stringify({ worktree: { setup: ['printf made > made-by-setup.txt'] } }));
    git('add', '.');
    git('commit', '-qm', 'config');
    expect((await sandbox.cli(['new', '--worktree', '--name', 'feat', ...AGENT])).code).toBe(0);
    expect((await sandbox.cli(['config', 'check'])).stdout + (await sandbox.cli(['config', 'check'])).stderr).toContain('ignoring worktree.setup');
    await until(async () => (await sandbox.cli(['capture', 'feat'])).stdout.includes('agent-started with'), 'the agent');
    expect((await sandbox.cli(['capture', 'feat'])).stdout).not.toContain('grove setup');
  });
});
