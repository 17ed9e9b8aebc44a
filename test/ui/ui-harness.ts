/**
 * The in-process UI tier (lazygit's GUI driver, zellij's grid snapshots): the real client app and the
 * server's real session host in one process, with a fake pty behind the spawner port, a blessed screen
 * drawing into memory, and keys pressed by command name through the keymap. Screens are read back as
 * text with row numbers. A test here runs in milliseconds where the same test through the real binary
 * and a real shell takes seconds; a few real-binary smoke tests per flow stay in test/e2e.
 *
 * A fake program is a function of its pty: it sees what is typed and prints what it likes. The default
 * is a tiny shell: it echoes what is typed and, on Enter, answers `echo WORDS` with WORDS and a prompt.
 */
import { readFileSync } from 'node:fs';
import { PassThrough, Writable } from 'node:stream';
import { BehaviorSubject } from 'rxjs';
import { GroveApp, type AppOptions } from '../../src/client/app.js';
import { paletteFor } from '../../src/client/views/palette.js';
import { agentCatalog, type AgentCatalog } from '../../src/core/agents/user-profiles.js';
import { fanOut } from '../../src/client/fanout.js';
import type { CreateSessionRequest } from '../../src/core/session/host.js';
import type { SessionInfo } from '../../src/core/session/session.js';
import { DEFAULT_CONFIG, type GroveConfig } from '../../src/core/config/config.js';
import { formatConfigError } from '../../src/core/config/errors.js';
import { parseTheme } from '../../src/core/config/schema-checks.js';
import type { Disposable } from '../../src/core/disposable.js';
import { DEFAULT_BINDINGS, DEFAULT_PREFIX } from '../../src/core/keymap/bindings.js';
import { Keymap } from '../../src/core/keymap/keymap.js';
import { encodeKey } from '../../src/core/keys/key-encoder.js';
import type { CheckpointPort } from '../../src/core/checkpoints/checkpoint-port.js';
import type { CheckpointService } from '../../src/server/checkpoints/checkpoint-service.js';
import type { SessionMover } from '../../src/server/move/session-mover.js';
import type { ReviewPort } from '../../src/core/review/review-port.js';
import { openScreen, type TerminalScreen } from '../../src/io/screen.js';
import { screenGrid } from '../../src/io/screen-grid.js';
import { LocalSessionHost } from '../../src/server/local-host.js';
import { onThisThread } from '../../src/emu/in-thread-emulators.js';
import { PasteBuffer } from '../../src/server/paste-buffer.js';
import type { LaunchChecks, PtyExit, PtyProcess, PtySpawner, SpawnOptions } from '../../src/server/ports.js';

/** What a fake program does: called once with its pty when it starts. */
export type FakeProgram = (pty: FakePty) => void;

export class FakePty implements PtyProcess {
  private static nextPid = 90_000;
  readonly pid = FakePty.nextPid++;
  /** Everything typed into it, in order. */
  typed = '';
  private readonly dataListeners = new Set<(data: string) => void>();
  private readonly exitListeners = new Set<(exit: PtyExit) => void>();
  private readonly inputListeners = new Set<(data: string) => void>();
  exited = false;

  constructor(readonly file: string, readonly args: readonly string[], public size: { cols: number; rows: number }) {}

  /** The program prints. */
  print(data: string): void {
    if (!this.exited) for (const listener of this.dataListeners) listener(data);
  }

  /** The program ends. */
  exit(exitCode = 0): void {
    if (this.exited) return;
    this.exited = true;
    for (const listener of this.exitListeners) listener({ exitCode });
  }

  /** The program's view of its input. */
  onInput(listener: (data: string) => void): void {
    this.inputListeners.add(listener);
  }

  foreground() {
    return undefined;
  }
  onData(listener: (data: string) => void): Disposable {
    this.dataListeners.add(listener);
    return { dispose: () => this.dataListeners.delete(listener) };
  }
  onExit(listener: (exit: PtyExit) => void): Disposable {
    this.exitListeners.add(listener);
    return { dispose: () => this.exitListeners.delete(listener) };
  }
  write(data: string): void {
    this.typed += data;
    for (const listener of this.inputListeners) listener(data);
  }
  resize(cols: number, rows: number): void {
    this.size = { cols, rows };
  }
  pause(): void {}
  resume(): void {}
  terminate(): void {
    queueMicrotask(() => this.exit(143));
  }
}

