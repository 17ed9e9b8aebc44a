/**
 * An agent that reports its own lifecycle, through the real binary: a stand-in for Claude Code
 * (test/fixtures/agents/fake-claude.mjs) runs the hooks grove passes it with `--settings`, takes text that
 * comes with Enter in one write as a paste, and resumes conversations by id. Status follows its reports at
 * once, `grove send --wait` returns with the turn, and a relaunch resumes that session's own conversation.
 */
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groveSandbox, until, type GroveSandbox } from './grove.js';

const FAKE_CLAUDE = fileURLToPath(new URL('../fixtures/agents/fake-claude.mjs', import.meta.url));

interface Listed {
  readonly name: string;
  readonly status: string;
  readonly statusSource?: string;
  readonly conversation?: string;
}

describe('an agent that reports through hooks', () => {
  let sandbox: GroveSandbox;
  let env: Record<string, string>;
  let agentLog: string;
  beforeEach(() => {
    sandbox = groveSandbox();
    const bin = join(sandbox.dir, 'bin');
    mkdirSync(bin);
    symlinkSync(FAKE_CLAUDE, join(bin, 'claude'));
    agentLog = join(sandbox.dir, 'agent.log');
    env = { ...sandbox.env, PATH: `${bin}:${sandbox.env.PATH}`, FAKE_AGENT_LOG: agentLog };
  });
  afterEach(() => sandbox.dispose());

  const entries = () => readFileSync(agentLog, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { args?: string[]; prompt?: string });
  const listed = async (name: string) => (JSON.parse((await sandbox.cli(['ls', '--json'], { env })).stdout) as Listed[]).find((s) => s.name === name)!;

  it('follows its reports, submits long prompts whole, and resumes its own conversation', async () => {
    expect((await sandbox.cli(['new', '--name', 'agent', '--agent', 'claude'], { env })).code).toBe(0);
    await until(async () => (await listed('agent')).status === 'idle', 'the agent to be ready');
    const ready = await listed('agent');
    expect(ready.statusSource).toBe('hook');
    const started = entries()[0]!.args!;
    expect(started).toEqual(expect.arrayContaining(['--session-id', ready.conversation!, '--settings']));

    // ~100 characters with Enter: a single write would be taken as a paste and sit in the input box.
    const long = 'Refactor the parser so that every error carries its line and column, then add tests for both cases.';
    const turn = await sandbox.cli(['send', 'agent', long, '--enter', '--wait', '--timeout', '15'], { env });
    expect(turn, turn.stderr).toMatchObject({ code: 0 });
    expect(entries().map((e) => e.prompt).filter(Boolean)).toEqual([long]);
    expect(await listed('agent')).toMatchObject({ status: 'idle', statusSource: 'hook' });

    // A question the agent reports is `waiting` (exit 3); a forged report from outside does not count.
    expect((await sandbox.cli(['send', 'agent', 'ask before you run it', '--wait', '--timeout', '15'], { env })).code).toBe(3);
    const forged = await sandbox.cli(['hook', 'Stop'], { env: { ...env, GROVE_SESSION: 's1', GROVE_HOOK_TOKEN: 'guessed' }, input: '{}' });
    expect(forged.code).toBe(0);
    expect((await listed('agent')).status).toBe('waiting');
    expect((await sandbox.cli(['explain', 'agent'], { env })).stdout).toMatch(/waiting[\s\S]*Notification|Do you want to proceed/);
    expect((await sandbox.cli(['send', 'agent', '1'], { env })).code).toBe(0);
    expect((await sandbox.cli(['wait', 'agent', '--until', 'idle', '--next', '--timeout', '15'], { env })).code).toBe(0);

    // Relaunched, it resumes exactly this conversation, without starting the task again.
    expect((await sandbox.cli(['kill', 'agent'], { env })).code).toBe(0);
    expect((await sandbox.cli(['new', '--name', 'agent', '--agent', 'claude', '--prompt', 'first task'], { env })).code).toBe(0);
    await until(async () => entries().some((e) => e.prompt === 'first task'), 'the first prompt');
    const conversation = (await listed('agent')).conversation!;
    await sandbox.cli(['send', 'agent', '\x03'], { env });
    await until(async () => (await listed('agent')).status === 'exited', 'the agent to exit');
    expect((await sandbox.cli(['relaunch', 'agent'], { env })).code).toBe(0);
    await until(() => entries().filter((e) => e.args).length === 3, 'the relaunch');
    const relaunched = entries().filter((e) => e.args).at(-1)!.args!;
    expect(relaunched.slice(0, 2)).toEqual(['--resume', conversation]);
    expect(relaunched).not.toContain('first task');
    expect((await sandbox.cli(['capture', 'agent'], { env })).stdout).toContain(`resuming this session's conversation ${conversation}`);
  });

  it('keeps the last lines of an agent that refuses to start, for grove ls and the pane', async () => {
    // The refusal is longer than the pane is wide: it wraps, and is kept as the one line it is.
    const refusal = `echo starting; echo "--dangerously-skip-permissions cannot be used with root/sudo privileges for security reasons${'.'.repeat(40)}"; exit 1`;
    expect((await sandbox.cli(['new', '--name', 'refused', '--', 'bash', '-c', refusal], { env })).code).toBe(0);
    await until(async () => (await listed('refused')).status === 'exited', 'the agent to give up');
    const ls = (await sandbox.cli(['ls'], { env })).stdout;
    expect(ls).toContain(`exit 1, said: starting · --dangerously-skip-permissions cannot be used with root/sudo privileges for security reasons${'.'.repeat(40)}\t`);
    // A program that ends well, or fails after a long run, is not kept this way.
    expect((await sandbox.cli(['new', '--name', 'fine', '--', 'bash', '-c', 'echo bye'], { env })).code).toBe(0);
    await until(async () => (await listed('fine')).status === 'exited', 'the program to end');
    expect((await sandbox.cli(['ls'], { env })).stdout).toMatch(/\tfine\texit 0\t/);
  });

  it('brings every session back after the server stopped, each with its own conversation, in one key', async () => {
    for (const name of ['one', 'two']) expect((await sandbox.cli(['new', '--name', name, '--agent', 'claude'], { env })).code).toBe(0);
    await until(async () => (await listed('one')).status === 'idle' && (await listed('two')).status === 'idle', 'both agents');
    const ids = [(await listed('one')).conversation!, (await listed('two')).conversation!];
    expect(new Set(ids).size).toBe(2);
    expect((await sandbox.cli(['server', 'stop'], { env })).code).toBe(0);

    const t = await sandbox.open({ cols: 120, rows: 30, env });
    await t.waitForText('2 sessions stopped with their server: relaunch them all? (y/n)');
    t.press('y');
    await until(() => entries().filter((e) => e.args?.[0] === '--resume').length === 2, 'both relaunches');
    const resumed = entries().filter((e) => e.args?.[0] === '--resume').map((e) => e.args![1]);
    expect(resumed.sort()).toEqual([...ids].sort());
  });
});
