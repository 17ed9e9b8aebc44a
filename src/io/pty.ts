/**
 * node-pty behind the PtySpawner port.
 *
 * node-pty starts each program as the leader of its own session, so its pid is also its process group id:
 * terminating the group reaches the shell and everything it started, and nothing is left behind.
 */
import * as nodePty from 'node-pty';
import { toDisposable, type Disposable } from '../core/disposable.js';
import type { PtyExit, PtyProcess, PtySpawner, SpawnOptions } from '../server/ports.js';

class NodePtyProcess implements PtyProcess {
  private killTimer: NodeJS.Timeout | undefined;
  private exited = false;

  constructor(private readonly pty: nodePty.IPty) {
    pty.onExit(() => {
      this.exited = true;
      if (this.killTimer) clearTimeout(this.killTimer);
    });
  }

  get pid(): number {
    return this.pty.pid;
  }

  onData(listener: (data: Uint8Array) => void): Disposable {
    // With `encoding: null` node-pty hands out Buffers, typed as string in its d.ts.
    const subscription = this.pty.onData(listener as unknown as (data: string) => void);
    return toDisposable(() => subscription.dispose());
  }

  onExit(listener: (exit: PtyExit) => void): Disposable {
    const subscription = this.pty.onExit(({ exitCode, signal }) => listener({ exitCode, signal }));
    return toDisposable(() => subscription.dispose());
  }

  write(data: string): void {
    if (!this.exited) this.pty.write(data);
  }

  resize(cols: number, rows: number): void {
    if (!this.exited) this.pty.resize(Math.max(1, cols), Math.max(1, rows));
  }

  pause(): void {
    this.pty.pause();
  }

  resume(): void {
    this.pty.resume();
  }

  terminate(graceMs: number): void {
    if (this.exited) return;
    // SIGHUP as well: an interactive shell ignores SIGTERM but ends on a hang-up, as when a terminal closes.
    signalGroup(this.pty.pid, 'SIGTERM');
    signalGroup(this.pty.pid, 'SIGHUP');
    this.killTimer = setTimeout(() => {
      if (!this.exited) signalGroup(this.pty.pid, 'SIGKILL');
    }, graceMs);
    this.killTimer.unref();
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone, or the program left it: reach the program itself.
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

export const nodePtySpawner: PtySpawner = {
  spawn(file: string, args: readonly string[], options: SpawnOptions): PtyProcess {
    const pty = nodePty.spawn(file, [...args], {
      name: 'xterm-256color',
      cols: Math.max(1, options.cols),
      rows: Math.max(1, options.rows),
      cwd: options.cwd,
      env: { ...options.env },
      encoding: null,
    });
    return new NodePtyProcess(pty);
  },
};
