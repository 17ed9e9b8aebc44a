/**
 * Which sessions need the user: those that have just started waiting for an answer or have just ended,
 * and, for `prefix w`, the one that has waited longest. Pure: the client turns events into a bell, a
 * desktop notification and a mark in the sidebar.
 */
import type { SessionInfo } from './session.js';

export interface AttentionEvent {
  readonly kind: 'waiting' | 'exited';
  readonly session: SessionInfo;
}

/** Sessions whose status has just become `waiting` or `exited` (a session seen for the first time counts only if it already exited). */
export function attentionEvents(previous: readonly SessionInfo[], next: readonly SessionInfo[]): AttentionEvent[] {
  const before = new Map(previous.map((s) => [s.id, s.status]));
  const events: AttentionEvent[] = [];
  for (const session of next) {
    const was = before.get(session.id);
    if (was === undefined || was === session.status) continue;
    if (session.status === 'waiting') events.push({ kind: 'waiting', session });
    if (session.status === 'exited') events.push({ kind: 'exited', session });
  }
  return events;
}

/** The session that has been waiting longest, if any is waiting. */
export function longestWaiting(sessions: readonly SessionInfo[]): SessionInfo | undefined {
  let found: SessionInfo | undefined;
  for (const session of sessions) {
    if (session.status === 'waiting' && (!found || session.statusSince < found.statusSince)) found = session;
  }
  return found;
}

/** One line for a notification: "api is waiting for you", "tests exited with status 1". */
export function attentionText(event: AttentionEvent): string {
  const { session } = event;
  if (event.kind === 'waiting') return `${session.name} is waiting for you`;
  return session.signal ? `${session.name} was killed by signal ${session.signal}` : `${session.name} exited with status ${session.exitCode ?? 0}`;
}

/**
 * The escape sequence for a desktop notification, by what the terminal understands: OSC 9 (iTerm2,
 * WezTerm, kitty, Windows Terminal, ghostty) or OSC 777 (urxvt, foot, konsole, VTE terminals). Control
 * characters are removed from the text, so a session name cannot end the sequence early.
 */
export function desktopNotification(env: Readonly<Record<string, string | undefined>>, title: string, body: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f;]/g, ' ');
  const program = env.TERM_PROGRAM ?? '';
  const osc9 = ['iTerm.app', 'WezTerm', 'ghostty'].includes(program) || env.WT_SESSION !== undefined || (env.TERM ?? '').includes('kitty');
  return osc9 ? `\x1b]9;${clean(title)}: ${clean(body)}\x07` : `\x1b]777;notify;${clean(title)};${clean(body)}\x07`;
}
