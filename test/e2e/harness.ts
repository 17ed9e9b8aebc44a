/**
 * The end-to-end harness: a real program in a real pseudoterminal, watched through a real emulator.
 *
 * The program (by default the grove binary) runs under node-pty at a fixed size. Everything it prints
 * is fed to an @xterm/headless Terminal that plays the user's terminal: its screen is what the user
 * would see, and its replies to queries (cursor position, device attributes) are written back into the
 * pty, as a real terminal would. Keys go in as the bytes a terminal sends for them, honouring the modes
 * the program has set (application cursor keys).
 *
 * Waiting is driven by output, never by sleeping: every waiter is re-checked each time a chunk has been
 * parsed, and fails with a numbered picture of the screen when its time runs out or the program exits.
 * Whoever starts a terminal disposes it (in afterEach), which ends the program and waits for it.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pty from 'node-pty';
import xtermHeadless from '@xterm/headless';
import type { IDisposable, Terminal } from '@xterm/headless';
import { holdSlave } from '../../src/io/pty.js';

const HARNESS_FILE = fileURLToPath(import.meta.url);
const REPO_ROOT = path.resolve(path.dirname(HARNESS_FILE), '../..');
const DEFAULT_TIMEOUT_MS = 10_000;
/** How long a program may take to end after SIGHUP (a closed terminal) before it is killed outright. */
const HANGUP_GRACE_MS = 2_000;

export interface StartOptions {
  cols?: number;
  rows?: number;
  cwd?: string;
  /** The whole environment of the program; without it, this process's own with TERM=xterm-256color. */
  env?: Record<string, string>;
  /** Without it, the grove binary runs under this node with `args`. */
  command?: string;
  args?: string[];
}

export interface TestTerminal {
  readonly term: Terminal;
  /** The visible rows joined by '\n', each without trailing spaces. */
  screenText(): string;
  /** Visible row `n`, counted from 0 at the top, without trailing spaces. */
  row(n: number): string;
  /** The screen with two-digit row numbers, its size, the cursor and the buffer, for failure messages. */
  snapshot(): string;
  waitForText(text: string | RegExp, timeoutMs?: number): Promise<void>;
  waitFor(predicate: () => boolean, description: string, timeoutMs?: number): Promise<void>;
  waitForGone(text: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Raw bytes, as if typed or pasted. */
  write(data: string): void;
  /** Named keys ('C-b', 'Enter', 'Up', 'M-x', 'S-Tab', 'F5') or single characters. */
  press(...keys: string[]): void;
  /** Resizes the emulator and the pty together; the program gets SIGWINCH. */
  resize(cols: number, rows: number): void;
  /** Settles once the program has ended and all of its output has been parsed. */
  readonly exited: Promise<{ exitCode: number; signal?: number }>;
  isAltScreen(): boolean;
  isCursorVisible(): boolean;
  /** The pty's termios cannot be seen from the outside; assert on what the screen shows instead. */
  isRawMode?: never;
  kill(signal?: string): void;
  /** Ends the program (SIGHUP, then SIGKILL), waits for it and releases the emulator. Idempotent. */
  dispose(): Promise<void>;
}

export async function startTerminal(options: StartOptions = {}): Promise<TestTerminal> {
  const cols = options.cols ?? 100;
  const rows = options.rows ?? 30;
  const command = options.command ?? process.execPath;
  const args = options.command ? (options.args ?? []) : [path.join(REPO_ROOT, 'bin', 'grove.js'), ...(options.args ?? [])];
  const env = options.env ?? { ...definedOnly(process.env), TERM: 'xterm-256color' };
  const child = pty.spawn(command, args, { name: env.TERM ?? 'xterm-256color', cols, rows, cwd: options.cwd ?? process.cwd(), env });
  // Held as grove's server holds its panes' (src/io/pty.ts says why): else a program's last output can be lost.
  const slave = holdSlave(child);
  const term = new xtermHeadless.Terminal({ cols, rows, scrollback: 1000, allowProposedApi: true });
  return new PtyTestTerminal(child, slave, term);
}

interface Waiter {
  readonly isMet: () => boolean;
  readonly fail: (reason: string) => void;
  readonly settle: () => void;
}

class PtyTestTerminal implements TestTerminal {
  readonly exited: Promise<{ exitCode: number; signal?: number }>;
  private readonly waiters = new Set<Waiter>();
  private readonly subscriptions: IDisposable[] = [];
  private exit: { exitCode: number; signal?: number } | undefined;
  private cursorHidden = false;
  private disposing: Promise<void> | undefined;

