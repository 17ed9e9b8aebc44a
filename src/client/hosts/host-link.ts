/**
 * One other machine's grove server, as the UI keeps it: a connection (ssh running `grove proxy`, made by
 * the injected connector) that is made again whenever it drops, with backoff (core/hosts/remote.ts).
 *
 * What the UI relies on outlives each connection: the session list stays as last heard, the panes the
 * UI shows and the sizes it wants are sent again on every new connection, and while there is none the
 * panes show their last screen dimmed, saying why (core/screen/offline-frame.ts). Nothing on that machine
 * restarts: its server kept the sessions running, and the next connection simply watches them again.
 */
import { BehaviorSubject, filter, firstValueFrom, Subject, type Observable, type Subscription } from 'rxjs';
import type { Disposable } from '../../core/disposable.js';
import { reconnectDelayMs, type HostState } from '../../core/hosts/remote.js';
import type { RequestMethod, RequestParams, RequestResult } from '../../core/protocol/requests.js';
import type { PaneFrame } from '../../core/screen/frame.js';
import { offlineFrame } from '../../core/screen/offline-frame.js';
import type { ClipboardEvent, FrameEvent } from '../../core/session/host.js';
import type { SessionInfo } from '../../core/session/session.js';
import { SERVER_EXITED, type RemoteHost } from '../remote-host.js';

/** A connection made: the server's host, and how to end the transport under it. */
export interface HostConnection {
  readonly host: RemoteHost;
  close(): void;
  /** The transport's last words (ssh's), when it ends. */
  lastError(): string | undefined;
}

/**
 * Makes a connection, or rejects with why not in one line; `start`: start that machine's server when none
 * runs (not after someone stopped it on purpose: a stopped server stays stopped until they start it).
 */
export type Connector = (start: boolean) => Promise<HostConnection>;

export interface LinkState {
  readonly state: HostState;
  readonly reason?: string;
}

export class HostLink implements Disposable {
  private readonly stateSubject = new BehaviorSubject<LinkState>({ state: 'connecting' });
  private readonly sessionsSubject = new BehaviorSubject<readonly SessionInfo[]>([]);
  private readonly framesSubject = new Subject<FrameEvent>();
  private readonly bellsSubject = new Subject<string>();
  private readonly clipboardSubject = new Subject<ClipboardEvent>();
  private connection: HostConnection | undefined;
  private subscriptions: Subscription[] = [];
  /** The last screen of each session, shown dimmed while the link is down. */
  private readonly lastFrames = new Map<string, PaneFrame>();
  private watched: readonly string[] = [];
  private readonly sizes = new Map<string, { cols: number; rows: number }>();
  private attempt = 0;
  private connectedOnce = false;
  /** Its server said it was stopped on purpose (`grove server stop` there): reconnect only to one started again. */
  private serverStopped = false;
  private timer: NodeJS.Timeout | undefined;
  private disposed = false;

  readonly state$: Observable<LinkState> = this.stateSubject.asObservable();
  readonly sessions$: Observable<readonly SessionInfo[]> = this.sessionsSubject.asObservable();
  readonly frames$: Observable<FrameEvent> = this.framesSubject.asObservable();
  readonly bells$: Observable<string> = this.bellsSubject.asObservable();
  readonly clipboard$: Observable<ClipboardEvent> = this.clipboardSubject.asObservable();

  constructor(readonly name: string, private readonly connect: Connector) {}

  get state(): LinkState {
    return this.stateSubject.value;
  }

  /** The server's host while connected. */
  get host(): RemoteHost | undefined {
    return this.connection?.host;
  }

  start(): void {
    void this.tryConnect();
  }

  input(id: string, data: string): void {
    this.connection?.host.input(id, data);
  }

  resize(id: string, cols: number, rows: number): void {
    this.sizes.set(id, { cols, rows });
    this.connection?.host.resize(id, cols, rows);
  }

