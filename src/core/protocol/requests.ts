/**
 * The requests a client can make of the server, one row each: the method name, the shape of its
 * parameters (REQUESTS) and the type of its answer (RequestResults). The server validates every request
 * against this table before acting on it, so a malformed or hostile message is answered with an error and
 * never reaches a session; its handlers and the client's `request()` are typed by the same rows, so an
 * answer's shape is checked at both ends. test/unit/protocol-shapes.test.ts holds the parameter shapes to
 * PROTOCOL_VERSION.
 */
import { MAX_COMMENT_CHARS, MAX_QUOTE_LINES, type ReviewComment } from '../review/feedback.js';
import { z } from 'zod';
import type { MoveOutcome } from '../move/move.js';
import { MAX_OWNER_CHARS, type Checkpoint, type UndoOutcome } from '../checkpoints/checkpoint.js';
import { pasteBufferProblem } from '../copy-mode/paste-buffer.js';
import type { PruneItemResult, PruneScan } from '../git/prune-report.js';
import type { PushOutcome, RemoveOutcome, SessionDiff, SyncPreview } from '../git/review.js';
import type { ConflictReport } from '../review/conflict-report.js';
import type { MergeResult, MergeReview, RemovalReport, SyncResult, TurnCommit } from '../review/review-port.js';
import type { PaneFrame } from '../screen/frame.js';
import type { LineSlice } from '../screen/line-slice.js';
import type { CheckResult, SessionInfo } from '../session/session.js';
import { AGENT_EVENTS } from '../status/agent-events.js';
import { MAX_PANE_COLS, MAX_PANE_ROWS } from './limits.js';
import type { Same } from './message-schema.js';

const session = z.string().min(1).max(64);
const path = z.string().min(1).max(4096);
/** A branch or ref as typed; the engine checks it against git's rules before git sees it. */
const ref = z.string().min(1).max(255);
/** Text for the paste buffer: not empty, and at most its 1 MiB of UTF-8. */
const pasteText = z.string().superRefine((text, context) => {
  const problem = pasteBufferProblem(text);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});
const argList = z.array(z.string().max(65_536)).max(1000);
const relaunchPlan = z.object({ before: argList.readonly(), after: argList.readonly(), resumeById: argList.readonly().optional(), resumeLast: argList.readonly() });
const pruneTarget = z.object({ path, confirmedLoss: z.boolean().optional(), deleteBranch: z.boolean().optional() });

