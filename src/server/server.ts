/**
 * The grove server: the long-lived process that owns every session, so that agents keep running when the
 * UI closes, the terminal dies or the SSH connection drops.
 *
 * It listens on a private unix socket, speaks the protocol in src/core/protocol to any number of clients,
 * and keeps the session records in the state file. Pane sizes follow the client that most recently typed
 * (or attached), like tmux's window-size "latest". When its socket is taken by a dead server's leftover
 * file it replaces it; when a live server answers there it refuses to start.
 */
import type { Socket } from 'node:net';
import type { Subscription } from 'rxjs';
import { pasteBufferProblem } from '../core/copy-mode/paste-buffer.js';
import { MAX_CONNECTIONS } from '../core/protocol/limits.js';
import { listenOnSocket, type SocketListener } from '../io/socket-listener.js';
import { ClientConnection, type ConnectionOwner } from './client-connection.js';
import type { LocalSessionHost } from './local-host.js';
import { PasteBuffer } from './paste-buffer.js';
import { resolveSession, runRequest } from './request-table.js';
import type { CheckpointService } from './checkpoints/checkpoint-service.js';
import type { SessionMover } from './move/session-mover.js';
import type { ChangeService } from './review/change-service.js';
import type { ReviewService } from './review/review-service.js';
import { toRecord, type StateStore } from '../io/state-store.js';
import { isRunning } from '../core/session/session.js';

export interface ServerOptions {
  readonly socketPath: string;
  readonly host: LocalSessionHost;
  readonly store: StateStore;
  /** Worktree sessions and the review loop; without it the server offers workspace sessions only. */
  readonly review?: ReviewService;
  /** Changes, overlaps and conflicts of worktree sessions. */
  readonly changes?: ChangeService;
  readonly checkpoints?: CheckpointService;
  readonly moves?: SessionMover;
  readonly log: (line: string) => void;
  /** What to tell the first client that connects (a state file set aside at start). */
  readonly notices?: readonly string[];
  /** This grove's version, named when a client of another protocol is refused. */
  readonly groveVersion?: string;
  /** The user's home folder here, told to clients (another machine's UI starts sessions in it by default). */
  readonly home?: string | undefined;
}

export class GroveServer implements ConnectionOwner {
  private readonly connections = new Set<ClientConnection>();
  private active: ClientConnection | undefined;
  private listener: SocketListener | undefined;
  private persist: Subscription | undefined;
  private programCopies: Subscription | undefined;
  private stopping: Promise<void> | undefined;
  /** Connections are being refused (MAX_CONNECTIONS reached) and the log has said so. */
  private refusing = false;
  private resolveStopped!: () => void;
  /** The one paste buffer, shared by every client and kept across their detaches. */
  readonly buffer = new PasteBuffer();
  /** Resolves once the server has stopped. */
  readonly stopped = new Promise<void>((resolve) => (this.resolveStopped = resolve));

  /** What the next client to connect is told once; then nothing. */
  private notices: readonly string[];
  /** The session a client focused last (tmux's most recent session), for a client attaching without a target. */
  private focus: string | undefined;

  constructor(private readonly options: ServerOptions) {
    this.notices = options.notices ?? [];
  }

  focused(session: string): void {
    if (this.host.has(session)) this.focus = session;
  }

  get lastFocus(): string | undefined {
    return this.focus !== undefined && this.host.has(this.focus) ? this.focus : undefined;
  }

  get groveVersion(): string {
    return this.options.groveVersion ?? 'unknown';
  }

  get home(): string | undefined {
    return this.options.home;
  }

  takeNotices(): readonly string[] {
    const notices = this.notices;
    this.notices = [];
    return notices;
  }

  get host(): LocalSessionHost {
    return this.options.host;
  }

  async listen(): Promise<void> {
    const { socketPath } = this.options;
    this.listener = await listenOnSocket(socketPath, (socket) => this.accept(socket), (line) => this.log(line));
    this.persist = this.host.sessions$.subscribe((sessions) => {
      try {
        this.options.store.save(sessions.map((s) => toRecord(s, this.host.statusRulesOf(s.id))));
      } catch (err) {
        this.log(`could not write the state file: ${(err as Error).message}`);
      }
    });
    // As tmux's set-clipboard does, what a program puts on the clipboard becomes the paste buffer too (the
    // host publishes such text only when programs may set the clipboard). An empty text changes nothing.
    this.programCopies = this.host.clipboard$.subscribe(({ text }) => {
      if (!pasteBufferProblem(text)) this.buffer.set(text);
    });
    this.log(`listening on ${socketPath} (pid ${process.pid})`);
  }

