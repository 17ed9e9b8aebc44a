/**
 * One running session inside the host: a pty, the emulator that mirrors it, and the record clients see.
 *
 * Bytes flow one way: pty → emulator → "changed" (the host turns that into frames). Two details matter:
 * - Flow control. xterm parses asynchronously; a program that floods output can get far ahead of it. Past
 *   HIGH_WATER unparsed bytes the pty is paused, and resumed once the emulator is back under LOW_WATER, so
 *   memory stays bounded and keystrokes are never queued behind megabytes of output.
 * - Exit draining. node-pty reports exit after its last chunk, but the emulator may not have parsed that
 *   chunk yet; the exit is recorded only once the emulator has caught up, so the pane's last screen is whole.
 */
import { DisposableStore } from '../core/disposable.js';
import type { PaneFrame } from '../core/screen/frame.js';
import type { SessionInfo, SessionStatus } from '../core/session/session.js';
import { PaneEmulator } from '../emu/pane-emulator.js';
import type { PtyExit, PtyProcess } from './ports.js';

const HIGH_WATER = 2 * 1024 * 1024;
const LOW_WATER = 256 * 1024;
/** Quiet this long after output and a working session counts as idle. */
const QUIET_MS = 1500;

export interface HostedSessionEvents {
  /** The screen changed (the host coalesces these into frames). */
  changed(session: HostedSession): void;
  /** The record changed (status, title, exit). */
  updated(session: HostedSession): void;
  bell(session: HostedSession): void;
}

export class HostedSession {
  private readonly disposables = new DisposableStore();
  private record: SessionInfo;
  private paused = false;
  private lastOutputAt = 0;
  private quietTimer: NodeJS.Timeout | undefined;
  private exitWaiters: Array<() => void> = [];

  readonly emulator: PaneEmulator;

  constructor(
    info: SessionInfo,
    size: { cols: number; rows: number },
    private readonly pty: PtyProcess | undefined,
    private readonly events: HostedSessionEvents,
    scrollback: number,
  ) {
    this.record = info;
    this.emulator = this.disposables.add(
      new PaneEmulator({ cols: size.cols, rows: size.rows, scrollback, onReply: (reply) => this.pty?.write(reply) }),
    );
    this.disposables.add(this.emulator.onTitleChange((title) => this.update({ title })));
    this.disposables.add(this.emulator.onBell(() => this.events.bell(this)));
    if (pty) {
      this.disposables.add(pty.onData((data) => this.onOutput(data)));
      this.disposables.add(pty.onExit((exit) => this.onExit(exit)));
    }
  }

  get info(): SessionInfo {
    return this.record;
  }

  get id(): string {
    return this.record.id;
  }

  get running(): boolean {
    return this.record.status !== 'exited' && this.record.status !== 'dead';
  }

  /** Shows text in the pane as if the program had printed it (used for grove's own messages). */
  print(text: string): void {
    this.emulator.write(text, () => this.events.changed(this));
  }

  input(data: string): void {
    if (this.running) this.pty?.write(data);
  }

  resize(cols: number, rows: number): void {
    const frame = this.emulator.frame();
    if (frame.cols === cols && frame.rows === rows) return;
    this.emulator.resize(cols, rows);
    if (this.running) this.pty?.resize(cols, rows);
    this.events.changed(this);
  }

  frame(): PaneFrame {
    return this.emulator.frame();
  }

  /** Resolves once the session has exited (at once if it already has). */
  whenExited(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.exitWaiters.push(resolve));
  }

  terminate(graceMs: number): void {
    if (this.running) this.pty?.terminate(graceMs);
  }

  /** Marks a session that never started (e.g. its command was not found). */
  markFailed(error: string, exitCode: number): void {
    this.print(`\x1b[1;31mgrove:\x1b[0m ${error}\r\n`);
    this.finish({ status: 'exited', exitCode, error });
  }

  dispose(): void {
    if (this.quietTimer) clearTimeout(this.quietTimer);
    this.disposables.dispose();
    this.exitWaiters.splice(0).forEach((resolve) => resolve());
  }

  private onOutput(data: string): void {
    this.lastOutputAt = Date.now();
    if (this.record.status !== 'working') this.update({ status: 'working' });
    this.armQuietTimer();
    this.emulator.write(data, () => {
      this.events.changed(this);
      if (this.paused && this.emulator.pendingBytes < LOW_WATER) {
        this.paused = false;
        this.pty?.resume();
      }
    });
    if (!this.paused && this.emulator.pendingBytes > HIGH_WATER) {
      this.paused = true;
      this.pty?.pause();
    }
  }

  private armQuietTimer(): void {
    if (this.quietTimer) return;
    this.quietTimer = setTimeout(() => {
      this.quietTimer = undefined;
      if (!this.running) return;
      const quietFor = Date.now() - this.lastOutputAt;
      if (quietFor >= QUIET_MS) this.update({ status: 'idle' });
      else this.armQuietTimer();
    }, QUIET_MS - Math.min(QUIET_MS - 1, Date.now() - this.lastOutputAt));
  }

  private onExit(exit: PtyExit): void {
    if (this.paused) this.pty?.resume();
    // Record the exit only after the emulator has parsed everything before it.
    this.emulator.write('', () => {
      const signal = exit.signal ? exit.signal : undefined;
      this.finish({ status: 'exited', exitCode: exit.exitCode, ...(signal ? { signal } : {}) });
    });
  }

  private finish(end: { status: SessionStatus; exitCode: number; signal?: number; error?: string }): void {
    if (this.quietTimer) clearTimeout(this.quietTimer);
    this.quietTimer = undefined;
    this.events.changed(this);
    this.update(end);
    this.exitWaiters.splice(0).forEach((resolve) => resolve());
  }

  private update(change: Partial<SessionInfo>): void {
    this.record = { ...this.record, ...change };
    this.events.updated(this);
  }
}
