/**
 * Killing a session ends every process it started, through the real binary and real processes. The
 * question before a kill and a finished session's last screen are test/ui/sessions.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { groveSandbox, isAlive, until, type GroveSandbox } from './grove.js';

describe('kill and exit', () => {
  let sandbox: GroveSandbox;
  beforeEach(() => {
    sandbox = groveSandbox();
  });
  afterEach(() => sandbox.dispose());

  it('ends the whole process tree: helpers in a session of their own, and ones that ignore SIGTERM', async () => {
    const pids = join(sandbox.dir, 'pids');
    // A daemon that left with setsid, and a job that ignores SIGTERM, as agents' helpers do.
    const script = `setsid sleep 1000 & echo $! >> ${pids}; (trap '' TERM; exec sleep 1001) & echo $! >> ${pids}; echo started; wait`;
    expect((await sandbox.cli(['new', '--name', 'agent', '--', 'bash', '-c', script])).code).toBe(0);
    await until(async () => (await sandbox.cli(['capture', 'agent'])).stdout.includes('started'), 'the helpers');
    const helpers = readFileSync(pids, 'utf8').trim().split('\n').map(Number);
    expect(helpers).toHaveLength(2);
    expect(helpers.every(isAlive)).toBe(true);
    expect((await sandbox.cli(['kill', 'agent'])).code).toBe(0);
    await until(() => !helpers.some(isAlive), 'every helper to end', 5000);
  });
});
