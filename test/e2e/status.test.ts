/**
 * Live status from the command line: a script that asks a question is `waiting` (its foreground process
 * blocks reading the terminal), `grove wait` returns when it gets there, and again when it exits after
 * the answer; a timeout is a non-zero exit with the status it was in.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groveSandbox, type GroveSandbox } from './grove.js';

describe('status and grove wait', () => {
  let sandbox: GroveSandbox;
  beforeEach(() => {
    sandbox = groveSandbox();
  });
  afterEach(() => sandbox.dispose());

  it('waits for a question, then for the exit after the answer', async () => {
    const script = 'echo working on it; sleep 1; read -p "Proceed? [y/n] " answer; echo "got $answer"; exit 0';
    expect((await sandbox.cli(['new', '--name', 'asker', '--', 'bash', '-c', script])).code).toBe(0);
    const waiting = await sandbox.cli(['wait', 'asker', '--until', 'waiting', '--timeout', '15']);
    expect(waiting.stderr).toBe('');
    expect(waiting.code).toBe(0);
    expect((await sandbox.cli(['ls'])).stdout).toMatch(/^0\tasker\twaiting\t/m);

    expect((await sandbox.cli(['send', 'asker', 'yes', '--enter'])).code).toBe(0);
    const exited = await sandbox.cli(['wait', 'asker', '--until', 'exited', '--timeout', '15']);
    expect(exited.code).toBe(0);
    expect((await sandbox.cli(['capture', 'asker'])).stdout).toContain('got yes');
  });

  it('gives up after the timeout, saying what the status is', async () => {
    await sandbox.cli(['new', '--name', 'sleeper', '--', 'bash', '-c', 'echo zzz; sleep 60']);
    const result = await sandbox.cli(['wait', 'sleeper', '--until', 'exited', '--timeout', '1']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^grove: timed out after 1s waiting for sleeper to be exited \(it is (starting|working|idle)\)\n$/);
  });

  it('refuses a status it cannot wait for, and a bad timeout', async () => {
    await sandbox.cli(['new', '--name', 'x', '--', 'sleep', '30']);
    expect((await sandbox.cli(['wait', 'x', '--until', 'sleeping'])).stderr).toMatch(/^grove: wait: --until must be one of working, waiting, idle, exited\n$/);
    expect((await sandbox.cli(['wait', 'x', '--until', 'idle', '--timeout', 'soon'])).stderr).toMatch(/--timeout must be a number/);
  });

  it('starts a known agent only when it is installed, saying how to install it', async () => {
    const result = await sandbox.cli(['new', '--agent', 'claude', '--prompt', 'fix the tests'], { env: { ...sandbox.env, PATH: '/usr/bin:/bin' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^grove: claude is not installed \(not found on PATH\)/);
    expect((await sandbox.cli(['new', '--agent', 'nobody'])).stderr).toMatch(/^grove: new: no agent named nobody \(known: copilot, claude/);
  });
});
