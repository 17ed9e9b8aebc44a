/**
 * What the session host needs from the operating system, as small interfaces.
 *
 * The host (src/server) is written against these, not against node-pty or fs directly, so its logic —
 * coalescing, flow control, exit draining, naming — can be tested with fakes. The real adapters live in
 * src/io/.
 */
import type { Disposable } from '../core/disposable.js';
import type { ForegroundSignal } from '../core/status/observation.js';

export interface PtyExit {
  readonly exitCode: number;
  /** Signal number that ended the program, 0 or undefined if it exited by itself. */
  readonly signal?: number;
}

export interface PtyProcess {
  readonly pid: number;
  /** What the terminal's foreground process is doing, where the OS can tell (Linux /proc). */
  foreground(): ForegroundSignal | undefined;
  /** Output chunks, decoded from UTF-8 (a character split across reads is kept whole). */
  onData(listener: (data: string) => void): Disposable;
  /** Fires after the last output chunk has been delivered. */
  onExit(listener: (exit: PtyExit) => void): Disposable;
  write(data: string): void;
  resize(cols: number, rows: number): void;
  /** Flow control: stop reading output until resume(). */
  pause(): void;
  resume(): void;
  /** SIGTERM (and SIGHUP) to the program's process group; SIGKILL if it is still there after `graceMs`. */
  terminate(graceMs: number): void;
}

export interface SpawnOptions {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
  readonly cols: number;
  readonly rows: number;
}

export interface PtySpawner {
  spawn(file: string, args: readonly string[], options: SpawnOptions): PtyProcess;
}

/** Checks made before a program starts, so a bad request gets a clear message instead of a dead pane. */
export interface LaunchChecks {
  /** The executable's path, or undefined if `command` is not found on PATH (or not executable). */
  resolveCommand(command: string, cwd: string, path: string | undefined): string | undefined;
  isDirectory(path: string): boolean;
  /** The main checkout's root of the repository holding `folder`, or `folder` itself outside git. */
  repositoryOf(folder: string): string;
}
