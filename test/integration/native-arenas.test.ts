/**
 * io/native.ts's limitMallocArenas in a real Node process: threads that allocate after it share one
 * arena instead of each making its own. glibc puts every arena but the main one in a heap of its own,
 * reserved as 64 MB aligned to 64 MB, which is how the process's maps show them.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const NATIVE = new URL('../../dist/io/native.js', import.meta.url).href;

/** Arena heaps in a process where four threads allocate, after `limitMallocArenas` when `limit`. */
function arenaHeaps(limit: boolean): number {
  const script = `
    import { Worker } from 'node:worker_threads';
    import { readFileSync } from 'node:fs';
    if (${limit}) (await import(${JSON.stringify(NATIVE)})).limitMallocArenas();
    const work = 'const kept = []; for (let i = 0; i < 200; i++) kept.push(Buffer.allocUnsafeSlow(65536));'
      + 'import("node:worker_threads").then(({ parentPort }) => parentPort.postMessage(kept.length));';
    const workers = Array.from({ length: 4 }, () => new Worker(work, { eval: true }));
    await Promise.all(workers.map((worker) => new Promise((resolve) => worker.once('message', resolve))));
    const HEAP = 64 * 1024 * 1024;
    const maps = readFileSync('/proc/self/maps', 'utf8').trim().split('\\n').map((line) => {
      const [range, perms, , , inode] = line.split(/\\s+/);
      const [start, end] = range.split('-').map((hex) => parseInt(hex, 16));
      return { start, end, perms, inode };
    });
    const heaps = maps.filter((map, i) => {
      if (map.inode !== '0' || map.start % HEAP !== 0 || !map.perms.startsWith('rw')) return false;
      const rest = maps[i + 1];
      const end = rest && rest.start === map.end && rest.perms.startsWith('---') ? rest.end : map.end;
      return end - map.start === HEAP;
    });
    console.log(heaps.length);
    workers.forEach((worker) => worker.terminate());
  `;
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
}

describe.runIf(process.platform === 'linux')('limitMallocArenas', () => {
  it('has threads that allocate share an arena rather than make one each', () => {
    expect(arenaHeaps(false)).toBeGreaterThanOrEqual(4);
    expect(arenaHeaps(true)).toBeLessThanOrEqual(1);
  });
});
