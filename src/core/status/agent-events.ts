/**
 * What an agent says about itself: its lifecycle hooks, read into one small vocabulary.
 *
 * Claude Code, Codex and Gemini CLI run a command at points of their own loop (a prompt submitted, a tool
 * about to run, a permission asked, a turn ended), each under its own event names and with its own JSON.
 * `grove hook EVENT` passes the name and the JSON's few useful fields to the server; this module turns them
 * into an AgentEvent, which says the status the agent is in from that moment and, where the agent tells,
 * the id of its conversation (so a relaunch resumes exactly that one).
 *
 * Such a status is better evidence than any screen rule — the agent knows when its turn ended — so the
 * tracker publishes it at once, without the debounce screens need. Only a question on screen beats it
 * (status-tracker.ts): a permission menu drawn without a hook is still the user's to answer.
 */
import type { RawStatus } from './rules.js';

/** The events grove understands, by the names the agents give them (Claude Code's, Codex's, Gemini CLI's). */
const EVENT_STATUS: Readonly<Record<string, RawStatus | null>> = {
  // The agent is up and its prompt is ready.
  SessionStart: 'idle',
  // A turn starts.
  UserPromptSubmit: 'working',
  BeforeAgent: 'working',
  // Tools run inside a turn; after a permission was granted, the next tool event is the first sign of work.
  PreToolUse: 'working',
  PostToolUse: 'working',
  BeforeTool: 'working',
  AfterTool: 'working',
  // The agent asks the user something.
  PermissionRequest: 'waiting',
  // A turn ends: Claude's Stop, Gemini's AfterAgent, Codex's notify program.
  Stop: 'idle',
  AfterAgent: 'idle',
  'agent-turn-complete': 'idle',
  // The program is on its way out; its exit is what counts.
  SessionEnd: null,
  // Its meaning is in the payload (notificationStatus).
  Notification: null,
};

export const AGENT_EVENTS: readonly string[] = Object.keys(EVENT_STATUS);

/** One hook call, as the `hook` request carries it. */
export interface AgentReport {
  readonly event: string;
  /** The agent's own conversation id (Claude's and Gemini's session_id, Codex's thread-id), if given. */
  readonly conversation?: string;
  /** Notification hooks: what kind (Claude's notification_type, Gemini's notification_type). */
  readonly notification?: string;
}

/** What the hook payload's fields are called, agent by agent; the first present wins. */
const CONVERSATION_FIELDS = ['session_id', 'thread-id', 'thread_id', 'sessionId'] as const;
const NOTIFICATION_FIELDS = ['notification_type', 'notificationType', 'type'] as const;

/** The report in a hook's payload (JSON on stdin, or Codex's JSON argument); fields that are not strings are ignored. */
export function agentReport(event: string, payload: unknown): AgentReport {
  const fields = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
  const pick = (names: readonly string[]) => names.map((name) => fields[name]).find((value): value is string => typeof value === 'string' && value !== '');
  const conversation = pick(CONVERSATION_FIELDS);
  const notification = event === 'Notification' ? pick(NOTIFICATION_FIELDS) : undefined;
  return {
    event,
    ...(conversation !== undefined && conversationIdProblem(conversation) === undefined ? { conversation } : {}),
    ...(notification !== undefined ? { notification } : {}),
  };
}

/**
 * The status a report puts the session in, or undefined when it says nothing about it. Notifications are
 * sorted by kind: a permission prompt is a question; "waiting for your input" after a minute of quiet is
 * the rest that the turn's end already reported.
 */
export function reportedStatus(report: AgentReport): RawStatus | undefined {
  if (report.event !== 'Notification') return EVENT_STATUS[report.event] ?? undefined;
  const kind = (report.notification ?? '').toLowerCase();
  if (/permission|approval|elicitation/.test(kind)) return 'waiting';
  if (/idle/.test(kind)) return 'idle';
  return undefined;
}

/**
 * Why a conversation id cannot be put on an agent's command line, or undefined. Ids are UUIDs or similar
 * tokens; anything else (an option, a path, control characters) is refused rather than passed on.
 */
export function conversationIdProblem(id: string): string | undefined {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/.test(id)) return `not a conversation id: ${JSON.stringify(id.slice(0, 40))}`;
  return undefined;
}
