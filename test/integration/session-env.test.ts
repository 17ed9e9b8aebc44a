/**
 * The environment a session's program starts with: the asking client's (as tmux copies its client's),
 * the agent profile's on top, grove's own last; a relaunch starts it with the same again, or with the
 * relaunching client's. Real ptys, a real host.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fsLaunchChecks } from '../../src/io/launch-checks.js';
import { nodePtySpawner } from '../../src/io/pty.js';
import { LocalSessionHost } from '../../src/server/local-host.js';
import { onThisThread } from '../../src/emu/in-thread-emulators.js';

let host: LocalSessionHost | undefined;
afterEach(async () => host?.dispose());

async function screenOf(id: string, text: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const screen = await host!.capture(id, { ansi: false, scrollback: true });
    if (screen.includes(text) || Date.now() > deadline) return screen;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function exited(id: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (host!.list().find((s) => s.id === id)?.status !== 'exited') {
    if (Date.now() > deadline) throw new Error(`${id} did not exit`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('a session\'s environment', () => {
  it('is the client\'s, with the profile\'s on top and grove\'s last, and a relaunch keeps it', async () => {
    host = new LocalSessionHost({ emulatorThreads: onThisThread, spawner: nodePtySpawner, checks: fsLaunchChecks, env: { ...process.env, GROVE_SOCKET: '/run/grove/sock', ONLY_SERVER: 'server' }, killGraceMs: 500 });
    const print = 'echo "[$KEY|$BASE|${ONLY_SERVER:-none}|$GROVE_SOCKET|$GROVE_SESSION]"';
    const clientEnv = { PATH: process.env.PATH!, KEY: 'client', BASE: 'client', GROVE_SESSION: 's99' };
    const info = await host.create({ command: 'sh', args: ['-c', print], cwd: process.cwd(), env: { BASE: 'profile' }, clientEnv });
    const expected = `[client|profile|none|/run/grove/sock|${info.id}]`;
    expect(await screenOf(info.id, expected)).toContain(expected);

    await exited(info.id);
    await host.relaunch(info.id);
    expect(await screenOf(info.id, expected)).toContain(expected);
    await exited(info.id);
    await host.relaunch(info.id, { ...clientEnv, KEY: 'other' });
    const other = `[other|profile|none|/run/grove/sock|${info.id}]`;
    expect(await screenOf(info.id, other)).toContain(other);
  });
});
