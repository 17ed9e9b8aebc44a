/**
 * Sessions outlive whatever happens to their clients, and a server that dies leaves records, not wreckage:
 * its sessions come back as "dead", folders untouched, and relaunch starts them again where they ran.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groveSandbox, isAlive, serverPid, until, type GroveSandbox } from './grove.js';

/** SIGKILL: the server gets no chance to tidy up or write anything more. */
async function killServer(sandbox: GroveSandbox): Promise<void> {
  const pid = serverPid(sandbox);
  process.kill(pid, 'SIGKILL');
  await until(() => !isAlive(pid), 'the server to die');
}

describe('surviving failures', () => {
  let sandbox: GroveSandbox;
  beforeEach(() => {
    sandbox = groveSandbox();
  });
  afterEach(() => sandbox.dispose());

  it('keeps the session running when the client is killed with SIGKILL', async () => {
    const t = await sandbox.open({ cols: 100, rows: 30 });
    await t.waitForText('Sessions (1)');
    t.write('echo before-the-kill\r');
    await t.waitForText(/│before-the-kill/);
    t.kill('SIGKILL');
    await t.exited;
    expect((await sandbox.cli(['send', '0', 'echo after-the-kill', '--enter'])).code).toBe(0);
    await until(async () => (await sandbox.cli(['capture', '0'])).stdout.includes('\nafter-the-kill'), 'the echo');
    const capture = await sandbox.cli(['capture', '0']);
    expect(capture.stdout).toContain('before-the-kill');
  });

  it('lists the sessions of a killed server as dead, with folders intact, and relaunches them', async () => {
    writeFileSync(join(sandbox.project, 'work.txt'), 'the agent was here\n');
    expect((await sandbox.cli(['new', '--name', 'agent', '--', 'bash', '-c', 'echo agent-$((6*7)); sleep 60'])).code).toBe(0);
    await until(async () => (await sandbox.cli(['capture', 'agent'])).stdout.includes('agent-42'), 'the agent');
    await killServer(sandbox);

    const t = await sandbox.open({ cols: 100, rows: 30 });
    await t.waitForText(/agent\s+ws/);
    await t.waitForText('dead');
    expect(readFileSync(join(sandbox.project, 'work.txt'), 'utf8')).toBe('the agent was here\n');
    const ls = await sandbox.cli(['ls']);
    expect(ls.stdout).toMatch(/^\d+\tagent\tdead\t/m);

    // The UI offers them all back at once; declined, C-b R brings back the focused one.
    await t.waitForText('session agent stopped with its server: relaunch it? (y/n)');
    t.press('n');
    await t.waitForText(/0:agent │/);
    t.press('C-b', 'R');
    await t.waitForText(/│agent-42/);
    expect((await sandbox.cli(['ls'])).stdout).toMatch(/\tagent\t(working|idle)\t/);
  });

  it('relaunches a user-defined agent after its server died, still reading its screen with the agent’s own rules', async () => {
    const configDir = join(sandbox.env.XDG_CONFIG_HOME!, 'grove');
    mkdirSync(configDir, { recursive: true });
    // Printed, then quiet: without its rule this agent would read as idle.
    writeFileSync(join(configDir, 'config.json'), JSON.stringify({
      agents: { marker: { command: 'bash', args: ['-c', 'echo READY-FOR-$((6*7)); exec sleep 60'], status: [{ match: 'READY-FOR-42', status: 'waiting' }] } },
    }));
    expect((await sandbox.cli(['new', '--name', 'm', '--agent', 'marker'])).code).toBe(0);
    expect((await sandbox.cli(['wait', 'm', '--until', 'waiting', '--timeout', '10'])).code).toBe(0);
    const state = join(sandbox.env.XDG_STATE_HOME!, 'grove', 'default', 'state.json');
    expect(JSON.parse(readFileSync(state, 'utf8')).sessions[0].statusRules).toEqual([{ match: 'READY-FOR-42', status: 'waiting' }]);
    await killServer(sandbox);

    // The next server starts with it dead; relaunch runs it again.
    expect((await sandbox.cli(['relaunch', 'm'])).code).toBe(0);
    expect((await sandbox.cli(['wait', 'm', '--until', 'waiting', '--timeout', '10'])).code).toBe(0);
  });

  it('moves a corrupt state file aside, starts anyway, and says so once', async () => {
    const folder = join(sandbox.env.XDG_STATE_HOME!, 'grove', 'default');
    expect((await sandbox.cli(['new', '--', 'true'])).code).toBe(0);
    await sandbox.cli(['server', 'stop']);
    writeFileSync(join(folder, 'state.json'), '{ not json');
    const started = await sandbox.cli(['new', '--name', 'fresh', '--', 'sleep', '30']);
    expect(started.code).toBe(0);
    expect(started.stderr).toMatch(/^grove: the state file .*state\.json was unreadable .*; moved it to .*corrupt-[^\n]*\n$/);
    expect(readFileSync(join(folder, 'server.log'), 'utf8')).toMatch(/state file .* was unreadable .* moved it to .*corrupt/);
    expect(existsSync(join(folder, 'state.json'))).toBe(true);
    expect((await sandbox.cli(['ls'])).stderr).toBe('');
  });

  it('keeps the sessions of a state file with one bad record, and names the one set aside', async () => {
    const folder = join(sandbox.env.XDG_STATE_HOME!, 'grove', 'default');
    expect((await sandbox.cli(['new', '--name', 'good', '--', 'sleep', '30'])).code).toBe(0);
    await killServer(sandbox);
    const state = JSON.parse(readFileSync(join(folder, 'state.json'), 'utf8'));
    state.sessions.push({ id: 's9', name: 'broken' });
    writeFileSync(join(folder, 'state.json'), JSON.stringify(state));
    const started = await sandbox.cli(['new', '--name', 'next', '--', 'sleep', '30']);
    expect(started.stderr).toMatch(/^grove: 1 session record in .*state\.json could not be read \(record 2 \(command: .*\); kept the other 1, and the file as it was in .*corrupt-[^\n]*\n$/);
    expect((await sandbox.cli(['ls'])).stdout).toMatch(/^0\tgood\tdead\t.*\n1\tnext\t/);
  });
});
