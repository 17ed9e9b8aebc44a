/**
 * node-pty behind the PtySpawner port.
 *
 * node-pty starts each program as the leader of its own session, so its pid is also its process group id:
 * terminating the group reaches the shell and everything it started, and nothing is left behind.
 *
 * On Linux, when the last holder of a pty's slave side closes it, reads of the master can fail with EIO
 * while output is still buffered, and node-pty then drops that output (node-pty issues #72 and #726:
 * measured here, a quarter of `seq 1 5000; exit` runs lost their tail). So grove holds a descriptor of the
 * slave itself for as long as the program runs: the master never sees the hang-up early, node-pty reads
 * to the end, and the descriptor is closed once node-pty has reported the exit.
 */
import { closeSync, constants, openSync } from 'node:fs';
import * as nodePty from 'node-pty';
import { toDisposable, type Disposable } from '../core/disposable.js';
import { setCloseOnExec } from './cloexec.js';
import type { ForegroundSignal } from '../core/status/observation.js';
import type { PtyExit, PtyProcess, PtySpawner, SpawnOptions } from '../server/ports.js';
import { sessionProcesses, signalProcesses } from './process-tree.js';
import { readForeground } from './proc.js';
import { PtyWriter } from './pty-writer.js';

class NodePtyProcess implements PtyProcess {
  private killTimer: NodeJS.Timeout | undefined;
  private exited = false;
  /** Input goes to the master directly (pty-writer.ts says why); node-pty's own write where there is no fd. */
  private readonly writer: PtyWriter | undefined;

  constructor(
    private readonly pty: nodePty.IPty,
    slave: number | undefined,
  ) {
    const fd = masterFd(pty);
    this.writer = fd === undefined ? undefined : new PtyWriter(fd);
    pty.onExit(() => {
      this.exited = true;
      this.writer?.dispose();
      // A pending kill timer stays: it still has the session's helpers to end (terminate()).
      if (slave !== undefined) closeSync(slave);
    });
  }

  get pid(): number {
    return this.pty.pid;
  }

  foreground(): ForegroundSignal | undefined {
    return this.exited ? undefined : readForeground(this.pty.pid);
  }

  onData(listener: (data: string) => void): Disposable {
    const subscription = this.pty.onData(listener);
    return toDisposable(() => subscription.dispose());
  }

  onExit(listener: (exit: PtyExit) => void): Disposable {
    const subscription = this.pty.onExit(({ exitCode, signal }) => listener({ exitCode, signal }));
    return toDisposable(() => subscription.dispose());
  }

  write(data: string): void {
    if (this.exited) return;
    if (this.writer) this.writer.write(data);
    else this.pty.write(data);
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
    // Everything the session started, listed before any of it ends: helpers in groups or sessions of their own too.
    const tree = sessionProcesses(this.pty.pid);
    // SIGHUP as well: an interactive shell ignores SIGTERM but ends on a hang-up, as when a terminal closes.
    signalGroup(this.pty.pid, 'SIGTERM');
    signalGroup(this.pty.pid, 'SIGHUP');
    signalProcesses(tree, 'SIGTERM');
    this.killTimer = setTimeout(() => {
      if (!this.exited) signalGroup(this.pty.pid, 'SIGKILL');
      // Whatever of the tree outlived the grace, even after the program itself has gone.
      signalProcesses(tree, 'SIGKILL');
    }, graceMs);
    this.killTimer.unref();
  }
}

function masterFd(pty: nodePty.IPty): number | undefined {
  const fd = (pty as unknown as { fd?: unknown }).fd;
  return typeof fd === 'number' ? fd : undefined;
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

/**
 * Opens the pty's slave side (not as a controlling terminal); undefined if it is already gone. The caller
 * closes it once node-pty has reported the exit. The e2e harness holds its outer pty the same way.
 */
export function holdSlave(pty: nodePty.IPty): number | undefined {
  const name = (pty as unknown as { ptsName?: string }).ptsName;
  if (!name) return undefined;
  try {
    return openSync(name, constants.O_RDWR | constants.O_NOCTTY);
  } catch {
    return undefined;
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
      // Not `encoding: null`: node-pty 1.1 then drops the output still unread when a program exits
      // (measured: 16 KB of 29 KB arrived). Its UTF-8 decoder also keeps split characters whole.
      encoding: 'utf8',
    });
    // Before anything else can fork: the master must not reach any later program (cloexec.ts says why).
    const master = masterFd(pty);
    if (master === undefined) {
      pty.kill('SIGKILL');
      throw new Error('node-pty gave no descriptor for the terminal, so it cannot be kept from other programs');
    }
    setCloseOnExec(master);
    return new NodePtyProcess(pty, holdSlave(pty));
  },
};
