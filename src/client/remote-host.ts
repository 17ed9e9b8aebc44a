/**
 * The session host as seen from a client process: the SessionHost port spoken over the server's socket.
 *
 * Requests become `request` messages answered by id; input, resize and watch are sent without waiting;
 * the server's pushes become the same observables the in-process host offers. The TUI cannot tell which
 * host it has. `closed` resolves when the server goes away, with the reason.
 */
import type { Duplex } from 'node:stream';
import { BehaviorSubject, filter, Subject, type Observable } from 'rxjs';
import { applyUpdate } from '../core/protocol/frame-delta.js';
import { encodeFrame, FrameDecoder } from '../core/protocol/framing.js';
import { PROTOCOL_VERSION, versionSkew, type ClientMessage, type ServerMessage } from '../core/protocol/messages.js';
import type { RequestMethod, RequestParams, RequestResult } from '../core/protocol/requests.js';
import type { PaneFrame } from '../core/screen/frame.js';
import type { LineSlice } from '../core/screen/line-slice.js';
import type { CaptureOptions, ClipboardEvent, CommandRequest, CreateSessionRequest, FrameEvent, SessionHost } from '../core/session/host.js';
import type { SessionInfo } from '../core/session/session.js';
import { clampPaneSize } from '../core/protocol/limits.js';

/** What asks a server things: a connection (RemoteHost), or another machine's link that forwards to one. */
export interface Requester {
  request<M extends RequestMethod>(method: M, params: RequestParams<M>): Promise<RequestResult<M>>;
}

export interface HandshakeOptions {
  readonly cwd: string;
  /** The environment sessions this client starts run with; absent, the server's own (a remote machine's). */
  readonly env?: Readonly<Record<string, string>>;
  /** This grove's version, for the hello and for a refusal's one line. */
  readonly grove: string;
  /** Another machine's name (`box`), when the server is there: a refusal names it and says what to do there. */
  readonly where?: string;
}

interface Pending {
  resolve(result: unknown): void;
  reject(error: Error): void;
}

/** Why the connection ended when the server stopped on purpose (`grove server stop`): not an error. */
export const SERVER_EXITED = 'server exited';

export class RemoteHost implements SessionHost {
  private readonly sessionsSubject = new BehaviorSubject<readonly SessionInfo[]>([]);
  private readonly framesSubject = new Subject<FrameEvent>();
  private readonly bellsSubject = new Subject<string>();
  private readonly clipboardSubject = new Subject<ClipboardEvent>();
  private readonly bufferSubject = new BehaviorSubject(0);
  private readonly commandsSubject = new Subject<CommandRequest>();
  private readonly pending = new Map<number, Pending>();
  /** The last frame received per session, which the next update is applied to. */
  private readonly received = new Map<string, PaneFrame>();
  private readonly decoder = new FrameDecoder();
  private nextRequest = 1;
  private resolveClosed!: (reason: string) => void;

  readonly sessions$: Observable<readonly SessionInfo[]> = this.sessionsSubject.asObservable();
  /** Only what the server said: no empty list before its first one (a link that reconnects keeps what it had till then). */
  readonly serverSessions$: Observable<readonly SessionInfo[]> = this.sessionsSubject.pipe(filter(() => this.heard));
  private heard = false;
  readonly frames$: Observable<FrameEvent> = this.framesSubject.asObservable();
  readonly bells$: Observable<string> = this.bellsSubject.asObservable();
  readonly clipboard$: Observable<ClipboardEvent> = this.clipboardSubject.asObservable();
  /** The server's paste buffer's length, 0 when empty (see RemotePasteBuffer). */
  readonly buffer$: Observable<number> = this.bufferSubject.asObservable();
  readonly commands$: Observable<CommandRequest> = this.commandsSubject.asObservable();
  /** Resolves with the server's session list once it has first arrived. */
  readonly listed: Promise<readonly SessionInfo[]>;
  private resolveListed!: (sessions: readonly SessionInfo[]) => void;
  /** Resolves with a reason once the connection has ended. */
  readonly closed = new Promise<string>((resolve) => (this.resolveClosed = resolve));

  private constructor(private readonly socket: Duplex) {
    this.listed = new Promise((resolve) => (this.resolveListed = resolve));
  }

  /**
   * Greets the server over a connected stream (a socket, or ssh's standard input and output); rejects with a
   * one-line reason if it refuses us (another version: `where` names the server in that line) or hangs up.
   */
  static async handshake(socket: Duplex, options: HandshakeOptions): Promise<RemoteHost> {
    const host = new RemoteHost(socket);
    const { cwd, env, grove, where } = options;
    const welcomed = new Promise<void>((resolve, reject) => {
      host.onGreeting = (message) => {
        if (message.t === 'welcome' && message.version === PROTOCOL_VERSION) {
          host.notices = message.notices ?? [];
          host.lastFocus = message.focus;
          host.home = message.home;
          resolve();
        }
        else if (message.t === 'refused' && message.version === PROTOCOL_VERSION) reject(new Error(message.reason));
        else if ('version' in message) reject(new Error(versionSkew(where, { version: message.version, grove: message.t === 'refused' ? message.grove : undefined }, grove)));
        else reject(new Error(`${where} did not greet this grove (${message.t})`));
      };
      void host.closed.then((reason) => reject(new Error(reason)));
    });
    socket.on('data', (chunk: Buffer) => host.receive(chunk));
    socket.on('close', () => host.end('the grove server closed the connection'));
    socket.on('error', (err: Error) => host.end(`lost the grove server: ${err.message}`));
    host.send({ t: 'hello', version: PROTOCOL_VERSION, pid: process.pid, cwd, grove, ...(env ? { env } : {}) });
    await welcomed;
    return host;
  }