  /**
   * Ends every session, removes the socket, and only then hangs up on the clients: a client that asked
   * for the stop and waits for its connection to close knows the server is gone. The sessions that were
   * running stay in the state file, so the next server lists them as dead and the next UI offers to bring
   * them back, each resuming its own conversation; those that had already ended are forgotten.
   */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.log('stopping');
      this.listener?.close();
      this.persist?.unsubscribe();
      const running = this.host.list().filter(isRunning).map((s) => toRecord(s, this.host.statusRulesOf(s.id)));
      this.programCopies?.unsubscribe();
      await this.host.dispose();
      this.options.changes?.dispose();
      // The sessions' last turns are being committed and their worktrees unlocked: let that finish.
      await this.options.review?.dispose();
      await this.options.checkpoints?.dispose();
      this.options.store.save(running);
      this.listener?.removeIfOurs();
      this.log('stopped');
      // Last: a client waiting for `grove server stop` sees its connection close only once all is done.
      for (const connection of [...this.connections]) connection.closeForExit();
      this.resolveStopped();
    })();
    return this.stopping;
  }

  handleRequest(connection: ClientConnection, method: string, params: unknown): Promise<unknown> {
    return runRequest(method, params, {
      ...(connection.clientEnv ? { clientEnv: connection.clientEnv } : {}),
      host: this.host,
      ...(this.options.review ? { review: this.options.review } : {}),
      ...(this.options.changes ? { changes: this.options.changes } : {}),
      ...(this.options.checkpoints ? { checkpoints: this.options.checkpoints } : {}),
      ...(this.options.moves ? { moves: this.options.moves } : {}),
      buffer: this.buffer,
      resolve: (query) => resolveSession(this.host, query),
      runInClient: (name, session, args) => this.runInClient(name, session, args),
      defaultSize: () => this.defaultSize(),
      stop: () => void this.stop(),
    });
  }

  becameActive(connection: ClientConnection): void {
    // Only a client that lays out panes (an attached UI) governs sizes; `grove send` does not.
    if (this.active === connection || connection.sizes.size === 0) return;
    this.active = connection;
    for (const [id, size] of connection.sizes) this.resize(connection, id, size);
  }

  resized(connection: ClientConnection, session: string, cols: number, rows: number): void {
    const first = connection.sizes.size === 0;
    connection.sizes.set(session, { cols, rows });
    // A client that has just attached is the most recent one, as if it had typed.
    if (!this.active || first) this.active = connection;
    if (this.active === connection) this.resize(connection, session, { cols, rows });
  }

  /** A pane the client shows is resized now; the others wait their turn (background-resizes.ts). */
  private resize(connection: ClientConnection, session: string, size: { cols: number; rows: number }): void {
    if (connection.watches(session)) this.host.resize(session, size.cols, size.rows);
    else this.host.resizeInBackground(session, size.cols, size.rows);
  }

  closed(connection: ClientConnection): void {
    this.connections.delete(connection);
    if (this.active === connection) {
      this.active = undefined;
      const next = [...this.connections].pop();
      if (next) this.becameActive(next);
    }
  }

  log(line: string): void {
    this.options.log(line);
  }

  private accept(socket: Socket): void {
    if (this.connections.size >= MAX_CONNECTIONS) {
      // Said once per burst: a flood of connections must not become a flood of log lines.
      if (!this.refusing) this.log(`refusing connections: ${MAX_CONNECTIONS} are open already`);
      this.refusing = true;
      socket.destroy();
      return;
    }
    this.refusing = false;
    this.connections.add(new ClientConnection(socket, this));
  }

  /** The UI whose user typed last runs it (tmux's current client), else the UI attached last. */
  private runInClient(name: string, session: string | undefined, args: readonly string[]): Promise<void> {
    const ui = this.active ?? [...this.connections].reverse().find((connection) => connection.isUi);
    if (!ui) throw new Error(`${name} runs in the grove UI, and none is attached: \`grove\` starts one`);
    return ui.runCommand(name, session, args);
  }

  private defaultSize(): { cols: number; rows: number } | undefined {
    const sizes = this.active ? [...this.active.sizes.values()] : [];
    return sizes[0];
  }
}