/** A shell of a few lines: a prompt, echo of what is typed, and `echo WORDS` answered on Enter. */
export const fakeShell: FakeProgram = (pty) => {
  let line = '';
  pty.print('$ ');
  pty.onInput((data) => {
    for (const ch of data) {
      if (ch === '\r') {
        const words = /^echo (.*)$/u.exec(line)?.[1];
        pty.print(`\r\n${words !== undefined ? `${words}\r\n` : ''}$ `);
        line = '';
      } else if (ch >= ' ') {
        line += ch;
        pty.print(ch);
      }
    }
  });
};

export interface UiOptions {
  readonly cols?: number;
  readonly rows?: number;
  /** The programs by command name; anything else runs the fake shell. */
  readonly programs?: Readonly<Record<string, FakeProgram>>;
  /** The folder the UI starts in, and its repository. */
  readonly cwd?: string;
  readonly repo?: string;
  /** Which repository each folder belongs to (default: the folder itself). */
  readonly repositoryOf?: (folder: string) => string;
  /** The review loop, for tests of its screens (a ReviewService over the same host, say). */
  readonly review?: (host: LocalSessionHost) => ReviewPort;
  /** Workspace sessions' checkpoints (C-b U), for tests of their screen (checkpointPort over the same host). */
  readonly checkpoints?: (host: LocalSessionHost) => CheckpointPort;
  /** Who the user is, for agents' modes that refuse root. */
  readonly user?: { readonly root: boolean; readonly env: Readonly<Record<string, string>> };
  /** The commands on PATH besides `programs` (so agents not listed show as not installed); by default every one. */
  readonly installed?: readonly string[];
  /** The agent settings of the user's config (approval modes, agents it adds, the default agent). */
  readonly config?: Partial<Pick<GroveConfig, 'approval' | 'agents' | 'defaultAgent'>>;
  /** Fan-outs (C-b F) made through the review service the test gives (`review`), with plans read from here. */
  readonly fanout?: boolean;
  /** How a session that needs the user is announced (bell and desktop notification, by default the bell only). */
  readonly notify?: AppOptions['notify'];
}

export class UiHarness {
  readonly host: LocalSessionHost;
  readonly keymap = Keymap.build({ prefix: DEFAULT_PREFIX, bindings: DEFAULT_BINDINGS });
  /** Every pty started, in order. */
  readonly ptys: FakePty[] = [];
  readonly app: GroveApp;
  private readonly screen: TerminalScreen;
  private readonly stdin = new PassThrough();
  private readonly output: Writable;
  /** Everything the UI wrote to its terminal, for what is not drawn: bells, notifications, clipboard writes. */
  written = '';
  detached = false;

