/**
 * Process hygiene of the session host, with real ptys: 200 sessions created and killed leave the
 * process's open file descriptors where they started and no child behind, zombie or otherwise; a killed
 * program's whole process group goes, even one that ignores SIGTERM; and a program's last output is in
 * its screen before its exit is reported.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { firstValueFrom, filter } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { lineText } from '../../src/core/screen/frame.js';
import { fsLaunchChecks } from '../../src/io/launch-checks.js';
import { nodePtySpawner } from '../../src/io/pty.js';
import { LocalSessionHost } from '../../src/server/local-host.js';
import { onThisThread } from '../../src/emu/in-thread-emulators.js';

const openDescriptors = () => readdirSync('/proc/self/fd').length;

/** Pids whose parent is this process (children a leak would leave, zombies included). */
function children(): number[] {
  return readdirSync('/proc').filter((e) => /^\d+$/.test(e)).flatMap((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      return ppid === process.pid ? [Number(pid)] : [];
    } catch {
      return [];
    }
  });
}

/** Running: it exists and is not a zombie waiting for an (orphaned) parent to reap it. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

describe.runIf(process.platform === 'linux')('session host hygiene', () => {
  let host: LocalSessionHost;
  afterEach(() => host?.dispose());

  const makeHost = () => new LocalSessionHost({ emulatorThreads: onThisThread, spawner: nodePtySpawner, checks: fsLaunchChecks, env: process.env, killGraceMs: 500 });

  it('leaves descriptors and children as they were after 200 sessions come and go', async () => {
    host = makeHost();
    // Warm up: the first pty loads what node-pty keeps open for good.
    await host.kill((await host.create({ command: 'true', args: [], cwd: '/tmp' })).id);
    const before = openDescriptors();
    const childrenBefore = children().length;
    for (let batch = 0; batch < 10; batch++) {
      const sessions = await Promise.all(Array.from({ length: 20 }, () => host.create({ command: 'sleep', args: ['60'], cwd: '/tmp', cols: 80, rows: 24 })));
      await Promise.all(sessions.map((s) => host.kill(s.id)));
    }
    expect(openDescriptors()).toBe(before);
    expect(children().length).toBe(childrenBefore);
  });

  it('kills the whole process group, even a program that ignores SIGTERM', async () => {
    host = makeHost();
    // Ignored signals are inherited: neither bash nor its sleep ends on SIGTERM or SIGHUP, only on SIGKILL.
    const session = await host.create({ command: 'bash', args: ['-c', "trap '' TERM HUP; sleep 60 & echo child=$!; wait"], cwd: '/tmp' });
    const frame$ = host.frames$.pipe(filter((e) => e.id === session.id && e.frame.lines.some((l) => lineText(l).includes('child='))));
    const { frame } = await firstValueFrom(frame$);
    const pid = Number(/child=(\d+)/.exec(frame.lines.map(lineText).join('\n'))![1]);
    expect(alive(pid)).toBe(true);
    await host.kill(session.id);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(alive(pid)).toBe(false);
  });

  it('has the last output on screen when the exit is reported', async () => {
    host = makeHost();
    const session = await host.create({ command: 'bash', args: ['-c', 'seq 1 5000; echo the-very-end; exit 4'], cwd: '/tmp' });
    const exited = await firstValueFrom(host.sessions$.pipe(filter((list) => list.some((s) => s.id === session.id && s.status === 'exited'))));
    expect(exited.find((s) => s.id === session.id)!.exitCode).toBe(4);
    const screen = (await host.snapshot(session.id))!.lines.map(lineText).join('\n');
    expect(screen).toContain('the-very-end');
  });
});
