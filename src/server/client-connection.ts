/**
 * One client's connection to the server: the protocol on the server's side of a socket.
 *
 * The first message must be a `hello` of our protocol version, within HELLO_TIMEOUT_MS. After that the
 * connection relays the host's streams to its client — the session list and the paste buffer's length
 * always, frames only of the sessions the client watches — and hands requests to the server's request
 * table. A slow client never slows the host: while its socket is backed up, only the newest frame of each
 * session is kept for it, and older ones are dropped; a client that stops reading altogether is dropped
 * once MAX_UNSENT_BYTES wait for it. Every size a client sends is bounded (core/protocol/limits.ts).
 */
import type { Socket } from 'node:net';
import { DisposableStore, toDisposable } from '../core/disposable.js';
import { frameUpdate } from '../core/protocol/frame-delta.js';
import { encodeFrame, FrameDecoder } from '../core/protocol/framing.js';
import { HELLO_TIMEOUT_MS, MAX_CLIENT_MESSAGE_BYTES, MAX_UNSENT_BYTES, UI_COMMAND_TIMEOUT_MS } from '../core/protocol/limits.js';
import { clientMessageSchema } from '../core/protocol/message-schema.js';
import { helloProblem, PROTOCOL_VERSION, type ClientMessage, type ServerMessage } from '../core/protocol/messages.js';
import type { PaneFrame } from '../core/screen/frame.js';
import type { LocalSessionHost } from './local-host.js';
import type { PasteBuffer } from './paste-buffer.js';

export interface ConnectionOwner {
  readonly host: LocalSessionHost;
  readonly buffer: PasteBuffer;
  handleRequest(connection: ClientConnection, method: string, params: unknown): Promise<unknown>;
  /** The client typed: its sizes now govern the sessions. */
  becameActive(connection: ClientConnection): void;
  resized(connection: ClientConnection, session: string, cols: number, rows: number): void;
  closed(connection: ClientConnection): void;
  log(line: string): void;
  /** What the server has to tell a client once (the first to connect): each notice is handed out once. */
  takeNotices(): readonly string[];
  /** A client focused this session. */
  focused(session: string): void;
  /** The session a client focused last, if it still exists. */
  readonly lastFocus: string | undefined;
  readonly groveVersion: string;
  readonly home: string | undefined;
}

export class ClientConnection {
  private readonly disposables = new DisposableStore();
  private readonly decoder = new FrameDecoder(MAX_CLIENT_MESSAGE_BYTES);
  private readonly watched = new Set<string>();
  private readonly backlog = new Map<string, PaneFrame>();
  /** The last frame sent per watched session: the next is sent as the lines that differ from it. */
  private readonly sent = new Map<string, PaneFrame>();
  private greeted = false;
  private readonly helloTimer: NodeJS.Timeout;
  private congested = false;
  /** The pane sizes this client's layout wants. */
  readonly sizes = new Map<string, { cols: number; rows: number }>();
  /** The client's environment from its hello: sessions it starts run with it. */
  clientEnv: Readonly<Record<string, string>> | undefined;
  /** Key commands handed to this client's UI and not yet answered, by id. */
  private readonly commands = new Map<number, { done(error?: string): void }>();
  private nextCommand = 1;

  constructor(
    private readonly socket: Socket,
    private readonly owner: ConnectionOwner,
  ) {
    socket.on('data', (chunk) => this.receive(chunk));
    socket.on('drain', () => this.drain());
    socket.on('error', () => this.close());
    socket.on('close', () => this.close());
    this.helloTimer = setTimeout(() => this.drop(`said no hello within ${HELLO_TIMEOUT_MS / 1000} s`), HELLO_TIMEOUT_MS);
    this.disposables.add(toDisposable(() => clearTimeout(this.helloTimer)));
    this.disposables.add(toDisposable(() => [...this.commands.values()].forEach((command) => command.done('the UI detached'))));
  }

  /** Whether this client shows the session (it asked for its frames). */
  watches(id: string): boolean {
    return this.watched.has(id);
  }

  send(message: ServerMessage): void {
    if (this.socket.destroyed) return;
    // Frames wait in the backlog while a client is slow; what is queued beyond that (lists, responses) is bounded.
    if (this.socket.writableLength > MAX_UNSENT_BYTES) return this.drop(`read nothing while ${MAX_UNSENT_BYTES >> 20} MiB waited for it`);
    if (!this.socket.write(encodeFrame(message))) this.congested = true;
  }

  /** Whether the client is a UI laying out panes (a command line is not): only a UI runs key commands. */
  get isUi(): boolean {
    return this.sizes.size > 0;
  }