  constructor(
    private readonly child: pty.IPty,
    slave: number | undefined,
    readonly term: Terminal,
  ) {
    this.trackCursorVisibility();
    this.subscriptions.push(
      child.onData((data) => term.write(data, () => this.recheck())),
      term.onData((reply) => {
        if (!this.exit) child.write(reply);
      }),
    );
    this.exited = new Promise((resolve) => {
      this.subscriptions.push(
        child.onExit(({ exitCode, signal }) => {
          if (slave !== undefined) fs.closeSync(slave);
          // node-pty reports exit only after the last output was read; wait until it has been parsed too.
          term.write('', () => {
            this.exit = signal ? { exitCode, signal } : { exitCode };
            resolve(this.exit);
            this.recheck();
          });
        }),
      );
    });
  }

  screenText(): string {
    return Array.from({ length: this.term.rows }, (_, n) => this.row(n)).join('\n');
  }

  row(n: number): string {
    const buffer = this.term.buffer.active;
    // translateToString(true) drops only cells never written; spaces a program printed stay, so trim them too.
    return (buffer.getLine(buffer.viewportY + n)?.translateToString(true) ?? '').replace(/ +$/, '');
  }

  snapshot(): string {
    const buffer = this.term.buffer.active;
    const cursor = `cursor at row ${buffer.cursorY} col ${buffer.cursorX}${this.cursorHidden ? ' (hidden)' : ''}`;
    const state = this.exit ? `, exited with ${JSON.stringify(this.exit)}` : '';
    const header = `${this.term.cols}x${this.term.rows}, ${cursor}, ${buffer.type} buffer${state}`;
    const rows = Array.from({ length: this.term.rows }, (_, n) => `${String(n).padStart(2, '0')} │${this.row(n)}`);
    return [header, ...rows].join('\n');
  }

  waitForText(text: string | RegExp, timeoutMs?: number): Promise<void> {
    return this.waitFor(() => matches(this.screenText(), text), `text ${quote(text)}`, timeoutMs);
  }

  waitForGone(text: string | RegExp, timeoutMs?: number): Promise<void> {
    return this.waitFor(() => !matches(this.screenText(), text), `text ${quote(text)} to disappear`, timeoutMs);
  }

