/**
 * This machine's server and other machines' (host-link.ts), as the one SessionHost the UI talks to.
 *
 * A remote session is named here `host/id` (core/hosts/remote.ts) and carries its machine and the link's
 * state in `place`; every call that names a session goes to the server holding it, under the id that
 * server gave it. Lists, frames, bells and clipboard writes come from all of them, renamed on the way.
 * Key commands from a command line come only from this machine's server: another machine's scripts
 * drive that machine's UI.
 */
import { combineLatest, map, merge, type Observable } from 'rxjs';
import type { HostConfig } from '../../core/config/config.js';
import { placedId, splitPlacedId, type SessionPlace } from '../../core/hosts/remote.js';
import type { PaneFrame } from '../../core/screen/frame.js';
import type { LineSlice } from '../../core/screen/line-slice.js';
import type { CaptureOptions, ClipboardEvent, CommandRequest, CreateSessionRequest, FrameEvent, SessionHost } from '../../core/session/host.js';
import type { SessionInfo } from '../../core/session/session.js';
import type { RemoteHost } from '../remote-host.js';
import type { HostLink } from './host-link.js';

/** A machine of the config's hosts and its link's state, for the sidebar. */
export type MachineState = SessionPlace;

/** Where the UI may start a session besides this machine, and how each link is. */
export interface Machines {
  readonly names: readonly string[];
  readonly states$: Observable<readonly MachineState[]>;
  createOn(machine: string, request: CreateSessionRequest): Promise<SessionInfo>;
}

export class HostSet implements SessionHost, Machines {
  readonly sessions$: Observable<readonly SessionInfo[]>;
  readonly frames$: Observable<FrameEvent>;
  readonly bells$: Observable<string>;
  readonly clipboard$: Observable<ClipboardEvent>;
  readonly commands$: Observable<CommandRequest>;
  readonly states$: Observable<readonly MachineState[]>;
  private readonly links: ReadonlyMap<string, HostLink>;

  constructor(
    private readonly local: RemoteHost,
    links: readonly HostLink[],
    private readonly configs: Readonly<Record<string, HostConfig>>,
  ) {
    this.links = new Map(links.map((link) => [link.name, link]));
    const placed = links.map((link) =>
      combineLatest([link.sessions$, link.state$]).pipe(
        map(([list, state]) => list.map((session) => this.placed(link.name, session, state))),
      ),
    );
    this.sessions$ = combineLatest([local.sessions$, ...placed]).pipe(map((lists) => lists.flat()));
    this.frames$ = merge(local.frames$, ...links.map((link) => link.frames$.pipe(map((event) => ({ id: placedId(link.name, event.id), frame: event.frame })))));
    this.bells$ = merge(local.bells$, ...links.map((link) => link.bells$.pipe(map((id) => placedId(link.name, id)))));
    this.clipboard$ = merge(local.clipboard$, ...links.map((link) => link.clipboard$.pipe(map((event) => ({ ...event, id: placedId(link.name, event.id) })))));
    this.commands$ = local.commands$;
    this.states$ = combineLatest(links.map((link) => link.state$.pipe(map((state) => ({ name: link.name, ...state })))));
  }

  get names(): readonly string[] {
    return [...this.links.keys()];
  }

  create(request: CreateSessionRequest): Promise<SessionInfo> {
    return this.local.create(request);
  }

  /** A session on another machine, in the host's configured folder (else that user's home folder). */
  async createOn(machine: string, request: CreateSessionRequest): Promise<SessionInfo> {
    const link = this.linkNamed(machine);
    await link.ready();
    const home = link.host?.home;
    const configured = this.configs[machine]?.cwd;
    // `~/src/api` in the config is that machine's home, which its server told this link.
    const cwd = configured === undefined ? home : home && /^~(\/|$)/u.test(configured) ? home + configured.slice(1) : configured;
    if (!cwd) throw new Error(`${machine} did not say its home folder: set hosts.${machine}.cwd to a full path`);
    const { args, env, statusRules, ...rest } = request;
    const params = { ...rest, cwd, args: [...args], ...(env ? { env: { ...env } } : {}), ...(statusRules ? { statusRules: [...statusRules] } : {}) };
    return this.placed(machine, await link.request('create', params), link.state);
  }

  input(id: string, data: string): void {
    const remote = this.route(id);
    if (remote) remote.link.input(remote.id, data);
    else this.local.input(id, data);
  }

  resize(id: string, cols: number, rows: number): void {
    const remote = this.route(id);
    if (remote) remote.link.resize(remote.id, cols, rows);
    else this.local.resize(id, cols, rows);
  }

  watch(ids: readonly string[]): void {
    const byLink = new Map<HostLink, string[]>([...this.links.values()].map((link) => [link, []]));
    const local: string[] = [];
    for (const id of ids) {
      const remote = this.route(id);
      if (remote) byLink.get(remote.link)!.push(remote.id);
      else local.push(id);
    }
    this.local.watch(local);
    for (const [link, remoteIds] of byLink) link.watch(remoteIds);
  }

  focused(id: string): void {
    if (!this.route(id)) this.local.focused(id);
  }

  async kill(id: string): Promise<void> {
    const remote = this.route(id);
    if (remote) await remote.link.request('kill', { session: remote.id });
    else await this.local.kill(id);
  }

  async relaunch(id: string): Promise<SessionInfo> {
    const remote = this.route(id);
    if (!remote) return this.local.relaunch(id);
    return this.placed(remote.link.name, await remote.link.request('relaunch', { session: remote.id }), remote.link.state);
  }

  async snapshot(id: string): Promise<PaneFrame | undefined> {
    const remote = this.route(id);
    if (!remote) return this.local.snapshot(id);
    return (await remote.link.request('snapshot', { session: remote.id })) ?? undefined;
  }

  async capture(id: string, options: CaptureOptions): Promise<string> {
    const remote = this.route(id);
    return remote ? remote.link.request('capture', { session: remote.id, ...options }) : this.local.capture(id, options);
  }

  async lines(id: string, from: number, count: number): Promise<LineSlice | undefined> {
    const remote = this.route(id);
    if (!remote) return this.local.lines(id, from, count);
    return (await remote.link.request('lines', { session: remote.id, from, count })) ?? undefined;
  }

  /** The link and the id there of a session of another machine; undefined for this machine's. */
  route(id: string): { link: HostLink; id: string } | undefined {
    const split = splitPlacedId(id);
    const link = split && this.links.get(split.host);
    return link && split ? { link, id: split.id } : undefined;
  }

  async dispose(): Promise<void> {
    for (const link of this.links.values()) link.dispose();
    await this.local.dispose();
  }

  private linkNamed(name: string): HostLink {
    const link = this.links.get(name);
    if (!link) throw new Error(`no host named ${name} in the config`);
    return link;
  }

  private placed(name: string, session: SessionInfo, state: { state: SessionPlace['state']; reason?: string }): SessionInfo {
    return { ...session, id: placedId(name, session.id), place: { name, state: state.state, ...(state.reason ? { reason: state.reason } : {}) } };
  }
}
