/**
 * Text about sessions as the UI shows it: made printable, shortened to fit, folders abbreviated.
 * Session names, commands and titles come from users and programs, so nothing here trusts them.
 */
import type { SessionPlace } from '../hosts/remote.js';
import { printable } from '../text/terminal-text.js';
import type { SessionInfo, SessionStatus } from './session.js';

/** `/home/ann/src/app` → `~/src/app` when under home. */
export function shortenPath(path: string, home: string | undefined): string {
  if (home && home !== '/' && (path === home || path.startsWith(home + '/'))) return '~' + path.slice(home.length);
  return path;
}

export function commandLine(session: SessionInfo): string {
  const quote = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);
  return printable([session.command, ...session.args].map(quote).join(' '));
}

export const STATUS_SYMBOL: Readonly<Record<SessionStatus, string>> = {
  starting: '◌',
  working: '●',
  waiting: '◆',
  idle: '○',
  exited: '✕',
  dead: '†',
};

export function statusLabel(session: SessionInfo): string {
  if (session.status === 'exited') return session.error ? 'failed' : `exit ${session.signal ? 'sig' + session.signal : session.exitCode ?? 0}`;
  return session.status;
}

/** "said: <its last line>", for a program that ended within seconds of starting (SessionInfo.exitLines). */
export function exitNote(session: SessionInfo): string | undefined {
  return session.exitLines?.length ? `said: ${printable(session.exitLines.join(' · '))}` : undefined;
}

/** "turn commit failed: <git's reason>", when the session's last automatic turn commit failed. */
export function turnCommitNote(session: SessionInfo): string | undefined {
  return session.turnCommitFailure ? `turn commit failed: ${printable(session.turnCommitFailure)}` : undefined;
}

/**
 * Shortens `text` to at most `width` columns (ending in … when cut) and pads it to exactly `width`.
 * `measure` gives a string's width in columns (string-width in the app; length in tests).
 */
export function fit(text: string, width: number, measure: (s: string) => number): string {
  if (width <= 0) return '';
  const full = measure(text);
  if (full <= width) return text + ' '.repeat(width - full);
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = measure(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return out + '…' + ' '.repeat(Math.max(0, width - used - 1));
}

/** How long ago, shortly: "<1m", "5m", "2h", "3d". */
export function age(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return '<1m';
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  return hours < 24 ? `${hours}h` : `${Math.floor(hours / 24)}d`;
}

/** A worktree session's changes in a few columns: "+12−3 ↑2"; '' before they are counted. */
export function changesLabel(session: SessionInfo): string {
  const changes = session.changes;
  if (!changes) return '';
  const lines = changes.files ? `+${changes.added}−${changes.removed}` : '±0';
  return changes.ahead ? `${lines} ↑${changes.ahead}` : lines;
}

/**
 * The marks after a session's name: `!` it needs the user (waited or ended while unfocused), `⊘` its last
 * turn commit failed, `≈` another session touched the same files, `✗` its branch would conflict with
 * another's or its base.
 */
export function marks(session: SessionInfo, needsUser: boolean): string {
  return (needsUser ? '!' : '') + (session.turnCommitFailure ? '⊘' : '') + (session.changes?.overlaps.length ? '≈' : '') + (session.changes?.conflicts.length ? '✗' : '');
}

/** Another machine's link in a few words: `reconnecting…`, `unreachable: ssh: connect to host … refused`. */
export function placeLabel(place: SessionPlace): string {
  switch (place.state) {
    case 'connected': return 'connected';
    case 'connecting': return 'connecting…';
    case 'reconnecting': return 'reconnecting…';
    case 'unreachable': return `unreachable: ${printable(place.reason ?? 'no reason given')}`;
  }
}
