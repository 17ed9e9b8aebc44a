/**
 * Other machines in the UI, through a real sshd (sshd.ts) and the real binary: a remote session listed
 * beside the local one and typed into; the ssh link killed under the UI and made again, the session still
 * running there; a host that cannot be reached and one whose grove is another version, each in one line,
 * with the local session still usable.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/core/protocol/messages.js';
import { groveSandbox, until, type GroveSandbox } from './grove.js';
import { startSshd, type SshServer } from './sshd.js';

let sandbox: GroveSandbox;
let sshd: SshServer;

/** A "grove" that answers every hello as grove 9.9.9 of protocol 99 would. */
const OLD_GROVE = `
process.stdin.once('data', () => {
  const body = Buffer.from(JSON.stringify({ t: 'refused', version: 99, grove: '9.9.9', reason: 'protocol 99 only' }));
  const head = Buffer.alloc(4);
  head.writeUInt32BE(body.length);
  process.stdout.write(Buffer.concat([head, body]), () => process.exit(0));
});`;

function writeConfig(hosts: Record<string, unknown>): void {
  mkdirSync(join(sandbox.env.XDG_CONFIG_HOME!, 'grove'), { recursive: true });
  writeFileSync(join(sandbox.env.XDG_CONFIG_HOME!, 'grove', 'config.json'), JSON.stringify({ hosts }));
}

/** The pids of the UI's ssh links to `box` (their command line names this test's ssh_config and `proxy`). */
function linkPids(): number[] {
  const table = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return table.split('\n').filter((line) => line.includes(sshd.ssh.replace(/ssh$/u, 'ssh_config')) && line.includes(' proxy'))
    .map((line) => Number(line.trim().split(/\s+/u)[0]));
}

beforeEach(async () => {
  sandbox = groveSandbox();
  sshd = await startSshd(sandbox.dir);
  sandbox.env.GROVE_SSH = sshd.ssh;
}, 30_000);

afterEach(async () => {
  await sandbox.dispose();
  await sshd.stop();
});

