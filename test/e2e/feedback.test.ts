/**
 * `grove feedback` on a real repository with the real binary: comments kept on lines of a worktree
 * session's diff (quoted from it), listed, one dropped, and the round typed to a scripted agent as one
 * prompt with each comment's file:line and quoted lines; a place that is not in the diff is refused.
 */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groveSandbox, until, type GroveSandbox } from './grove.js';

const AGENT = fileURLToPath(new URL('../fixtures/agents/reviewing-agent.mjs', import.meta.url));
let sandbox: GroveSandbox;
beforeEach(() => {
  sandbox = groveSandbox();
  const git = (...args: string[]) => execFileSync('git', args, { cwd: sandbox.project, env: sandbox.env });
  git('init', '-q', '-b', 'main');
  git('commit', '-q', '--allow-empty', '-m', 'start');
});
afterEach(() => sandbox.dispose());

describe('grove feedback', () => {
  it('keeps comments on lines of the diff, and types them to the agent as one prompt', async () => {
    expect((await sandbox.cli(['new', '--worktree', '--name', 'rev', '--', process.execPath, AGENT])).code).toBe(0);
    await until(() => existsSync(join(`${sandbox.project}.worktrees/rev`, 'greet.txt')), 'the agent at work');
    await until(async () => (await sandbox.cli(['capture', 'rev'])).stdout.includes('ready'), 'its prompt');

    const kept = await sandbox.cli(['feedback', 'rev', 'greet.txt:2', 'say', 'planet']);
    expect(kept.stdout).toBe('greet.txt:2: kept (1 comment to send: grove feedback rev)\n');
    const second = await sandbox.cli(['feedback', 'rev', 'greet.txt:1', 'drop me']);
    expect([second.code, second.stderr]).toEqual([0, '']);
    const missing = await sandbox.cli(['feedback', 'rev', 'other.txt:3', 'nope']);
    expect([missing.code, missing.stderr]).toEqual([1, 'grove: not kept: other.txt:3 is not a line of what rev changed (grove diff rev)\n']);
    expect((await sandbox.cli(['feedback', 'rev', 'greet.txt', 'hi'])).stderr).toContain('is not FILE:LINE or FILE:FIRST-LAST');

    expect((await sandbox.cli(['feedback', 'rev', '--list'])).stdout).toBe('1. greet.txt:2\n   > world\n   say planet\n2. greet.txt:1\n   > hello\n   drop me\n');
    expect((await sandbox.cli(['feedback', 'rev', '--drop', '2'])).stdout).toBe('rev: 1 comment left\n');

    expect((await sandbox.cli(['feedback', 'rev'])).stdout).toBe('typed 1 review comment to rev\n');
    // While the agent works on them (two seconds) the comments stay, marked sent.
    expect((await sandbox.cli(['feedback', 'rev', '--list'])).stdout).toContain('1. greet.txt:2 (sent)');
    await until(async () => (await sandbox.cli(['capture', 'rev'])).stdout.includes('got:    say planet'), 'the prompt at the agent');
    const screen = (await sandbox.cli(['capture', 'rev'])).stdout;
    expect(screen).toContain('got: 1. greet.txt:2\ngot:    > world\ngot:    say planet');
    // Its turn over, the round is done.
    await until(async () => (await sandbox.cli(['feedback', 'rev', '--list'])).stdout === 'rev has no review comments\n', 'the comments gone');
    const none = await sandbox.cli(['feedback', 'rev']);
    expect(none.stderr).toBe('grove: rev has no comments to send: c on a line of its diff (C-b D), or grove feedback rev FILE:LINE TEXT\n');
  });
});