  /** Has the client's UI run a key command; rejects with the UI's reason, or when it does not answer. */
  runCommand(name: string, session: string | undefined, args: readonly string[]): Promise<void> {
    const id = this.nextCommand++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => done('the UI did not answer'), UI_COMMAND_TIMEOUT_MS);
      const done = (error?: string) => {
        clearTimeout(timer);
        this.commands.delete(id);
        if (error === undefined) resolve();
        else reject(new Error(error));
      };
      this.commands.set(id, { done });
      this.send({ t: 'command', id, name, ...(session !== undefined ? { session } : {}), args });
    });
  }

  close(): void {
    if (this.disposables.isDisposed) return;
    this.disposables.dispose();
    this.socket.destroy();
    this.owner.closed(this);
  }

  /** The server is stopping: says so, then hangs up once that is written (a destroy could drop it). */
  closeForExit(): void {
    if (this.disposables.isDisposed) return;
    if (this.greeted) this.send({ t: 'exiting' });
    this.disposables.dispose();
    this.socket.end();
    this.owner.closed(this);
  }

  /** Closes the connection, saying in the server log why. */
  private drop(why: string): void {
    if (this.disposables.isDisposed) return;
    this.owner.log(`client dropped: ${why}`);
    this.close();
  }

  private receive(chunk: Buffer): void {
    let messages: unknown[];
    try {
      messages = this.decoder.push(chunk);
    } catch (err) {
      return this.drop((err as Error).message);
    }
    for (const raw of messages) {
      const parsed = clientMessageSchema.safeParse(raw);
      if (!parsed.success) return this.drop('malformed message');
      this.handle(parsed.data);
      if (this.disposables.isDisposed) return;
    }
  }

  private handle(message: ClientMessage): void {
    if (!this.greeted) return this.greet(message);
    const { host } = this.owner;
    switch (message.t) {
      case 'hello':
        return;
      case 'input':
        this.owner.becameActive(this);
        return host.input(message.session, message.data);
      case 'resize':
        // Sizes are kept per session the client lays out: only for sessions that exist, so they stay bounded.
        if (!host.has(message.session)) return;
        return this.owner.resized(this, message.session, message.cols, message.rows);
      case 'watch':
        return this.watch(message.sessions);
      case 'focus':
        return this.owner.focused(message.session);
      case 'ran':
        return this.commands.get(message.id)?.done(message.error);
      case 'request':
        this.owner.handleRequest(this, message.method, message.params).then(
          (result) => this.send({ t: 'response', id: message.id, ok: true, result: result ?? null }),
          (err: Error) => this.send({ t: 'response', id: message.id, ok: false, error: err.message }),
        );
    }
  }

  private greet(message: ClientMessage): void {
    clearTimeout(this.helloTimer);
    const problem = helloProblem(message, this.owner.groveVersion);
    if (problem) {
      this.send({ t: 'refused', version: PROTOCOL_VERSION, reason: problem, grove: this.owner.groveVersion });
      this.socket.end();
      return;
    }
    this.greeted = true;
    if (message.t === 'hello' && message.env) this.clientEnv = message.env;
    const notices = this.owner.takeNotices();
    const focus = this.owner.lastFocus;
    const home = this.owner.home;
    this.send({ t: 'welcome', version: PROTOCOL_VERSION, serverPid: process.pid, ...(notices.length ? { notices } : {}), ...(focus ? { focus } : {}), ...(home ? { home } : {}) });
    const { host } = this.owner;
    const sessions = host.sessions$.subscribe((list) => this.send({ t: 'sessions', sessions: list }));
    const frames = host.frames$.subscribe(({ id, frame }) => this.frame(id, frame));
    const bells = host.bells$.subscribe((id) => this.send({ t: 'bell', session: id }));
    const clipboard = host.clipboard$.subscribe(({ id, text }) => this.send({ t: 'clipboard', session: id, text }));
    const buffer = this.owner.buffer.length$.subscribe((length) => this.send({ t: 'buffer', length }));
    this.disposables.add(toDisposable(() => [sessions, frames, bells, clipboard, buffer].forEach((s) => s.unsubscribe())));
  }

  private watch(ids: readonly string[]): void {
    const fresh = ids.filter((id) => !this.watched.has(id));
    this.watched.clear();
    ids.forEach((id) => this.watched.add(id));
    for (const id of this.backlog.keys()) if (!this.watched.has(id)) this.backlog.delete(id);
    for (const id of this.sent.keys()) if (!this.watched.has(id)) this.sent.delete(id);
    // A newly watched pane gets its current screen at once rather than at its next change.
    for (const id of fresh) {
      const frame = this.owner.host.frameOf(id);
      if (frame) this.frame(id, frame);
    }
  }

  private frame(id: string, frame: PaneFrame): void {
    if (!this.watched.has(id)) return;
    if (this.congested) return void this.backlog.set(id, frame);
    this.send({ t: 'frame', session: id, frame: frameUpdate(this.sent.get(id), frame) });
    this.sent.set(id, frame);
  }

  private drain(): void {
    this.congested = false;
    const pending = [...this.backlog];
    this.backlog.clear();
    for (const [id, frame] of pending) this.frame(id, frame);
  }
}
