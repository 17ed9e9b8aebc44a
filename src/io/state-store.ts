/**
 * The server's memory across restarts: one JSON file of session records, written atomically.
 *
 * Writes go to a temporary file that is fsynced and renamed over the old one (write-file-atomic), so a
 * crash mid-write leaves the previous file, never half of one. A file that can't be read is moved aside
 * (state.json.corrupt-<time>); one whose records are partly bad keeps the good ones and is copied aside as
 * it was. Either way a one-line warning says what was set aside and where (the server hands it to the next
 * client, which prints it); the file is never silently replaced: it may hold the only record of where
 * someone's worktrees are.
 *
 * Sessions change status at every turn of every agent, and each write is an fsync on the server's one
 * thread. So a change of sessions (one made, ended, renamed, given a worktree) is written at once, while a
 * change of status alone waits up to STATUS_WRITE_DELAY_MS and goes out with whatever else changed by then:
 * a crash in that second costs only the last status, which is all the file says about a running session.
 *
 * A record holds what a relaunch needs to start the session as it was first started: its command and
 * folder, its worktree (whose base commit a rebase merge moves), and the status rules a user-defined agent
 * brought in its create request, as given — the host can find a built-in profile again by name, but not a
 * config entry that may have changed or gone since. Fields added since version 1 are optional, so a
 * version 1 file still loads.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import type { SessionInfo } from '../core/session/session.js';
import type { RelaunchPlan } from '../core/agents/launch.js';
import { statusRuleProblem, type StatusRule } from '../core/status/rules.js';

export const STATE_VERSION = 1;

/** Checked as the host checks a create request's rules, so whatever loads also compiles on restore. */
const statusRuleSchema = z
  .object({
    status: z.enum(['working', 'waiting', 'idle']),
    match: z.string(),
    flags: z.string().optional(),
    in: z.enum(['screen', 'lastLine', 'cursor', 'title']).optional(),
    lines: z.number().optional(),
    foreground: z.enum(['program', 'job']).optional(),
  })
  .superRefine((rule, context) => {
    const problem = statusRuleProblem(rule);
    if (problem) context.addIssue({ code: 'custom', message: `status rule /${rule.match}/: ${problem}` });
  });

const recordSchema = z.object({
  id: z.string(),
  name: z.string(),
  command: z.string(),
  args: z.array(z.string()),
  cwd: z.string(),
  isolation: z.enum(['workspace', 'worktree']),
  agent: z.string().default('shell'),
  /** A user-defined agent's own rules, tried before its profile's; absent when it brought none. */
  statusRules: z.array(statusRuleSchema).optional(),
  branch: z.string().optional(),
  /** A worktree session's worktree: without it, grove would forget where the session's work is. */
  worktree: z
    .object({
      repoPath: z.string(),
      worktreePath: z.string(),
      branch: z.string(),
      baseBranch: z.string(),
      baseCommit: z.string(),
    })
    .optional(),
  /** The fan-out it is a variant of. */
  group: z.string().optional(),
  /** The agent's conversation id and how a relaunch resumes it: without them a relaunch starts afresh. */
  conversation: z.string().optional(),
  relaunch: z
    .object({ before: z.array(z.string()), after: z.array(z.string()), resumeById: z.array(z.string()).optional(), resumeLast: z.array(z.string()) })
    .optional(),
  createdAt: z.number(),
  lastStatus: z.string(),
});

/** The file's frame; its records are checked one by one, so one bad record costs only itself. */
const stateSchema = z.object({ version: z.literal(STATE_VERSION), sessions: z.array(z.unknown()) });

export type SessionRecord = z.infer<typeof recordSchema>;

export interface LoadedState {
  readonly records: readonly SessionRecord[];
  /** Set when the file, or some of its records, could not be read: what was set aside and where. */
  readonly warning?: string;
}

