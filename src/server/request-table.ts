/**
 * What the server does for each request in the protocol's table (src/core/protocol/requests.ts).
 * Parameters are validated against that table first; a handler's thrown Error becomes the client's
 * one-line error message.
 */
import { findCommand } from '../core/commands/registry.js';
import { findTarget } from '../core/session/targets.js';
import { isRequestMethod, REQUESTS, type RequestMethod, type RequestParams, type RequestResult } from '../core/protocol/requests.js';
import type { LocalSessionHost } from './local-host.js';
import { BUFFER_HANDLERS, type PasteBuffer } from './paste-buffer.js';
import { CHECKPOINT_HANDLERS } from './checkpoints/checkpoint-requests.js';
import { createSession, REVIEW_HANDLERS } from './review/review-requests.js';
import type { CheckpointService } from './checkpoints/checkpoint-service.js';
import type { ChangeService } from './review/change-service.js';
import type { ReviewService } from './review/review-service.js';
import type { SessionMover } from './move/session-mover.js';

export interface RequestContext {
  readonly host: LocalSessionHost;
  /** Worktree sessions and their review; a server without it refuses those requests. */
  readonly review?: ReviewService;
  /** Changes and conflicts of worktree sessions. */
  readonly changes?: ChangeService;
  /** Checkpoints of workspace sessions. */
  readonly checkpoints?: CheckpointService;
  /** Sessions moved between the checkout and worktrees. */
  readonly moves?: SessionMover;
  /** The paste buffer every client shares; a server without it refuses the buffer requests. */
  readonly buffer?: PasteBuffer;
  /** The asking client's environment, which the sessions it starts or relaunches run with. */
  readonly clientEnv?: Readonly<Record<string, string>>;
  /** Resolves a session given as an id or a name (core/session/targets.ts). */
  resolve(session: string): string;
  /** Has the attached UI run a key command (on a session id); rejects with its reason, or when no UI is attached. */
  runInClient?(name: string, session: string | undefined, args: readonly string[]): Promise<void>;
  /** The size new sessions get when the request names none (the active client's focused pane). */
  defaultSize(): { cols: number; rows: number } | undefined;
  stop(): void;
}

export type Handler<M extends RequestMethod> = (params: RequestParams<M>, context: RequestContext) => Promise<RequestResult<M>>;

const HANDLERS: { [M in RequestMethod]: Handler<M> } = {
  create: async (params, context) => {
    const size = params.cols && params.rows ? { cols: params.cols, rows: params.rows } : context.defaultSize();
    return createSession({ ...params, ...size, ...(context.clientEnv ? { clientEnv: context.clientEnv } : {}) }, context);
  },
  kill: async ({ session }, { host, resolve }) => {
    await host.kill(resolve(session));
    return null;
  },
  conflicts: async ({ cwd }, { changes }) => {
    if (!changes) throw new Error('this server does not track worktree sessions');
    return changes.report(cwd);
  },
  relaunch: async ({ session }, { host, resolve, clientEnv }) => host.relaunch(resolve(session), clientEnv),
  snapshot: async ({ session }, { host, resolve }) => (await host.snapshot(resolve(session))) ?? null,
  capture: async ({ session, ansi, scrollback }, { host, resolve }) => host.capture(resolve(session), { ansi, scrollback }),
  lines: async ({ session, from, count }, { host, resolve }) => (await host.lines(resolve(session), from, count)) ?? null,
  list: async (_params, { host }) => [...host.list()],
  // Answered once Enter is written, so a script's next step (`grove wait`) starts after the prompt went in.
  send: async ({ session, text, enter }, { host, resolve }) => {
    await host.submit(resolve(session), text, enter);
    return { sentAt: Date.now() };
  },
  hook: async ({ session, token, ...report }, { host }) => {
    host.report(session, report, token);
    return null;
  },
  explain: async ({ session }, { host, resolve }) => host.explain(resolve(session)),
  command: async ({ name, session, args }, { resolve, runInClient }) => {
    if (!findCommand(name)) throw new Error(`unknown command: ${name}`);
    if (!runInClient) throw new Error('this server runs no UI commands');
    await runInClient(name, session === undefined ? undefined : resolve(session), args);
    return null;
  },
  stop: async (_params, { stop }) => {
    // Answer first, then stop: the client is waiting for this response.
    setImmediate(stop);
    return null;
  },
  ...REVIEW_HANDLERS,
  ...BUFFER_HANDLERS,
  ...CHECKPOINT_HANDLERS,
};

export async function runRequest(method: string, params: unknown, context: RequestContext): Promise<unknown> {
  if (!isRequestMethod(method)) throw new Error(`unknown request: ${method}`);
  const parsed = REQUESTS[method].safeParse(params ?? {});
  if (!parsed.success) throw new Error(`bad ${method} request: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return (HANDLERS[method] as Handler<RequestMethod>)(parsed.data as RequestParams<RequestMethod>, context);
}

/** Finds a session by id or name (core/session/targets.ts: the server lists nothing, so takes no index). */
export function resolveSession(host: LocalSessionHost, query: string): string {
  const found = findTarget(host.list(), undefined, query);
  if (typeof found === 'string') throw new Error(found);
  return found.id;
}
