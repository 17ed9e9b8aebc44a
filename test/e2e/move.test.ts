/**
 * `grove move` through the real binary on a real repository, with the scripted editing agent
 * (fixtures/agents/editing-agent.mjs): a workspace session's modified, new and deleted files go into a
 * worktree of its own and the checkout gets them back as they were, the user's own edits and index left
 * alone; its agent goes on working there; and back: the worktree's work lands in the checkout as a
 * checkpoint that can be undone, the worktree is removed and its branch kept. Refusals (a file the user
 * changed since, a checkout file not as on the base) and failures (no folder for the worktree; the user's
 * index locked) leave everything where it was.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groveSandbox, until, type GroveSandbox } from './grove.js';

const AGENT = fileURLToPath(new URL('../fixtures/agents/editing-agent.mjs', import.meta.url));
const FAKE_CLAUDE = fileURLToPath(new URL('../fixtures/agents/fake-claude.mjs', import.meta.url));
let sandbox: GroveSandbox;
const git = (...args: string[]) => execFileSync('git', args, { cwd: sandbox.project, env: sandbox.env, encoding: 'utf8' });
const read = (folder: string, file: string) => (existsSync(join(folder, file)) ? readFileSync(join(folder, file), 'utf8') : undefined);

beforeEach(async () => {
  sandbox = groveSandbox();
  git('init', '-q', '-b', 'main');
  for (const file of ['a', 'b', 'c']) writeFileSync(join(sandbox.project, `${file}.txt`), `${file}0\n`);
  git('add', '.');
  git('commit', '-qm', 'start');
  expect((await sandbox.cli(['new', '--name', 'ed', '--', process.execPath, AGENT])).code).toBe(0);
  await ready();
});
afterEach(() => sandbox.dispose());

const ready = () => until(async () => (await sandbox.cli(['capture', 'ed'])).stdout.includes('ready'), "ed's prompt");

/** Its agent started again: at its prompt, and at rest (its start-up output reads as work for a moment). */
async function restarted(): Promise<void> {
  await ready();
  expect((await sandbox.cli(['wait', 'ed', '--until', 'idle', '--timeout', '20'])).code).toBe(0);
}

async function turn(edits: string): Promise<void> {
  const sent = await sandbox.cli(['send', 'ed', edits, '--enter', '--wait', '--timeout', '20']);
  expect(sent, sent.stderr).toMatchObject({ code: 0 });
}

async function checkpointCount(count: number): Promise<void> {
  await until(async () => (await sandbox.cli(['checkpoints', 'ed'])).stdout.split('\n').filter((line) => /^\s*\d/u.test(line)).length === count, `${count} checkpoints`);
}

async function session(): Promise<{ cwd: string; isolation: string }> {
  const listed = JSON.parse((await sandbox.cli(['ls', '--json'])).stdout) as { name: string; cwd: string; isolation: string }[];
  return listed.find((s) => s.name === 'ed')!;
}

