/**
 * A client (`grove`, `tmux attach`) running in a pseudo-terminal the benchmark owns, as a person's terminal would.
 *
 * The benchmark is the outer terminal: it drains everything the client writes, so neither tool is ever held
 * up by a slow reader, and it watches that output in one of three ways, each as cheap as its question allows:
 * - `waitForOutput(text)` scans the raw bytes (the throughput test: tens of megabytes, nothing else may cost);
 * - `onVisibleText(fn)` hands over the printable characters with escape sequences removed (the echo test);
 * - `waitForScreen(predicate)` keeps a headless xterm of what the terminal shows (first frame, attach).
 * Times are `performance.now()` at the moment the chunk arrived.
 */
import { performance } from 'node:perf_hooks';
import pty from 'node-pty';
import xterm from '@xterm/headless';
import { EscapeStripper } from './escape-stripper.js';
import { isAlive, killSurvivors } from './proc.js';
import { sleep } from './stats.js';

export const COLS = 120;
export const ROWS = 40;
const DETACH_KEYS = '\x02d'; // C-b d in both tools

export class AttachedClient {
  /** Starts the client; `startedAt` is taken just before the spawn. */
  /** `detachKeys`: what leaves the client (C-b d in grove and tmux); '' for one that can only be closed. */
  constructor(file, args, { env, cwd, screen = true, detachKeys = DETACH_KEYS }) {
    this.detachKeys = detachKeys;
    this.outputWatchers = new Set();
    this.screenWatchers = new Set();
    this.visibleListeners = new Set();
    this.stripper = new EscapeStripper();
    this.screenOn = screen;
    this.terminal = new xterm.Terminal({ cols: COLS, rows: ROWS, allowProposedApi: true, scrollback: 0 });
    this.startedAt = performance.now();
    this.pty = pty.spawn(file, args, { name: 'xterm-256color', cols: COLS, rows: ROWS, env, cwd });
    this.pid = this.pty.pid;
    this.exited = new Promise((resolve) => this.pty.onExit(resolve));
    this.pty.onData((data) => this.receive(data, performance.now()));
  }

  receive(data, at) {
    for (const watcher of this.outputWatchers) watcher(data, at);
    if (this.visibleListeners.size) {
      const text = this.stripper.feed(data);
      if (text) for (const listener of this.visibleListeners) listener(text, at);
    }
    if (this.screenOn) this.terminal.write(data, () => this.checkScreen(at));
  }

  write(data) {
    this.pty.write(data);
  }

  /** Stops (or restarts) mirroring the screen; a restarted mirror is only right after a full redraw. */
  mirrorScreen(on) {
    this.screenOn = on;
  }

  /** Resolves with the arrival time of the chunk that completed `text` in the raw output. */
  waitForOutput(text, timeoutMs, label = text) {
    return new Promise((resolve, reject) => {
      let tail = '';
      const watcher = (data, at) => {
        const window = tail + data;
        if (window.includes(text)) {
          done();
          resolve(at);
        } else {
          tail = window.slice(-(text.length - 1));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${label} in the client's output`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.outputWatchers.delete(watcher);
      };
      this.outputWatchers.add(watcher);
    });
  }

  /** Calls `fn(text, at)` with the visible characters of every chunk; returns the unsubscribe function. */
  onVisibleText(fn) {
    this.visibleListeners.add(fn);
    return () => this.visibleListeners.delete(fn);
  }

  /** The terminal's rows as text, top to bottom. */
  screenLines() {
    const buffer = this.terminal.buffer.active;
    const lines = [];
    for (let y = 0; y < ROWS; y++) lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    return lines;
  }

  /** Resolves with the arrival time of the chunk after which `predicate(lines)` first held. */
  waitForScreen(predicate, timeoutMs, label = 'the expected screen') {
    return new Promise((resolve, reject) => {
      const watcher = (lines, at) => {
        if (!predicate(lines)) return;
        done();
        resolve(at);
      };
      const timer = setTimeout(() => {
        done();
        const shown = this.screenLines().map((line) => `  |${line}`).join('\n');
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${label}; the screen was:\n${shown}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.screenWatchers.delete(watcher);
      };
      this.screenWatchers.add(watcher);
      watcher(this.screenLines(), performance.now());
    });
  }

  checkScreen(at) {
    if (this.screenWatchers.size === 0) return;
    const lines = this.screenLines();
    for (const watcher of this.screenWatchers) watcher(lines, at);
  }

  /** Detaches the way a person would (C-b d), and kills the client if it has not left within a second. */
  async close() {
    if (this.closed) return this.closed;
    this.closed = (async () => {
      if (isAlive(this.pid)) {
        if (this.detachKeys) {
          this.write(this.detachKeys);
          await Promise.race([this.exited, sleep(1000)]);
        }
        killSurvivors([this.pid]);
        await Promise.race([this.exited, sleep(1000)]);
      }
      this.terminal.dispose();
    })();
    return this.closed;
  }
}
