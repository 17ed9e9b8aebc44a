/**
 * A session's program holds only its own terminal (issue 16.1). node-pty leaves each pty master it opens
 * inheritable; before grove marked them close-on-exec, the second session's program found the first's
 * master among its descriptors (and could type into that shell), and a server killed with SIGKILL left its
 * programs running, since their siblings' copies kept every terminal from hanging up.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groveSandbox, isAlive, serverPid, until, type GroveSandbox } from './grove.js';

/** Prints its terminal's name, then where each of its descriptors points, then waits. */
const LIST_DESCRIPTORS = 'echo "TTY=$(tty)"; for f in /proc/$$/fd/*; do echo "FD $(readlink $f)"; done; echo LISTED; exec sleep 60';

describe('descriptors', () => {
  let sandbox: GroveSandbox;
  beforeEach(() => {
    sandbox = groveSandbox();
  });
  afterEach(() => sandbox.dispose());

  it('gives a session’s program no other session’s terminal and no socket of the server', async () => {
    expect((await sandbox.cli(['new', '--name', 'first', '--', 'sleep', '60'])).code).toBe(0);
    expect((await sandbox.cli(['new', '--name', 'second', '--', 'bash', '-c', LIST_DESCRIPTORS])).code).toBe(0);
    await until(async () => (await sandbox.cli(['capture', 'second'])).stdout.includes('LISTED'), 'the listing');
    const screen = (await sandbox.cli(['capture', 'second'])).stdout;
    const tty = /TTY=(\S+)/.exec(screen)![1]!;
    const targets = [...screen.matchAll(/^FD (.*)$/gm)].map((m) => m[1]!.trim());
    expect(targets.length).toBeGreaterThanOrEqual(3);
    const terminals = targets.filter((t) => t.startsWith('/dev/pts') || t.includes('ptmx'));
    expect(terminals.every((t) => t === tty), `descriptors: ${targets.join(', ')}`).toBe(true);
    expect(targets.filter((t) => t.startsWith('socket:') || t.startsWith('anon_inode:'))).toEqual([]);
  });

  it('hangs up every session’s terminal when the server is killed with SIGKILL', async () => {
    expect((await sandbox.cli(['new', '--name', 'one', '--', 'bash', '-c', 'echo PID=$$; exec sleep 120'])).code).toBe(0);
    // A later program that survives its own hang-up: with the masters leaked, it kept the first terminal open.
    expect((await sandbox.cli(['new', '--name', 'keeper', '--', 'bash', '-c', 'trap "" HUP; echo PID=$$; exec sleep 120'])).code).toBe(0);
    const pidOf = async (name: string) => {
      await until(async () => /PID=\d+/.test((await sandbox.cli(['capture', name])).stdout), `${name}'s pid`);
      return Number(/PID=(\d+)/.exec((await sandbox.cli(['capture', name])).stdout)![1]);
    };
    const one = await pidOf('one');
    const keeper = await pidOf('keeper');
    try {
      process.kill(serverPid(sandbox), 'SIGKILL');
      await until(() => !isAlive(one), 'the first session’s program to get its hang-up and end', 5_000);
    } finally {
      if (isAlive(keeper)) process.kill(keeper, 'SIGKILL');
    }
  });
});