  private onGreeting: ((message: ServerMessage) => void) | undefined;

  /** What the server had to tell this client when it connected, one line each. */
  notices: readonly string[] = [];
  /** The session some client focused last, when this one connected. */
  lastFocus: string | undefined;
  /** The user's home folder on the server's machine, when it said. */
  home: string | undefined;

  request<M extends RequestMethod>(method: M, params: RequestParams<M>): Promise<RequestResult<M>> {
    const id = this.nextRequest++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ t: 'request', id, method, params });
    });
  }

  async create(request: CreateSessionRequest): Promise<SessionInfo> {
    const { args, env, statusRules, cols, rows, ...rest } = request;
    const clamped = clampPaneSize(cols ?? 1, rows ?? 1);
    const size = { ...(cols !== undefined ? { cols: clamped.cols } : {}), ...(rows !== undefined ? { rows: clamped.rows } : {}) };
    const params = { ...rest, ...size, args: [...args], ...(env ? { env: { ...env } } : {}), ...(statusRules ? { statusRules: [...statusRules] } : {}) };
    return this.request('create', params);
  }

  input(id: string, data: string): void {
    this.send({ t: 'input', session: id, data });
  }

  resize(id: string, cols: number, rows: number): void {
    this.send({ t: 'resize', session: id, ...clampPaneSize(cols, rows) });
  }

  watch(ids: readonly string[]): void {
    this.send({ t: 'watch', sessions: [...ids] });
  }

  focused(id: string): void {
    this.send({ t: 'focus', session: id });
  }

  async kill(id: string): Promise<void> {
    await this.request('kill', { session: id });
  }

  /** The server relaunches it with this connection's environment, the one its hello carried. */
  async relaunch(id: string): Promise<SessionInfo> {
    return this.request('relaunch', { session: id });
  }

  async snapshot(id: string): Promise<PaneFrame | undefined> {
    return (await this.request('snapshot', { session: id })) ?? undefined;
  }

  async capture(id: string, options: CaptureOptions): Promise<string> {
    return this.request('capture', { session: id, ...options });
  }

  async lines(id: string, from: number, count: number): Promise<LineSlice | undefined> {
    return (await this.request('lines', { session: id, from, count })) ?? undefined;
  }

  /** Hangs up; the server and its sessions carry on. */
  async dispose(): Promise<void> {
    this.socket.end();
    this.end('detached');
  }

  private send(message: ClientMessage): void {
    if (!this.socket.destroyed) this.socket.write(encodeFrame(message));
  }

  private receive(chunk: Buffer): void {
    let messages: unknown[];
    try {
      messages = this.decoder.push(chunk);
    } catch (err) {
      this.socket.destroy();
      return this.end(`bad data from the grove server: ${(err as Error).message}`);
    }
    for (const message of messages as ServerMessage[]) this.handle(message);
  }

  private handle(message: ServerMessage): void {
    if (this.onGreeting) {
      const greet = this.onGreeting;
      this.onGreeting = undefined;
      return greet(message);
    }
    switch (message.t) {
      case 'sessions':
        for (const id of this.received.keys()) if (!message.sessions.some((s) => s.id === id)) this.received.delete(id);
        this.heard = true;
        this.resolveListed(message.sessions);
        return this.sessionsSubject.next(message.sessions);
      case 'frame': {
        const frame = applyUpdate(this.received.get(message.session), message.frame);
        this.received.set(message.session, frame);
        return this.framesSubject.next({ id: message.session, frame });
      }
      case 'bell': return this.bellsSubject.next(message.session);
      case 'exiting': return this.end(SERVER_EXITED);
      case 'clipboard': return this.clipboardSubject.next({ id: message.session, text: message.text });
      case 'buffer': return this.bufferSubject.next(message.length);
      case 'command': {
        const { id, name, session, args } = message;
        // A connection nobody runs commands on (a command line's) says so rather than leave the asker waiting.
        if (!this.commandsSubject.observed) return this.send({ t: 'ran', id, error: 'this client runs no commands' });
        return this.commandsSubject.next({ name, session, args, done: (error) => this.send({ t: 'ran', id, ...(error !== undefined ? { error } : {}) }) });
      }
      case 'response': {
        const pending = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.ok) pending?.resolve(message.result);
        else pending?.reject(new Error(message.error));
        return;
      }
    }
  }

  private end(reason: string): void {
    for (const pending of this.pending.values()) pending.reject(new Error(reason));
    this.pending.clear();
    if (!this.sessionsSubject.closed) {
      this.sessionsSubject.complete();
      this.framesSubject.complete();
      this.bellsSubject.complete();
      this.clipboardSubject.complete();
      this.bufferSubject.complete();
      this.commandsSubject.complete();
    }
    this.resolveClosed(reason);
  }
}
