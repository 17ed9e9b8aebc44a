/**
 * Every command of the command line, with good arguments and bad: exit status 0 and the promised
 * output on success; one line on stderr and a non-zero status otherwise, with nothing changed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI_COMMANDS } from '../../src/cli/command-table.js';
import { SERVER_NODE_FLAGS } from '../../src/io/server-launch.js';
import { groveSandbox, until, type GroveSandbox } from './grove.js';


function oneLineError(result: { code: number; stderr: string; stdout: string }, pattern: RegExp): void {
  expect(result.code, result.stderr).not.toBe(0);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stdout).toBe('');
}

describe('the command line', () => {
  let sandbox: GroveSandbox;
  beforeEach(() => {
    sandbox = groveSandbox();
  });
  afterEach(() => sandbox.dispose());

  it('has --help on every command', async () => {
    for (const command of CLI_COMMANDS) {
      const result = await sandbox.cli([...command.name.split(' '), '--help']);
      expect(result.code, command.name).toBe(0);
      expect(result.stdout, command.name).toContain(`usage: ${command.usage}`);
    }
    const overall = await sandbox.cli(['--help']);
    for (const command of CLI_COMMANDS) expect(overall.stdout).toContain(command.name);
    // A group's own help lists its subcommands.
    for (const group of ['server', 'config']) {
      const help = await sandbox.cli([group, '--help']);
      expect(help.code, group).toBe(0);
      for (const command of CLI_COMMANDS.filter((c) => c.name.startsWith(`${group} `))) expect(help.stdout).toContain(command.name);
    }
    oneLineError(await sandbox.cli(['config']), /^grove: config needs a subcommand \(grove config --help lists them\)\n$/);
  });

  it('new, ls, send, capture and kill a session', async () => {
    const created = await sandbox.cli(['new', '--name', 'worker', '--', 'bash', '--norc', '--noprofile']);
    expect(created).toMatchObject({ code: 0, stdout: 'worker\n' });
    expect((await sandbox.cli(['new', '--', 'sleep', '60'])).stdout).toBe('sleep\n');

    const ls = await sandbox.cli(['ls']);
    expect(ls.stdout).toMatch(/^0\tworker\t\w+\tworkspace\t.*\/project\tbash --norc --noprofile\n1\tsleep\t/);
    const json = JSON.parse((await sandbox.cli(['ls', '--json'])).stdout);
    expect(json.map((s: { name: string }) => s.name)).toEqual(['worker', 'sleep']);

    expect((await sandbox.cli(['send', 'worker', 'printf "\\033[31mred\\033[0m %s\\n" $((3*4))', '--enter'])).code).toBe(0);
    await until(async () => (await sandbox.cli(['capture', 'worker'])).stdout.includes('red 12'), 'the output');
    const ansi = await sandbox.cli(['capture', '0', '--ansi']);
    expect(ansi.stdout).toMatch(/\x1b\[[0-9;]*31[0-9;]*mred/);

    expect((await sandbox.cli(['kill', 'sleep'])).code).toBe(0);
    expect((await sandbox.cli(['ls'])).stdout.trim().split('\n')).toHaveLength(1);
  });

  it('captures scrollback only when asked', async () => {
    await sandbox.cli(['new', '--name', 'long', '--', 'bash', '-c', 'seq 1 300; sleep 60']);
    await until(async () => (await sandbox.cli(['capture', 'long'])).stdout.includes('300'), 'seq');
    expect((await sandbox.cli(['capture', 'long'])).stdout).not.toMatch(/^1$/m);
    expect((await sandbox.cli(['capture', 'long', '--scrollback'])).stdout).toMatch(/^1\n2\n3\n/);
  });

  it('gives one line and a non-zero status for every kind of bad input', async () => {
    oneLineError(await sandbox.cli(['frobnicate']), /^grove: unknown command 'frobnicate'/);
    oneLineError(await sandbox.cli(['ls', '--bogus']), /^grove: ls: Unknown option '--bogus'/);
    oneLineError(await sandbox.cli(['ls']), /^grove: no grove server is running/);
    await sandbox.cli(['new', '--name', 'one', '--', 'sleep', '60']);
    oneLineError(await sandbox.cli(['send', 'one']), /^grove: send: wrong number of arguments \(usage: grove send SESSION TEXT/);
    oneLineError(await sandbox.cli(['send', 'nobody', 'x']), /^grove: no session nobody/);
    oneLineError(await sandbox.cli(['capture', '7']), /^grove: no session 7/);
    oneLineError(await sandbox.cli(['kill']), /^grove: kill: wrong number of arguments/);
    oneLineError(await sandbox.cli(['new', '--name', 'one', '--', 'sleep', '1']), /^grove: a session named 'one' already exists/);
    oneLineError(await sandbox.cli(['new', '--cwd', 'no/such/folder']), /^grove: no such folder: .*no\/such\/folder/);
    oneLineError(await sandbox.cli(['new', '--name', 'bad\u001bname']), /^grove: a session name cannot contain control characters/);
    oneLineError(await sandbox.cli(['relaunch', 'one']), /^grove: session one is still running/);
    oneLineError(await sandbox.cli(['ls', 'extra']), /^grove: ls: wrong number of arguments/);
    oneLineError(await sandbox.cli(['-L', 'bad/name', 'ls']), /^grove: bad server name 'bad\/name'/);
    // Nothing above changed the one session there is.
    expect((await sandbox.cli(['ls'])).stdout).toMatch(/^0\tone\t/);
  });

  it('starts a command that is not installed as a session that says so', async () => {
    await sandbox.cli(['new', '--name', 'ghost', '--', 'no-such-agent-xyz']);
    expect((await sandbox.cli(['capture', 'ghost'])).stdout).toContain('grove: command not found: no-such-agent-xyz');
    expect((await sandbox.cli(['ls'])).stdout).toMatch(/ghost\tfailed/);
  });

  it('keeps servers apart with -L', async () => {
    await sandbox.cli(['-L', 'other', 'new', '--name', 'elsewhere', '--', 'sleep', '60']);
    oneLineError(await sandbox.cli(['ls']), /no grove server is running/);
    expect((await sandbox.cli(['-L', 'other', 'ls'])).stdout).toMatch(/elsewhere/);
    expect((await sandbox.cli(['-L', 'other', 'server', 'stop'])).code).toBe(0);
  });

  it('doctor checks what grove needs', async () => {
    const result = await sandbox.cli(['doctor']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/✓ node/);
    expect(result.stdout).toMatch(/✓ git/);
    expect(result.stdout).toMatch(/✓ socket/);
    const noTerm = await sandbox.cli(['doctor'], { env: { ...sandbox.env, TERM: 'dumb' } });
    expect(noTerm.code).toBe(1);
    expect(noTerm.stdout).toMatch(/✗ TERM .*dumb/);
  });

  it.runIf(process.platform === 'linux')('starts the server with its own Node flags (server-launch.ts)', async () => {
    // A session's program is a child of the server: its parent's command line is the server's.
    await sandbox.cli(['new', '--name', 'parent', '--', 'sh', '-c', 'echo "ppid=$PPID"; sleep 60']);
    let ppid: string | undefined;
    await until(async () => (ppid = /ppid=(\d+)/.exec((await sandbox.cli(['capture', 'parent'])).stdout)?.[1]) !== undefined, 'the parent pid');
    const argv = readFileSync(`/proc/${ppid}/cmdline`, 'utf8').split('\0');
    expect(argv.slice(1)).toEqual([...SERVER_NODE_FLAGS, expect.stringMatching(/bin\/grove\.js$/), 'server', 'run', '']);
  });

  it('server stop ends every session and the server', async () => {
    await sandbox.cli(['new', '--', 'sleep', '60']);
    expect((await sandbox.cli(['server', 'stop'])).code).toBe(0);
    oneLineError(await sandbox.cli(['ls']), /no grove server is running/);
  });

  it('numbers sessions as the UI in the same repository does, and never mistakes a name for an id', async () => {
    const other = join(sandbox.dir, 'other');
    for (const folder of [sandbox.project, other]) {
      mkdirSync(folder, { recursive: true });
      execFileSync('git', ['init', '-q'], { cwd: folder, env: sandbox.env });
    }
    // Another repository's session first, so the server's own order differs from this repository's.
    expect((await sandbox.cli(['new', '--', 'sleep', '60'], { cwd: other })).stdout).toBe('sleep\n');
    expect((await sandbox.cli(['new', '--name', 'web', '--', 'sh', '-c', 'echo I am web; sleep 60'])).code).toBe(0);
    expect((await sandbox.cli(['ls'])).stdout).toMatch(/^0\tweb\t.*\n\(1 more in other repositories: grove ls --all\)\n$/);
    await until(async () => (await sandbox.cli(['capture', '0'])).stdout.includes('I am web'), 'index 0 to be web, as in the sidebar here');
    const all = (await sandbox.cli(['ls', '--all'])).stdout.split('\n');
    expect(all.slice(0, 4).map((line) => line.split('\t').slice(0, 2).join(' '))).toEqual([`${other}:`, '- sleep', `${sandbox.project}:`, '0 web']);
    oneLineError(await sandbox.cli(['kill', '1']), /^grove: no session 1 \(indexes run 0-0; 1 in other repositories: grove ls --all\)\n$/);

    oneLineError(await sandbox.cli(['new', '--name', 's1', '--', 'sleep', '60']), /cannot look like a session id \(s1\)/);
    oneLineError(await sandbox.cli(['new', '--name=-x', '--', 'sleep', '60']), /cannot start with "-"/);
    expect(JSON.parse((await sandbox.cli(['ls', '--json'])).stdout)).toHaveLength(2);
  });

  it("starts programs with the environment of the client that asks, not the server's", async () => {
    expect((await sandbox.cli(['new', '--name', 'first', '--', 'sleep', '60'])).code).toBe(0);
    // A tool and a key the server was never given: the user installed and exported them afterwards.
    const bin = join(sandbox.dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'mytool'), '#!/bin/sh\necho "tool sees $AGENT_KEY"\nexec sleep 60\n', { mode: 0o755 });
    const env = { ...sandbox.env, PATH: `${bin}:${sandbox.env.PATH}`, AGENT_KEY: 'k-42' };
    expect(await sandbox.cli(['new', '--name', 'tool', '--', 'mytool'], { env })).toMatchObject({ code: 0, stdout: 'tool\n' });
    await until(async () => (await sandbox.cli(['capture', 'tool'])).stdout.includes('tool sees k-42'), 'the tool to see the key');
    // Without them, the command is not found, and grove new says so.
    const missing = await sandbox.cli(['new', '--name', 'nope', '--', 'mytool']);
    expect(missing).toMatchObject({ code: 1, stdout: 'nope\n', stderr: 'grove: nope: command not found: mytool\n' });
  });
});