describe('other machines in the UI', () => {
  it('lists a remote session beside the local one, types into it, and comes back after the link is killed', async () => {
    writeConfig({ box: { ssh: 'box', grove: sshd.grove, cwd: sshd.remote.home } });
    const made = await sandbox.cli(['--host', 'box', 'new', '--name', 'far', '--', 'bash', '-c', 'echo far-ready; while read -r line; do echo "far got $line"; done']);
    expect(made.code, made.stderr).toBe(0);
    const t = await sandbox.open({ cols: 120, rows: 30 });
    await t.waitForText('Sessions (2)');
    await t.waitForText(/1 . far\s.*ws/u);
    expect(t.screenText()).toMatch(/box: bash -c/u);

    t.press('C-b', '1');
    await t.waitForText(/│far-ready/u);
    t.write('hello\r');
    await t.waitForText(/│far got hello/u);

    const [pid] = linkPids();
    expect(pid).toBeGreaterThan(0);
    process.kill(pid!, 'SIGKILL');
    await t.waitForText('box: reconnecting…');
    // Back on a new link: the same program answers, its earlier output still there.
    await until(() => linkPids().some((other) => other !== pid), 'a new link', 15_000);
    await t.waitForGone('reconnecting…', 15_000);
    t.write('again\r');
    await t.waitForText(/│far got again/u);
    expect(t.screenText()).toMatch(/│far got hello/u);
  });

  it("starts a worktree session on the host from C-b c, and reviews and merges it there", async () => {
    const repo = join(sshd.remote.home, 'api');
    mkdirSync(repo);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: sshd.remote.env, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    writeFileSync(join(repo, 'README.md'), 'api\n');
    git('add', '.');
    git('commit', '-qm', 'start');
    // The folder as people write it: ~ is that machine's home (its server says which).
    writeConfig({ box: { ssh: 'box', grove: sshd.grove, cwd: '~/api' } });
    const t = await sandbox.open({ cols: 120, rows: 30 });
    await t.waitForText('Sessions (1)');
    t.press('C-b', 'c');
    await t.waitForText(/Host\s+this machine\s+box/u);
    t.write('feat');
    t.press('Tab');
    t.write("bash -c 'echo remote feature > feature.txt; sleep 600'");
    t.press('Tab', 'Right', 'Tab', 'Right', 'Enter');
    await t.waitForText('Sessions (2)');
    await t.waitForText(/1 . feat\s.*wt/u);
    await until(() => git('worktree', 'list').includes('grove/feat'), 'the worktree on the host');
    await t.waitForText(/box: gr… \+1−0/u);
    t.press('C-b', 's');
    await t.waitForText(/committed turn 1 of feat/u);
    t.press('C-b', 'D');
    await t.waitForText('feature.txt');
    await t.waitForText('+remote feature');
    t.write('q');
    await t.waitForGone('+remote feature');
    t.press('C-b', 'm');
    await t.waitForText(/Merge feat/u);
    t.press('Enter');
    await until(() => git('log', '--oneline', 'main').includes('grove'), 'the merge on the host', 15_000);
    expect(git('show', 'main:feature.txt')).toBe('remote feature\n');
  });

  it('leaves a server stopped on purpose there stopped, and joins the next one started', async () => {
    writeConfig({ box: { ssh: 'box', grove: sshd.grove, cwd: sshd.remote.home } });
    expect((await sandbox.cli(['--host', 'box', 'new', '--name', 'far', '--', 'sleep', '600'])).code).toBe(0);
    const t = await sandbox.open({ cols: 120, rows: 30 });
    await t.waitForText(/1 . far\s/u);
    expect((await sandbox.cli(['--host', 'box', 'server', 'stop'])).code).toBe(0);
    await t.waitForText('⚠ box: reconnecting…');
    // Several reconnection attempts later, nothing has started a server there again.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    expect(await sandbox.cli(['--host', 'box', 'ls'])).toMatchObject({ code: 1, stderr: expect.stringContaining('no grove server is running') });
    expect((await sandbox.cli(['--host', 'box', 'new', '--name', 'again', '--', 'sleep', '600'])).code).toBe(0);
    // The link's next attempt (backoff: at most 10 s apart) finds it.
    await t.waitForText(/\d . again\s/u, 20_000);
    await t.waitForGone('⚠ box');
  }, 60_000);

  it('says in one line which host cannot be reached or runs another grove, and the local session works', async () => {
    const old = join(sandbox.dir, 'old-grove.js');
    writeFileSync(old, OLD_GROVE);
    writeConfig({ gone: { ssh: 'dead', grove: sshd.grove }, old: { ssh: 'box', grove: `${process.execPath} ${old}` } });
    const t = await sandbox.open({ cols: 200, rows: 30 });
    await t.waitForText('Sessions (1)');
    // The sidebar names each, cut to its width; the status line says it whole as it happens.
    const seen: string[] = [];
    await t.waitFor(() => {
      seen.push(t.row(29));
      return t.screenText().includes('⚠ gone: unreachable: ssh: c') && t.screenText().includes('⚠ old: unreachable: old run');
    }, 'both hosts marked', 15_000);
    await t.waitFor(() => [seen.push(t.row(29)), seen.some((row) => row.includes('gone: unreachable'))][1] as boolean, 'gone\'s line', 15_000);
    expect(seen.join('\n')).toMatch(/gone: unreachable: ssh: connect to host 127\.0\.0\.1 port \d+: Connection refused/u);
    expect(seen.join('\n')).toMatch(new RegExp(`old: unreachable: old runs grove 9\\.9\\.9, protocol 99; this is grove [^,]+, protocol ${PROTOCOL_VERSION}: install the same grove on both`, 'u'));
    t.write('echo local-$((6*7))\r');
    await t.waitForText(/│local-42/u);
  });
});
