/**
 * Input reaches a program through a real pty, written from the event loop's thread: whole and in order
 * when the program reads it late, and without holding up the loop while the kernel's buffer is full.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodePtySpawner } from '../../src/io/pty.js';
import type { PtyProcess } from '../../src/server/ports.js';

function exited(pty: PtyProcess): Promise<number> {
  return new Promise((resolve) => pty.onExit(({ exitCode }) => resolve(exitCode)));
}

describe.runIf(process.platform === 'linux')('pty input', () => {
  const folders: string[] = [];
  afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true })));

  it('arrives whole and in order when the program starts reading only after the buffer filled', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'grove-pty-'));
    folders.push(folder);
    const out = join(folder, 'out');
    const size = 300_000;
    // Raw mode: no line editing, no echo; the program sleeps first, so the writes meet a full buffer.
    const pty = nodePtySpawner.spawn('bash', ['-c', `stty raw -echo; sleep 0.5; head -c ${size} > '${out}'`], { cwd: folder, env: { PATH: process.env.PATH ?? '' }, cols: 80, rows: 24 });
    const done = exited(pty);
    const expected = Array.from({ length: size / 100 }, (_, i) => `${String(i).padStart(6, '0')}${'x'.repeat(93)}\n`).join('');
    // Half in one write, the rest in many small ones behind it: the order must survive the queue.
    pty.write(expected.slice(0, size / 2));
    for (let at = size / 2; at < size; at += 1000) pty.write(expected.slice(at, at + 1000));
    // The loop is not blocked meanwhile: a timer set now fires long before the program has read it all.
    const timerFired = await new Promise<number>((resolve) => {
      const start = Date.now();
      setTimeout(() => resolve(Date.now() - start), 10);
    });
    expect(timerFired).toBeLessThan(300);
    expect(await done).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(expected);
  });

  it('drops input for a program that has gone without throwing', async () => {
    const pty = nodePtySpawner.spawn('true', [], { cwd: '/tmp', env: { PATH: process.env.PATH ?? '' }, cols: 80, rows: 24 });
    await exited(pty);
    expect(() => pty.write('after the end\r')).not.toThrow();
  });
});
