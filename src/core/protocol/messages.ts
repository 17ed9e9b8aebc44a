/**
 * The messages between grove's clients (the TUI, the command line) and its server.
 *
 * A connection opens with `hello` carrying the protocol version; the server answers `welcome` or, for any
 * other version, `refused` and closes, so mismatched builds say so instead of misreading each other.
 * After that the client sends requests (answered by `response` with the same id) and fire-and-forget
 * input, resize and watch messages; the server pushes session lists, frames of watched sessions, bells,
 * clipboard contents programs set, the paste buffer's length (with the welcome, then at each change), and
 * key commands a command line asked the attached UI to run (each answered with `ran`).
 * Bump PROTOCOL_VERSION whenever a message changes shape.
 *
 * The server checks every client message against message-schema.ts before acting on it; the types here
 * are what both sides write, and the schema is checked against them when grove compiles.
 */
import type { FrameUpdate } from './frame-delta.js';
import type { SessionInfo } from '../session/session.js';

export const PROTOCOL_VERSION = 15;

export type ClientMessage =
  /** `env`: the client's environment; the sessions it starts or relaunches run with it, as tmux's do. */
  /** `grove`: the client's grove version, so a refusal can name both sides' versions. */
  | { t: 'hello'; version: number; pid: number; cwd: string; env?: Readonly<Record<string, string>>; grove?: string }
  | { t: 'request'; id: number; method: string; params: unknown }
  | { t: 'input'; session: string; data: string }
  | { t: 'resize'; session: string; cols: number; rows: number }
  | { t: 'watch'; sessions: string[] }
  /** The user focused this session: the next client to attach starts on it (tmux's most recent session). */
  | { t: 'focus'; session: string }
  /** The client ran the server's `command` of that id, or says why it could not. */
  | { t: 'ran'; id: number; error?: string };

export type ServerMessage =
  /**
   * `notices`: what the server has to tell the first client after it started (a state file set aside).
   * `focus`: the session some client focused last, for a client attaching without naming one.
   * `home`: the user's home folder on the server's machine, where another machine's UI starts sessions.
   */
  | { t: 'welcome'; version: number; serverPid: number; notices?: readonly string[]; focus?: string; home?: string }
  | { t: 'refused'; version: number; reason: string; grove?: string }
  /** The server is stopping (`grove server stop`): the connection closes next, and that is no error. */
  | { t: 'exiting' }
  | { t: 'response'; id: number; ok: true; result: unknown }
  | { t: 'response'; id: number; ok: false; error: string }
  | { t: 'sessions'; sessions: readonly SessionInfo[] }
  | { t: 'frame'; session: string; frame: FrameUpdate }
  | { t: 'bell'; session: string }
  /** A program set the clipboard (OSC 52), and the server's settings let it reach the user's terminal. */
  | { t: 'clipboard'; session: string; text: string }
  /** The paste buffer's length in characters, 0 when it is empty: enough for `prefix ]` to know it can paste. */
  | { t: 'buffer'; length: number }
  /** Run this key command, as if its key were pressed (on `session` rather than the focused one); answer with `ran`. */
  | { t: 'command'; id: number; name: string; session?: string; args: readonly string[] };

/** Why a client's first message can't start a session with this server (grove `serverGrove`), or undefined if it can. */
export function helloProblem(message: ClientMessage, serverGrove: string): string | undefined {
  if (message.t !== 'hello') return 'the first message must be hello';
  if (message.version !== PROTOCOL_VERSION) {
    return `the grove server (grove ${serverGrove}) speaks protocol ${PROTOCOL_VERSION} but this client (grove ${message.grove ?? 'older than 0.1'}) ` +
      `speaks ${message.version}: stop the server with \`grove server stop\` (its sessions end) or run the grove that started it`;
  }
  return undefined;
}

/**
 * What a client says when a server of another version refuses it (or welcomes it in another protocol):
 * both sides' versions, and what to do — on another machine, install the same grove; here, stop the old
 * server or run the grove that started it.
 */
export function versionSkew(where: string | undefined, server: { version: number; grove?: string | undefined }, clientGrove: string): string {
  const theirs = `${server.grove ? `grove ${server.grove}` : 'another grove'}, protocol ${server.version}`;
  const ours = `this is grove ${clientGrove}, protocol ${PROTOCOL_VERSION}`;
  if (where !== undefined) return `${where} runs ${theirs}; ${ours}: install the same grove on both`;
  return `the grove server runs ${theirs}; ${ours}: stop it with \`grove server stop\` (its sessions end) or run the grove that started it`;
}
