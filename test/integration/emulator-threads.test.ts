/**
 * The emulator thread as the server runs it: the built worker (dist/bundle/emulator-worker.cjs, made by
 * `npm run build`) in a real worker thread, fed through the pool as a session's output is.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FromEmulator, ToEmulator } from '../../src/core/screen/emulator-messages.js';
import { lineText } from '../../src/core/screen/frame.js';
import { EmulatorPool } from '../../src/emu/emulator-pool.js';
import { workerThreads } from '../../src/io/threads.js';

const WORKER = new URL('../../dist/bundle/emulator-worker.cjs', import.meta.url);
const pools: EmulatorPool[] = [];
afterEach(() => pools.splice(0).forEach((pool) => pool.dispose()));

describe('an emulator worker thread', () => {
  it('parses a pane’s output, answers its queries and keeps its scrollback', async () => {
    const logged: string[] = [];
    const pool = new EmulatorPool(workerThreads<FromEmulator, ToEmulator>(WORKER), 2, (line) => logged.push(line));
    pools.push(pool);
    const replies: string[] = [];
    const mirror = pool.open({ cols: 30, rows: 2, scrollback: 50, onReply: (data) => replies.push(data) });
    const output = `${Array.from({ length: 5 }, (_, i) => `\x1b[3${i}mline ${i}\x1b[0m`).join('\r\n')}\x1b[6n`;
    mirror.write(output);
    await mirror.settled();
    expect(mirror.frame().lines.map((line) => lineText(line).trimEnd())).toEqual(['line 3', 'line 4']);
    expect(mirror.frame().lines[1]![0]!.style.fg).toBe(4);
    expect((await mirror.lines(0, 1)).lines.map(lineText)[0]!.trimEnd()).toBe('line 0');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(replies).toEqual(['\x1b[2;7R']);
    expect(logged).toEqual([]);
  });

  it('moves old scrollback to the compact history and hands memory back, losing no line', async () => {
    const logged: string[] = [];
    const pool = new EmulatorPool(workerThreads<FromEmulator, ToEmulator>(WORKER), 1, (line) => logged.push(line));
    pools.push(pool);
    const mirror = pool.open({ cols: 30, rows: 5, scrollback: 5000, onReply: () => {} });
    mirror.write(Array.from({ length: 3000 }, (_, i) => `line ${i}`).join('\r\n'));
    await mirror.settled();
    // The handover waits for a second of quiet, runs in batches a few ms apart, and memory is handed back
    // two seconds after the last.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    const all = await mirror.lines(0, 5000);
    expect([all.first, all.end]).toEqual([0, 3000]);
    expect(all.lines.map((line) => lineText(line).trimEnd())).toEqual(Array.from({ length: 3000 }, (_, i) => `line ${i}`));
    expect(logged).toEqual([]);
  });
});