describe('grove move', () => {
  it('takes a workspace session into a worktree with its files, and back into the checkout', async () => {
    const project = sandbox.project;
    const head = git('rev-parse', 'HEAD');
    await turn('write a.txt a1;write new.txt n1;rm c.txt');
    await checkpointCount(1);
    writeFileSync(join(project, 'b.txt'), 'mine\n');

    const moved = await sandbox.cli(['move', 'ed', '--to', 'worktree']);
    expect(moved.stdout, moved.stderr).toMatch(/^moved ed to a worktree on grove\/ed \((.+)\): took 3 files \(a\.txt, c\.txt, new\.txt\); as they were, in refs\/grove\/checkpoints\/ed\/2\n/u);
    const worktree = (await session()).cwd;
    expect(worktree).not.toBe(project);
    // The checkout is as before the session's turn, but for the user's own edit; the worktree has the turn.
    expect([read(project, 'a.txt'), read(project, 'new.txt'), read(project, 'c.txt'), read(project, 'b.txt')]).toEqual(['a0\n', undefined, 'c0\n', 'mine\n']);
    expect([read(worktree, 'a.txt'), read(worktree, 'new.txt'), read(worktree, 'c.txt'), read(worktree, 'b.txt')]).toEqual(['a1\n', 'n1\n', undefined, 'b0\n']);
    expect(git('log', '-1', '--format=%s', 'grove/ed')).toBe("grove: ed's changes, moved from the checkout\n");
    expect([git('rev-parse', 'HEAD'), git('diff', '--cached', '--name-only')]).toEqual([head, '']);

    // Its agent starts again in the worktree and works there.
    await restarted();
    await turn('write d.txt d2');
    expect([read(worktree, 'd.txt'), read(project, 'd.txt')]).toEqual(['d2\n', undefined]);

    const back = await sandbox.cli(['move', 'ed', '--to', 'workspace']);
    expect(back.stdout, back.stderr).toMatch(new RegExp(`^moved ed to the checkout \\(${project}\\): took 4 files \\(a\\.txt, c\\.txt, d\\.txt, new\\.txt\\); as they were, in refs/grove/checkpoints/ed/3\\n.*\\nremoved the worktree; kept branch grove/ed`, 'su'));
    expect([read(project, 'a.txt'), read(project, 'new.txt'), read(project, 'c.txt'), read(project, 'd.txt'), read(project, 'b.txt')]).toEqual(['a1\n', 'n1\n', undefined, 'd2\n', 'mine\n']);
    expect(existsSync(worktree)).toBe(false);
    expect(await session()).toMatchObject({ cwd: project, isolation: 'workspace' });
    expect([git('rev-parse', 'HEAD'), git('diff', '--cached', '--name-only')]).toEqual([head, '']);

    // What came into the checkout is a checkpoint like a turn's: undone, the checkout is as it was.
    await restarted();
    const undone = await sandbox.cli(['undo', 'ed', '--turn', '3']);
    expect(undone.stdout, undone.stderr).toContain('undid turn 3: put back a.txt, c.txt, d.txt, new.txt');
    expect([read(project, 'a.txt'), read(project, 'new.txt'), read(project, 'c.txt'), read(project, 'b.txt')]).toEqual(['a0\n', undefined, 'c0\n', 'mine\n']);
  });

  it('refuses what would take or overwrite the user\'s edits, leaving the session where it was', async () => {
    const project = sandbox.project;
    await turn('write a.txt a1');
    await checkpointCount(1);
    writeFileSync(join(project, 'a.txt'), 'mine\n');
    const refused = await sandbox.cli(['move', 'ed', '--to', 'worktree']);
    expect([refused.code, refused.stderr]).toEqual([1, "grove: not moved: a.txt changed since ed's last turn (by you or another session); grove move ed --to worktree --confirm takes them as they are now\n"]);
    expect(await session()).toMatchObject({ cwd: project, isolation: 'workspace' });
    expect(git('worktree', 'list').trim().split('\n')).toHaveLength(1);

    const confirmed = await sandbox.cli(['move', 'ed', '--to', 'worktree', '--confirm', '--branch', 'topic']);
    expect(confirmed.stdout, confirmed.stderr).toMatch(/^moved ed to a worktree on topic /u);
    const worktree = (await session()).cwd;
    expect([read(worktree, 'a.txt'), read(project, 'a.txt')]).toEqual(['mine\n', 'a0\n']);

    // Back: the checkout's a.txt is not as on main where topic started, so the move is refused, the agent left running.
    writeFileSync(join(project, 'a.txt'), 'again\n');
    await restarted();
    const back = await sandbox.cli(['move', 'ed', '--to', 'workspace']);
    expect([back.code, back.stderr]).toEqual([1, 'grove: not moved: a.txt in the checkout is not as on main where topic started (edited there, or main has moved on): commit or stash it there, or grove sync ed first; nothing changed\n']);
    expect(await session()).toMatchObject({ cwd: worktree, isolation: 'worktree' });
    expect((await sandbox.cli(['ls'])).stdout).not.toMatch(/exit/u);
    expect(read(project, 'a.txt')).toBe('again\n');
  });

  it('leaves everything as it was when the worktree cannot be made, and works with the user\'s index locked', async () => {
    const project = sandbox.project;
    await turn('write a.txt a1;write new.txt n1');
    await checkpointCount(1);
    writeFileSync(`${project}.worktrees`, 'a file where the worktrees folder would go\n');
    const failed = await sandbox.cli(['move', 'ed', '--to', 'worktree']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^grove: not moved: .*; the checkout is as it was\n$/u);
    expect([read(project, 'a.txt'), read(project, 'new.txt')]).toEqual(['a1\n', 'n1\n']);
    expect(await session()).toMatchObject({ cwd: project, isolation: 'workspace' });
    // The files were kept as a checkpoint before anything else: there they are.
    expect(execFileSync('git', ['show', 'refs/grove/checkpoints/ed/2:new.txt'], { cwd: project, encoding: 'utf8' })).toBe('n1\n');

    execFileSync('rm', [`${project}.worktrees`]);
    writeFileSync(join(project, '.git', 'index.lock'), '');
    const moved = await sandbox.cli(['move', 'ed', '--to', 'worktree']);
    expect(moved.stdout, moved.stderr).toMatch(/^moved ed to a worktree on grove\/ed /u);
    expect([read(project, 'a.txt'), read(project, 'new.txt')]).toEqual(['a0\n', undefined]);
    expect(existsSync(join(project, '.git', 'index.lock'))).toBe(true);
  });

  it("carries Claude Code's conversation into the worktree's folder, where its resume looks for it", async () => {
    const bin = join(sandbox.dir, 'bin');
    mkdirSync(bin);
    symlinkSync(FAKE_CLAUDE, join(bin, 'claude'));
    const env = { ...sandbox.env, PATH: `${bin}:${sandbox.env.PATH}`, CLAUDE_CONFIG_DIR: join(sandbox.dir, 'claude') };
    expect((await sandbox.cli(['new', '--name', 'cc', '--agent', 'claude'], { env })).code).toBe(0);
    expect((await sandbox.cli(['wait', 'cc', '--until', 'idle', '--timeout', '20'], { env })).code).toBe(0);
    expect((await sandbox.cli(['send', 'cc', 'remember this', '--enter', '--wait', '--timeout', '20'], { env })).code).toBe(0);

    const moved = await sandbox.cli(['move', 'cc', '--to', 'worktree'], { env });
    expect(moved.stdout, moved.stderr).toMatch(/^moved cc to a worktree on grove\/cc .*: no changed files to take\nits agent resumes its conversation there\n$/u);
    await until(async () => (await sandbox.cli(['capture', 'cc'], { env })).stdout.includes('resumed a conversation of 1 prompts'), 'the conversation resumed in the worktree');
    expect((await sandbox.cli(['capture', 'cc'], { env })).stdout).not.toContain('No conversation found');
  });
});