  constructor(options: UiOptions = {}) {
    const programs = options.programs ?? {};
    const spawner: PtySpawner = {
      spawn: (file: string, args: readonly string[], spawn: SpawnOptions) => {
        const pty = new FakePty(file, args, { cols: spawn.cols, rows: spawn.rows });
        this.ptys.push(pty);
        queueMicrotask(() => (programs[file] ?? fakeShell)(pty));
        return pty;
      },
    };
    const checks: LaunchChecks = {
      resolveCommand: (command) => (command === 'missing' ? undefined : command),
      isDirectory: () => true,
      repositoryOf: options.repositoryOf ?? ((folder) => folder),
    };
    this.host = new LocalSessionHost({ emulatorThreads: onThisThread, spawner, checks, env: {}, killGraceMs: 50 });
    const cols = options.cols ?? 100;
    const rows = options.rows ?? 30;
    this.output = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        this.written += chunk.toString();
        done();
      },
    });
    Object.assign(this.output, { columns: cols, rows, isTTY: true });
    this.screen = openScreen({ output: this.output as unknown as NodeJS.WriteStream, colorDepth: '256', term: 'xterm-256color' });
    const buffer = new PasteBuffer();
    const cwd = options.cwd ?? '/repo';
    const review = options.review?.(this.host);
    const checkpoints = options.checkpoints?.(this.host);
    const catalog = agentCatalog({ ...DEFAULT_CONFIG, ...options.config });
    const resolveCommand = (command: string) => (!options.installed || options.installed.includes(command) || command in programs ? command : undefined);
    const appOptions: AppOptions = {
      host: this.host,
      screen: this.screen,
      stdin: this.stdin as unknown as NodeJS.ReadStream,
      keymap: this.keymap,
      palette: paletteFor(defaultTheme(), '256'),
      cwd,
      repo: options.repo ?? (options.repositoryOf ?? ((folder: string) => folder))(cwd),
      shell: 'sh',
      agents: {
        catalog,
        resolveCommand,
        ...(options.user ? { user: options.user } : {}),
      },
      home: undefined,
      onDetach: () => void (this.detached = true),
      pasteBuffer: {
        length$: buffer.length$ as BehaviorSubject<number>,
        set: async (text) => buffer.set(text),
        paste: async (session) => this.host.input(session, buffer.current ?? ''),
      },
      ...(review ? { review } : {}),
      ...(checkpoints ? { checkpoints } : {}),
      ...(options.notify ? { notify: options.notify } : {}),
      ...(options.fanout && review ? { fanout: this.fanoutPort(review, catalog, resolveCommand) } : {}),
    };
    this.app = new GroveApp(appOptions);
  }

  /** Types raw bytes, as a terminal would send them. */
  type(bytes: string): void {
    this.stdin.write(bytes);
  }

  /** Presses named keys ('Enter', 'C-b', 'x'). */
  press(...keys: string[]): void {
    this.type(keys.map((key) => bytesOf(key)).join(''));
  }

  /** What the UI's main wires for C-b F, with worktree sessions made by the review service. */
  private fanoutPort(review: ReviewPort, catalog: AgentCatalog, resolveCommand: (command: string) => string | undefined): NonNullable<AppOptions['fanout']> {
    const service = review as ReviewPort & { createSession(request: CreateSessionRequest): Promise<SessionInfo> };
    return {
      run: (input) => fanOut({ catalog, resolveCommand, create: (request) => service.createSession(request) }, input),
      readPlan: (path) => readFileSync(path, 'utf8'),
    };
  }

  /** The terminal changes size, as a window resized does. */
  resize(cols: number, rows: number): void {
    Object.assign(this.output, { columns: cols, rows });
    this.output.emit('resize');
  }

  /** Starts the UI as `grove` does in a repository with no sessions: one default session, listed. */
  async startDefault(): Promise<void> {
    await this.app.createDefaultSession();
    await this.waitForText('Sessions (1)');
  }

  /** Runs a command the way the user does: by its first key binding in the keymap ("C-b c" for new-session). */
  run(command: string): void {
    const [binding] = this.keymap.keysFor(command);
    if (!binding) throw new Error(`no key runs ${command}`);
    this.press(...binding.split(' '));
  }

  /** Draws what the UI has queued, as its next frame would. */
  screenNow(): void {
    this.screen.screen.render();
  }

  /** The screen as text, one line per row. */
  lines(): string[] {
    return screenGrid(this.screen.screen).lines.map((line) => line.map(([, ch]) => ch || '').join('').trimEnd());
  }

  /** The screen with two-digit row numbers, for assertions and failure messages. */
  snapshot(): string {
    return this.lines().map((line, row) => `${String(row).padStart(2, '0')} │${line}`).join('\n');
  }

  async waitFor(check: (screen: string) => boolean, what: string, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      this.screen.screen.render();
      if (check(this.lines().join('\n'))) return;
      if (Date.now() > deadline) throw new Error(`waited for ${what}\n${this.snapshot()}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  waitForText(text: string | RegExp, timeoutMs?: number): Promise<void> {
    return this.waitFor((screen) => (typeof text === 'string' ? screen.includes(text) : text.test(screen)), String(text), timeoutMs);
  }

  async dispose(): Promise<void> {
    this.app.dispose();
    await this.host.dispose();
    this.screen.destroy();
  }
}

function bytesOf(key: string): string {
  if (key.length === 1 && key >= ' ') return key;
  const bytes = encodeKey(key, { applicationCursor: false });
  if (bytes === undefined) throw new Error(`no bytes for key ${key}`);
  return bytes;
}

let theme: ReturnType<typeof loadDefaultTheme> | undefined;
function defaultTheme() {
  return (theme ??= loadDefaultTheme());
}

function loadDefaultTheme() {
  const text = readFileSync(new URL('../../themes/default.json', import.meta.url), 'utf8');
  const result = parseTheme({ file: 'themes/default.json', text });
  if (!result.ok) throw new Error(result.errors.map(formatConfigError).join('\n'));
  return result.value;
}

/** The port a server offers for checkpoints and moves (its request table), in process: a CheckpointService and a SessionMover. */
export function checkpointPort(service: CheckpointService, mover?: SessionMover): CheckpointPort {
  return {
    list: (id) => service.list(id),
    diff: (id, turn) => service.diff(id, turn),
    undo: (id, options) => service.undo(id, options),
    move: (id, options) => (mover ? mover.move(id, options) : Promise.reject(new Error('this test moves no sessions'))),
  };
}
