/**
 * The paste buffer's rows of the server's request table, against a real session host and real ptys:
 * setBuffer and getBuffer keep and give back the text, refusing what the buffer cannot hold; pasteBuffer
 * types it into a pane, between bracketed-paste markers only when the pane's program asked for them
 * (the server reads that from the pane's emulator).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fsLaunchChecks } from '../../src/io/launch-checks.js';
import { nodePtySpawner } from '../../src/io/pty.js';
import { LocalSessionHost } from '../../src/server/local-host.js';
import { onThisThread } from '../../src/emu/in-thread-emulators.js';
import { PasteBuffer } from '../../src/server/paste-buffer.js';
import { resolveSession, runRequest, type RequestContext } from '../../src/server/request-table.js';

let host: LocalSessionHost;
afterEach(() => host?.dispose());

function start(): { context: RequestContext; buffer: PasteBuffer } {
  host = new LocalSessionHost({ emulatorThreads: onThisThread, spawner: nodePtySpawner, checks: fsLaunchChecks, env: process.env, killGraceMs: 500 });
  const buffer = new PasteBuffer();
  const context: RequestContext = { host, buffer, resolve: (query) => resolveSession(host, query), defaultSize: () => undefined, stop: () => undefined };
  return { context, buffer };
}

async function screenShows(id: string, pattern: RegExp): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const text = await host.capture(id, { ansi: false, scrollback: false });
    if (pattern.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern} in:\n${text}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** `cat -v` without echo, so the screen shows exactly the bytes the paste typed; `bracketed` asks for the markers. */
async function catSession(name: string, bracketed: boolean): Promise<string> {
  const ask = bracketed ? '\\033[?2004h' : '';
  const session = await host.create({ name, command: 'sh', args: ['-c', `stty -echo; printf '${ask}ready\\n'; exec cat -v`], cwd: '/tmp' });
  // Once "ready" is on the screen, the emulator has parsed the mode the program set before it.
  await screenShows(session.id, /^ready$/m);
  return session.id;
}

describe('the paste buffer over the protocol', () => {
  it('keeps the newest text and refuses what it cannot hold, keeping what it had', async () => {
    const { context } = start();
    expect(await runRequest('getBuffer', {}, context)).toBeNull();
    await runRequest('setBuffer', { text: 'first' }, context);
    await runRequest('setBuffer', { text: 'héllo, wörld' }, context);
    expect(await runRequest('getBuffer', {}, context)).toBe('héllo, wörld');
    await expect(runRequest('setBuffer', { text: 'x'.repeat(1024 * 1024 + 1) }, context))
      .rejects.toThrow('bad setBuffer request: the paste buffer holds at most 1 MiB (1048576 bytes); this text is 1048577 bytes');
    await expect(runRequest('setBuffer', { text: '' }, context)).rejects.toThrow(/the text is empty/);
    expect(await runRequest('getBuffer', {}, context)).toBe('héllo, wörld');
    const { buffer: _none, ...withoutBuffer } = context;
    await expect(runRequest('getBuffer', {}, withoutBuffer)).rejects.toThrow('this server keeps no paste buffer');
  });

  it('pastes into a pane, bracketed only for a program that asked', async () => {
    const { context } = start();
    const plain = await catSession('plain', false);
    const bracketed = await catSession('bracketed', true);
    await expect(runRequest('pasteBuffer', { session: 'plain' }, context)).rejects.toThrow('the paste buffer is empty');

    await runRequest('setBuffer', { text: 'one\ntwo' }, context);
    await runRequest('pasteBuffer', { session: 'plain' }, context);
    await runRequest('pasteBuffer', { session: 'bracketed' }, context);
    // Line endings were typed as Enter (carriage returns); one more Enter ends the last line for cat.
    host.input(plain, '\r');
    host.input(bracketed, '\r');
    expect(await screenShows(plain, /^two$/m)).toMatch(/^ready\none\ntwo$/m);
    expect(await screenShows(bracketed, /\^\[\[201~$/m)).toMatch(/^ready\n\^\[\[200~one\ntwo\^\[\[201~$/m);
    await expect(runRequest('pasteBuffer', { session: 'nobody' }, context)).rejects.toThrow('no session nobody');
  });
});