/** The record of a session, with the user's own status rules it was started with (LocalSessionHost.statusRulesOf). */
export function toRecord(session: SessionInfo, statusRules: readonly StatusRule[] = []): SessionRecord {
  return {
    id: session.id,
    name: session.name,
    command: session.command,
    args: [...session.args],
    cwd: session.cwd,
    isolation: session.isolation,
    ...(session.worktree ? { worktree: { ...session.worktree } } : {}),
    ...(session.group !== undefined ? { group: session.group } : {}),
    agent: session.agent,
    ...(statusRules.length ? { statusRules: statusRules.map((rule) => ({ ...rule })) } : {}),
    ...(session.conversation !== undefined ? { conversation: session.conversation } : {}),
    ...(session.relaunch ? { relaunch: copyPlan(session.relaunch) } : {}),
    createdAt: session.createdAt,
    lastStatus: session.status,
  };
}

function copyPlan({ before, after, resumeById, resumeLast }: RelaunchPlan): SessionRecord['relaunch'] {
  return { before: [...before], after: [...after], resumeLast: [...resumeLast], ...(resumeById ? { resumeById: [...resumeById] } : {}) };
}

/** " (sessions.1.cwd: expected string)", the first thing zod found wrong. */
function where(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? ` (${issue.path.join('.') || 'top'}: ${issue.message})` : '';
}

/** How long a change of status alone may wait before it is written. */
const STATUS_WRITE_DELAY_MS = 1000;

export class StateStore {
  readonly path: string;
  private lastWritten = '';
  /** The last written records without their statuses: what must never wait. */
  private lastSessions = '';
  private pending: { text: string; timer: NodeJS.Timeout } | undefined;

  private readonly statusDelayMs: number;
  private readonly onWriteError: (err: Error) => void;

  /** `onWriteError` hears of a failed delayed write (a direct `save` throws instead). */
  constructor(folder: string, options: { statusDelayMs?: number; onWriteError?: (err: Error) => void } = {}) {
    this.statusDelayMs = options.statusDelayMs ?? STATUS_WRITE_DELAY_MS;
    this.onWriteError = options.onWriteError ?? (() => undefined);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    this.path = join(folder, 'state.json');
  }

  load(): LoadedState {
    if (!existsSync(this.path)) return { records: [] };
    const aside = `${this.path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    let file: z.infer<typeof stateSchema>;
    try {
      const parsed = stateSchema.safeParse(JSON.parse(readFileSync(this.path, 'utf8')));
      if (!parsed.success) throw new Error(`does not match schema version ${STATE_VERSION}${where(parsed.error)}`);
      file = parsed.data;
    } catch (err) {
      renameSync(this.path, aside);
      return { records: [], warning: `the state file ${this.path} was unreadable (${(err as Error).message}); moved it to ${aside}` };
    }
    const records: SessionRecord[] = [];
    const bad: string[] = [];
    file.sessions.forEach((entry, index) => {
      const parsed = recordSchema.safeParse(entry);
      if (parsed.success) records.push(parsed.data);
      else bad.push(`record ${index + 1}${where(parsed.error)}`);
    });
    if (bad.length === 0) return { records };
    copyFileSync(this.path, aside);
    const count = bad.length === 1 ? '1 session record' : `${bad.length} session records`;
    return { records, warning: `${count} in ${this.path} could not be read (${bad[0]}); kept the other ${records.length}, and the file as it was in ${aside}` };
  }

  /** Writes the records if they differ from what was last written: now, or soon if only statuses changed. */
  save(records: readonly SessionRecord[]): void {
    const text = JSON.stringify({ version: STATE_VERSION, sessions: records }, null, 2) + '\n';
    this.cancelPending();
    if (text === this.lastWritten) return;
    const sessions = JSON.stringify(records.map(({ lastStatus: _status, ...rest }) => rest));
    if (sessions !== this.lastSessions) return this.write(text, sessions);
    const timer = setTimeout(() => {
      try {
        this.flush();
      } catch (err) {
        this.onWriteError(err as Error);
      }
    }, this.statusDelayMs);
    timer.unref();
    this.pending = { text, timer };
  }

  /** Writes a waiting change of status now (when the server stops). */
  flush(): void {
    const pending = this.pending;
    this.cancelPending();
    if (pending) this.write(pending.text, this.lastSessions);
  }

  private write(text: string, sessions: string): void {
    writeFileAtomic.sync(this.path, text, { mode: 0o600, fsync: true });
    this.lastWritten = text;
    this.lastSessions = sessions;
  }

  private cancelPending(): void {
    if (this.pending) clearTimeout(this.pending.timer);
    this.pending = undefined;
  }
}