  watch(ids: readonly string[]): void {
    this.watched = ids;
    if (this.connection) this.connection.host.watch(ids);
    else this.showOffline();
  }

  /** A request to that server; refused with the link's state while there is no connection. */
  request<M extends RequestMethod>(method: M, params: RequestParams<M>): Promise<RequestResult<M>> {
    const host = this.connection?.host;
    if (!host) return Promise.reject(new Error(`${this.name} is ${this.describe()}`));
    return host.request(method, params);
  }

  /**
   * Resolves once connected: at once when it is, after the first attempt while that is still under way
   * (a session asked for right after the UI starts); rejects with the link's state when it is down.
   */
  async ready(): Promise<void> {
    if (this.stateSubject.value.state === 'connecting') {
      await firstValueFrom(this.stateSubject.pipe(filter((state) => state.state !== 'connecting')), { defaultValue: undefined });
    }
    if (this.stateSubject.value.state !== 'connected') throw new Error(`${this.name} is ${this.describe()}`);
  }

  /** The link's state in words: "reconnecting (…)" or "unreachable: …". */
  describe(): string {
    const { state, reason } = this.stateSubject.value;
    return reason ? `${state}: ${reason}` : state;
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.drop();
    for (const subject of [this.stateSubject, this.sessionsSubject, this.framesSubject, this.bellsSubject, this.clipboardSubject]) subject.complete();
  }

  private async tryConnect(): Promise<void> {
    let connection: HostConnection;
    try {
      connection = await this.connect(!this.serverStopped);
    } catch (err) {
      return this.retry(this.connectedOnce ? 'reconnecting' : 'unreachable', (err as Error).message);
    }
    if (this.disposed) return connection.close();
    this.connection = connection;
    this.connectedOnce = true;
    this.serverStopped = false;
    this.attempt = 0;
    const { host } = connection;
    this.subscriptions = [
      host.serverSessions$.subscribe((list) => this.listed(list)),
      host.frames$.subscribe((event) => {
        this.lastFrames.set(event.id, event.frame);
        this.framesSubject.next(event);
      }),
      host.bells$.subscribe((id) => this.bellsSubject.next(id)),
      host.clipboard$.subscribe((event) => this.clipboardSubject.next(event)),
    ];
    for (const [id, size] of this.sizes) host.resize(id, size.cols, size.rows);
    host.watch(this.watched);
    this.stateSubject.next({ state: 'connected' });
    void host.closed.then((reason) => {
      if (this.connection !== connection || this.disposed) return;
      this.serverStopped = reason === SERVER_EXITED;
      const why = this.serverStopped ? 'its grove server was stopped; waiting for one to start there' : connection.lastError() ?? reason;
      this.drop();
      this.retry('reconnecting', why);
    });
  }

  private retry(state: HostState, reason: string): void {
    if (this.disposed) return;
    this.stateSubject.next({ state, reason });
    this.showOffline();
    this.timer = setTimeout(() => void this.tryConnect(), reconnectDelayMs(this.attempt++));
  }

  private drop(): void {
    this.subscriptions.forEach((subscription) => subscription.unsubscribe());
    this.subscriptions = [];
    this.connection?.close();
    this.connection = undefined;
  }

  /** The server's list: kept until the next, and what is kept for sessions follows it. */
  private listed(list: readonly SessionInfo[]): void {
    const ids = new Set(list.map((session) => session.id));
    for (const id of [...this.sizes.keys(), ...this.lastFrames.keys()]) {
      if (!ids.has(id)) [this.sizes.delete(id), this.lastFrames.delete(id)];
    }
    this.sessionsSubject.next(list);
  }

  private showOffline(): void {
    const note = `${this.name}: ${this.describe()}`;
    for (const id of this.watched) {
      const frame = this.lastFrames.get(id);
      if (frame) this.framesSubject.next({ id, frame: offlineFrame(frame, note) });
    }
  }
}
