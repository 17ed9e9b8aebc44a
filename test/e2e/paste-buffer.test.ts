/**
 * The paste buffer lives in the server, as tmux's buffers do: what copy mode copied is still there for
 * prefix ] after a detach, in a client that attaches later, and for the command line (`grove buffer`),
 * which can fill it too (`grove buffer set`). A text larger than the buffer holds is refused with one
 * line, by the command line and by the server itself.
 */
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RemoteHost } from '../../src/client/remote-host.js';
import { groveSandbox, until, type CliResult, type GroveSandbox } from './grove.js';
import type { TestTerminal } from './harness.js';

const STATUS_ROW = 29;
const MIB = 1024 * 1024;

async function shellReady(sandbox: GroveSandbox): Promise<TestTerminal> {
  const t = await sandbox.open({ cols: 100, rows: 30 });
  await t.waitForText('Sessions (1)');
  await t.waitForText(/│\$ ?$/m);
  return t;
}

/** Copies the last line that shows `text` with copy mode's search, a line selection and y. */
async function copyLine(t: TestTerminal, text: string): Promise<void> {
  t.press('C-b', '[');
  await t.waitFor(() => /copy mode │ line \d+ of \d+/.test(t.row(STATUS_ROW)), 'the copy mode status');
  t.write(`?${text}`);
  t.press('Enter');
  await t.waitForText(new RegExp(`copy mode │ line \\d+ of \\d+ │ \\?${text}`));
  t.press('V', 'y');
  await t.waitForText(`copied ${text.length} characters`);
}

/** A failure (status 1; 2 for a mistake in how grove was called) said in one line, and nothing printed. */
function oneLineError(result: CliResult, pattern: RegExp, code = 1): void {
  expect(result.code, result.stderr).toBe(code);
  expect(result.stderr.trimEnd()).toMatch(pattern);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stdout).toBe('');
}

describe('the paste buffer', () => {
  let sandbox: GroveSandbox;
  beforeEach(() => {
    sandbox = groveSandbox();
  });
  afterEach(() => sandbox.dispose());

  it('keeps a copy across a detach: a client that attaches later pastes it with prefix ]', async () => {
    const first = await shellReady(sandbox);
    first.write('echo kept-$((6*7))\r');
    await first.waitForText(/│kept-42$/m);
    await copyLine(first, 'kept-42');
    first.press('C-b', 'd');
    await first.exited;

    const second = await sandbox.open({ cols: 100, rows: 30 });
    await second.waitForText(/│kept-42$/m);
    second.write('echo again:');
    second.press('C-b', ']');
    second.press('Enter');
    await second.waitForText(/│again:kept-42$/m);
  });

  it('is one for every attached client: what one copies, another pastes', async () => {
    const a = await shellReady(sandbox);
    const b = await shellReady(sandbox);
    a.write('echo shared-$((3*3))\r');
    await b.waitForText(/│shared-9$/m);
    await copyLine(a, 'shared-9');
    // Once the server holds it, it has told every client so.
    await until(async () => (await sandbox.cli(['buffer'])).stdout === 'shared-9', 'the copy to reach the server');
    b.write('echo in-b:');
    b.press('C-b', ']');
    b.press('Enter');
    await b.waitForText(/│in-b:shared-9$/m);
  });

  it('is the same for the command line: grove buffer prints a copy, grove buffer set fills it for prefix ]', async () => {
    oneLineError(await sandbox.cli(['buffer']), /^grove: no grove server is running/);
    const t = await shellReady(sandbox);
    oneLineError(await sandbox.cli(['buffer']), /^grove: the paste buffer is empty \(copy in copy mode, or grove buffer set TEXT\)$/);
    t.press('C-b', ']');
    await t.waitForText('paste-buffer: nothing copied yet');

    t.write('echo copied-$((5+5))\r');
    await t.waitForText(/│copied-10$/m);
    await copyLine(t, 'copied-10');
    expect(await sandbox.cli(['buffer'])).toEqual({ code: 0, stdout: 'copied-10', stderr: '' });

    expect(await sandbox.cli(['buffer', 'set', 'echo from-cli-$((2+2))'])).toEqual({ code: 0, stdout: '', stderr: '' });
    t.press('C-b', ']');
    t.press('Enter');
    await t.waitForText(/│from-cli-4$/m);

    // grove buffer paste types it into a session by name, as prefix ] does into the focused one.
    expect(await sandbox.cli(['buffer', 'set', 'echo pasted-by-name-$((3+3))'])).toEqual({ code: 0, stdout: '', stderr: '' });
    const [shell] = JSON.parse((await sandbox.cli(['ls', '--json'])).stdout) as { name: string }[];
    expect(await sandbox.cli(['buffer', 'paste', shell!.name])).toEqual({ code: 0, stdout: '', stderr: '' });
    t.press('Enter');
    await t.waitForText(/│pasted-by-name-6$/m);
    oneLineError(await sandbox.cli(['buffer', 'paste', 'nobody']), /^grove: no session nobody/);

    // From standard input, byte for byte: lines, a trailing newline and characters beyond ASCII.
    const text = 'line one\nlíne twö 😀\n';
    expect((await sandbox.cli(['buffer', 'set', '-'], { input: text })).code).toBe(0);
    expect((await sandbox.cli(['buffer'])).stdout).toBe(text);
  });

  it('refuses more than 1 MiB with one line, from the command line and at the server, and keeps what it had', async () => {
    expect((await sandbox.cli(['new', '--', 'sleep', '60'])).code).toBe(0);
    expect((await sandbox.cli(['buffer', 'set', 'before'])).code).toBe(0);
    oneLineError(await sandbox.cli(['buffer', 'set', '-'], { input: 'x'.repeat(MIB + 1) }),
      /^grove: the paste buffer holds at most 1 MiB \(1048576 bytes\); standard input has more$/);
    oneLineError(await sandbox.cli(['buffer', 'set', '']), /^grove: nothing to put in the paste buffer: the text is empty$/);
    oneLineError(await sandbox.cli(['buffer', 'set']), /^grove: buffer set: wrong number of arguments/, 2);

    // A client that does not check first (an older or hostile one) meets the same bound at the server.
    const socket = connect(join(sandbox.env.XDG_RUNTIME_DIR!, 'grove', 'default'));
    await new Promise((resolve) => socket.once('connect', resolve));
    const host = await RemoteHost.handshake(socket, { cwd: sandbox.project, grove: 'test' });
    try {
      await expect(host.request('setBuffer', { text: 'é'.repeat(MIB / 2 + 1) }))
        .rejects.toThrow('bad setBuffer request: the paste buffer holds at most 1 MiB (1048576 bytes); this text is 1048578 bytes');
      expect(await host.request('getBuffer', {})).toBe('before');
      await host.request('setBuffer', { text: 'x'.repeat(MIB) });
      expect(await host.request('getBuffer', {})).toHaveLength(MIB);
    } finally {
      await host.dispose();
    }
  });
});
