/**
 * The messages between grove's clients (the TUI, the command line) and its server.
 *
 * A connection opens with `hello` carrying the protocol version; the server answers `welcome` or, for any
 * other version, `refused` and closes, so mismatched builds say so instead of misreading each other.
 * After that the client sends requests (answered by `response` with the same id) and fire-and-forget
 * input, resize and watch messages; the server pushes session lists, frames of watched sessions, bells,
 * clipboard contents programs set, and the paste buffer's length (with the welcome, then at each change).
 * Bump PROTOCOL_VERSION whenever a message changes shape.
 */
import { z } from 'zod';
import type { FrameUpdate } from './frame-delta.js';
import type { SessionInfo } from '../session/session.js';

export const PROTOCOL_VERSION = 4;

const sessionId = z.string().min(1).max(64);
const size = z.number().int().min(1).max(10_000);

export const clientMessageSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('hello'), version: z.number().int(), pid: z.number().int(), cwd: z.string() }),
  z.object({ t: z.literal('request'), id: z.number().int(), method: z.string(), params: z.unknown() }),
  z.object({ t: z.literal('input'), session: sessionId, data: z.string() }),
  z.object({ t: z.literal('resize'), session: sessionId, cols: size, rows: size }),
  z.object({ t: z.literal('watch'), sessions: z.array(sessionId).max(10_000) }),
]);

export type ClientMessage = z.infer<typeof clientMessageSchema>;

export type ServerMessage =
  | { t: 'welcome'; version: number; serverPid: number }
  | { t: 'refused'; version: number; reason: string }
  | { t: 'response'; id: number; ok: true; result: unknown }
  | { t: 'response'; id: number; ok: false; error: string }
  | { t: 'sessions'; sessions: readonly SessionInfo[] }
  | { t: 'frame'; session: string; frame: FrameUpdate }
  | { t: 'bell'; session: string }
  /** A program set the clipboard (OSC 52), and the server's settings let it reach the user's terminal. */
  | { t: 'clipboard'; session: string; text: string }
  /** The paste buffer's length in characters, 0 when it is empty: enough for `prefix ]` to know it can paste. */
  | { t: 'buffer'; length: number };

/** Why a client's first message can't start a session with this server, or undefined if it can. */
export function helloProblem(message: ClientMessage): string | undefined {
  if (message.t !== 'hello') return 'the first message must be hello';
  if (message.version !== PROTOCOL_VERSION) {
    return `the grove server speaks protocol ${PROTOCOL_VERSION} but this client speaks ${message.version}: ` +
      'stop the server with `grove server stop` (its sessions end) or run the grove that started it';
  }
  return undefined;
}