  waitFor(predicate: () => boolean, description: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
    // Made here, so that a failure points at the test line that waited rather than at a timer.
    const failure = new Error();
    const callers = (failure.stack ?? '').split('\n').slice(1).filter((frame) => !frame.includes(HARNESS_FILE));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => waiter.fail(`timed out after ${timeoutMs}ms`), timeoutMs);
      const waiter: Waiter = {
        isMet: predicate,
        settle: () => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve();
        },
        fail: (reason) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          failure.message = `Waited for ${description}, but ${reason}.\n${this.snapshot()}`;
          failure.stack = [`Error: ${failure.message}`, ...callers].join('\n');
          reject(failure);
        },
      };
      this.waiters.add(waiter);
      this.recheck();
    });
  }

  write(data: string): void {
    if (this.exit) throw new Error(`cannot write ${JSON.stringify(data)}: the program has exited\n${this.snapshot()}`);
    this.child.write(data);
  }

  press(...keys: string[]): void {
    this.write(keys.map((key) => encodeKey(key, this.term.modes.applicationCursorKeysMode)).join(''));
  }

  resize(cols: number, rows: number): void {
    // The emulator first, so that whatever the program redraws on SIGWINCH lands on the new size.
    this.term.resize(cols, rows);
    if (!this.exit) this.child.resize(cols, rows);
    this.recheck();
  }

  isAltScreen(): boolean {
    return this.term.buffer.active.type === 'alternate';
  }

  isCursorVisible(): boolean {
    return !this.cursorHidden;
  }

  kill(signal = 'SIGHUP'): void {
    if (!this.exit) this.child.kill(signal);
  }

  dispose(): Promise<void> {
    this.disposing ??= (async () => {
      if (!this.exit) {
        this.kill('SIGHUP');
        const stubborn = setTimeout(() => this.kill('SIGKILL'), HANGUP_GRACE_MS);
        await this.exited;
        clearTimeout(stubborn);
      }
      for (const waiter of [...this.waiters]) waiter.fail('the terminal was disposed');
      for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
      this.term.dispose();
    })();
    return this.disposing;
  }

  private recheck(): void {
    for (const waiter of [...this.waiters]) {
      let met: boolean;
      try {
        met = waiter.isMet();
      } catch (error) {
        waiter.fail(`the check threw ${String(error)}`);
        continue;
      }
      if (met) waiter.settle();
      else if (this.exit) waiter.fail(`the program exited (${JSON.stringify(this.exit)}) first`);
    }
  }

  /**
   * xterm.js keeps cursor visibility (DECTCEM) private, so it is followed here from the same sequences:
   * CSI ? 25 h / l, and the soft (CSI ! p) and full (ESC c) resets that show it again. Each handler
   * returns false so that xterm's own handling still runs.
   */
  private trackCursorVisibility(): void {
    const names25 = (params: (number | number[])[]) => params.some((param) => param === 25);
    const parser = this.term.parser;
    this.subscriptions.push(
      parser.registerCsiHandler({ prefix: '?', final: 'h' }, (params) => {
        if (names25(params)) this.cursorHidden = false;
        return false;
      }),
      parser.registerCsiHandler({ prefix: '?', final: 'l' }, (params) => {
        if (names25(params)) this.cursorHidden = true;
        return false;
      }),
      parser.registerCsiHandler({ intermediates: '!', final: 'p' }, () => ((this.cursorHidden = false), false)),
      parser.registerEscHandler({ final: 'c' }, () => ((this.cursorHidden = false), false)),
    );
  }
}

/** Keys whose bytes do not depend on modifiers; cursor and editing keys are handled below. */
const PLAIN_KEYS: Record<string, string> = {
  Enter: '\r',
  Escape: '\x1b',
  Tab: '\t',
  BTab: '\x1b[Z',
  Space: ' ',
  BSpace: '\x7f',
};
/** Final byte of CSI cursor keys; SS3 in application cursor mode. */
const CURSOR_KEYS: Record<string, string> = { Up: 'A', Down: 'B', Right: 'C', Left: 'D', Home: 'H', End: 'F' };
/** Number of CSI ~ keys. */
const TILDE_KEYS: Record<string, number> = {
  Insert: 2, Delete: 3, PageUp: 5, PageDown: 6,
  F5: 15, F6: 17, F7: 18, F8: 19, F9: 20, F10: 21, F11: 23, F12: 24,
};
const SS3_FUNCTION_KEYS: Record<string, string> = { F1: 'P', F2: 'Q', F3: 'R', F4: 'S' };

/**
 * The bytes xterm sends for a key in tmux notation: optional `C-`, `M-`, `S-` prefixes, then a key name
 * or a single character. Modified cursor and editing keys use xterm's CSI 1;m form (m = 1 + shift +
 * 2·alt + 4·ctrl); other keys take Meta as a leading ESC.
 */