export const REQUESTS = {
  create: z.object({
    name: z.string().max(200).optional(),
    command: z.string().min(1).max(4096),
    args: argList,
    cwd: z.string().min(1).max(4096),
    cols: z.number().int().min(1).max(MAX_PANE_COLS).optional(),
    rows: z.number().int().min(1).max(MAX_PANE_ROWS).optional(),
    isolation: z.enum(['workspace', 'worktree']).optional(),
    agent: z.string().max(100).optional(),
    statusRules: z.array(z.object({
      status: z.enum(['working', 'waiting', 'idle']),
      match: z.string().max(1000),
      flags: z.string().max(10).optional(),
      in: z.enum(['screen', 'lastLine', 'cursor', 'title']).optional(),
      lines: z.number().int().min(1).max(1000).optional(),
      foreground: z.enum(['program', 'job']).optional(),
    })).max(100).optional(),
    typePrompt: z.string().max(100_000).optional(),
    env: z.record(z.string(), z.string()).optional(),
    relaunch: relaunchPlan.optional(),
    startConversation: argList.readonly().optional(),
    /** Worktree isolation only: the branch to create or reuse, and the ref to start it from. */
    branch: ref.optional(),
    base: ref.optional(),
    /** The fan-out it is a variant of (core/review/fanout.ts). */
    group: z.string().min(1).max(64).optional(),
    /** Worktree isolation only: a plan handed to the agent, written into the worktree (core/review/fanout.ts). */
    plan: z.string().min(1).max(1_048_576).optional(),
  }),
  kill: z.object({ session }),
  conflicts: z.object({ cwd: z.string().min(1).max(4096) }),
  relaunch: z.object({ session }),
  snapshot: z.object({ session }),
  capture: z.object({ session, ansi: z.boolean(), scrollback: z.boolean() }),
  lines: z.object({ session, from: z.number().int(), count: z.number().int().min(0).max(100_000) }),
  list: z.object({}),
  stop: z.object({}),
  /** Text typed into a session and, with `enter`, submitted (answered once Enter has been written). */
  send: z.object({ session, text: z.string().max(1_048_576), enter: z.boolean() }),
  /** An agent's lifecycle report, from `grove hook` in its session (core/status/agent-events.ts). */
  hook: z.object({
    session,
    token: z.string().min(1).max(200),
    event: z.enum(AGENT_EVENTS as [string, ...string[]]),
    conversation: z.string().max(200).optional(),
    notification: z.string().max(200).optional(),
  }),
  explain: z.object({ session }),
  /**
   * A key command (core/commands/registry.ts) for the attached UI to run, as `grove NAME [SESSION] ARGS`
   * asks: the server hands it to the UI whose user typed last and answers once that UI has run it.
   */
  command: z.object({ name: z.string().min(1).max(100), session: session.optional(), args: z.array(z.string().max(1000)).max(20) }),
  // The review loop (src/core/review/review-port.ts).
  /** What a session changed; with `turn`, what one checkpoint of a workspace session changed. */
  diff: z.object({ session, turn: z.number().int().positive().optional() }),
  /** A workspace session's checkpoints, oldest first. */
  checkpoints: z.object({ session }),
  /** Puts back the files a checkpoint changed (core/checkpoints/checkpoint.ts). */
  undo: z.object({ session, turn: z.number().int().positive().optional(), redo: z.boolean().optional(), confirmed: z.boolean().optional() }),
  /** Moves a session between the checkout and a worktree of its own (core/move/move.ts). */
  move: z.object({ session, to: z.enum(['worktree', 'workspace']), branch: ref.optional(), confirmed: z.boolean().optional() }),
  mergePreview: z.object({ session }),
  merge: z.object({
    session,
    mode: z.enum(['merge', 'squash', 'rebase']),
    onConflict: z.enum(['leave', 'abort']),
    message: z.string().max(10_000).optional(),
  }),
  removalReport: z.object({ session }),
  removeWorktree: z.object({
    session,
    confirmedLoss: z.boolean().optional(),
    deleteBranch: z.boolean().optional(),
    alsoEnd: z.array(session).max(1000).optional(),
  }),
  pruneScan: z.object({ folder: path }),
  prune: z.object({
    folder: path,
    choices: z.object({
      worktrees: z.array(pruneTarget).max(1000).optional(),
      missing: z.array(pruneTarget).max(1000).optional(),
      branches: z.array(z.object({ branch: ref, confirmedLoss: z.boolean().optional() })).max(1000).optional(),
      sessions: z.array(z.object({ id: session })).max(1000).optional(),
      checkpoints: z.array(z.object({ owner: z.string().max(MAX_OWNER_CHARS) })).max(1000).optional(),
    }),
  }),
  commitTurn: z.object({ session }),
  /** One file as two worktree sessions have it now, diffed (a unified diff; '' when they agree). */
  compareFile: z.object({ a: session, b: session, path }),
  /** Runs the repository's check command in a worktree session's worktree (answered when it has finished). */
  check: z.object({ session }),
  syncPreview: z.object({ session }),
  /** Brings a worktree session's branch up to date with its base, in its worktree. */
  sync: z.object({ session, mode: z.enum(['merge', 'rebase']), onConflict: z.enum(['leave', 'abort']), handBack: z.boolean().optional() }),
  /** Pushes a worktree session's branch, upstream set; `force` only as the user typed it. */
  push: z.object({ session, remote: z.string().min(1).max(255).optional(), force: z.boolean().optional() }),
  /** Adds a review comment to a session, or drops some (core/review/feedback.ts bounds them). */
  comment: z.object({ session, change: z.union([
    z.object({ add: z.object({
      path,
      line: z.number().int().min(1),
      endLine: z.number().int().min(1),
      side: z.enum(['new', 'old']),
      text: z.string().max(MAX_COMMENT_CHARS),
      quote: z.array(z.string().max(4000)).max(MAX_QUOTE_LINES),
    }) }),
    z.object({ drop: z.union([z.number().int().min(0), z.literal('all')]) }),
  ]) }),
  /** Types a session's unsent review comments to its agent as one prompt. */
  feedback: z.object({ session }),
  // The paste buffer (src/core/copy-mode/paste-buffer.ts): `getBuffer` answers its text, or null.
  setBuffer: z.object({ text: pasteText }),
  getBuffer: z.object({}),
  pasteBuffer: z.object({ session }),
} as const;

export type RequestMethod = keyof typeof REQUESTS;
export type RequestParams<M extends RequestMethod> = z.infer<(typeof REQUESTS)[M]>;

/** What each request answers (null: nothing but that it was done). */
export interface RequestResults {
  create: SessionInfo;
  kill: null;
  conflicts: ConflictReport;
  relaunch: SessionInfo;
  snapshot: PaneFrame | null;
  capture: string;
  lines: LineSlice | null;
  list: SessionInfo[];
  stop: null;
  /** The server's clock when Enter (or the text) was written: a turn that prompt starts begins after it. */
  send: { sentAt: number };
  hook: null;
  explain: string[];
  command: null;
  diff: SessionDiff;
  checkpoints: Checkpoint[];
  undo: UndoOutcome;
  move: MoveOutcome;
  mergePreview: MergeReview;
  merge: MergeResult;
  removalReport: RemovalReport;
  removeWorktree: RemoveOutcome;
  pruneScan: PruneScan;
  prune: PruneItemResult[];
  commitTurn: TurnCommit;
  compareFile: string;
  check: CheckResult;
  push: PushOutcome;
  syncPreview: SyncPreview;
  sync: SyncResult;
  comment: ReviewComment[];
  feedback: { sent: number };
  setBuffer: null;
  getBuffer: string | null;
  pasteBuffer: null;
}

export type RequestResult<M extends RequestMethod> = RequestResults[M];

/** Every method has an answer type and every answer a method: a row added to one table and not the other fails to compile. */
const TABLES_AGREE: Same<RequestMethod, keyof RequestResults> = true;
void TABLES_AGREE;

export function isRequestMethod(method: string): method is RequestMethod {
  return Object.prototype.hasOwnProperty.call(REQUESTS, method);
}