export function encodeKey(key: string, applicationCursor = false): string {
  let rest = key;
  let ctrl = false;
  let meta = false;
  let shift = false;
  for (;;) {
    const prefix = /^([CMS])-(.+)$/su.exec(rest);
    if (!prefix) break;
    if (prefix[1] === 'C') ctrl = true;
    else if (prefix[1] === 'M') meta = true;
    else shift = true;
    rest = prefix[2]!;
  }
  const modifier = 1 + (shift ? 1 : 0) + (meta ? 2 : 0) + (ctrl ? 4 : 0);
  const withMeta = (bytes: string) => (meta ? `\x1b${bytes}` : bytes);

  const cursor = CURSOR_KEYS[rest];
  if (cursor) return modifier > 1 ? `\x1b[1;${modifier}${cursor}` : `${applicationCursor ? '\x1bO' : '\x1b['}${cursor}`;
  const tilde = TILDE_KEYS[rest];
  if (tilde) return modifier > 1 ? `\x1b[${tilde};${modifier}~` : `\x1b[${tilde}~`;
  const ss3 = SS3_FUNCTION_KEYS[rest];
  if (ss3) return modifier > 1 ? `\x1b[1;${modifier}${ss3}` : `\x1bO${ss3}`;
  if (rest === 'Tab' && shift) return withMeta(PLAIN_KEYS.BTab!);
  if (rest === 'Space' && ctrl) return withMeta('\x00');
  const plain = PLAIN_KEYS[rest];
  if (plain !== undefined) return withMeta(plain);

  if ([...rest].length !== 1) throw new Error(`unknown key ${JSON.stringify(key)}; use write() for text`);
  let char = shift ? rest.toUpperCase() : rest;
  if (ctrl) char = controlCharacter(char, key);
  return withMeta(char);
}

function controlCharacter(char: string, key: string): string {
  if (char === '?') return '\x7f';
  const code = char.toUpperCase().charCodeAt(0);
  // Ctrl clears the top bits of @, A-Z, [, \, ], ^, _ (0x40-0x5f); a space acts like @.
  if (code === 0x20) return '\x00';
  if (code >= 0x40 && code <= 0x5f) return String.fromCharCode(code & 0x1f);
  throw new Error(`no control character for ${JSON.stringify(key)}`);
}

export interface Sandbox {
  readonly dir: string;
  readonly home: string;
  readonly env: Record<string, string>;
  cleanup(): void;
}

/**
 * A private temporary folder with its own HOME and XDG folders, and a complete environment pointing at
 * them: TERM=xterm-256color, LANG=C.UTF-8, SHELL=/bin/bash whose rc gives the prompt '$ ' and keeps no
 * history file, and a git identity so commits and worktrees work. Nothing of the real HOME leaks in.
 */
export function makeSandbox(): Sandbox {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grove-e2e-'));
  const home = path.join(dir, 'home');
  const folders = {
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_RUNTIME_DIR: path.join(dir, 'run'),
    TMPDIR: path.join(dir, 'tmp'),
  };
  for (const folder of Object.values(folders)) fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(home, '.bashrc'), "PS1='$ '\nPS2='> '\nunset PROMPT_COMMAND HISTFILE\n");
  fs.writeFileSync(path.join(home, '.bash_profile'), '. "$HOME/.bashrc"\n');
  fs.writeFileSync(
    path.join(home, '.gitconfig'),
    '[user]\n\tname = Grove Test\n\temail = grove-test@example.invalid\n[init]\n\tdefaultBranch = main\n',
  );
  const user = os.userInfo().username;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: home,
    USER: user,
    LOGNAME: user,
    SHELL: '/bin/bash',
    TERM: 'xterm-256color',
    LANG: 'C.UTF-8',
    GIT_CONFIG_NOSYSTEM: '1',
    ...folders,
  };
  return { dir, home, env, cleanup: () => fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }) };
}

function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

function matches(screen: string, text: string | RegExp): boolean {
  if (typeof text === 'string') return screen.includes(text);
  text.lastIndex = 0; // a /g or /y pattern remembers where it last matched
  return text.test(screen);
}

function quote(text: string | RegExp): string {
  return typeof text === 'string' ? JSON.stringify(text) : String(text);
}
