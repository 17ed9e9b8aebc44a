/**
 * What the server accepts from a client, checked before it acts: the shape of each ClientMessage, with
 * bounds (session ids of at most 64 characters, pane sizes within limits.ts). Only the server loads this; a
 * client writes messages of the types in messages.ts, which this schema is held to when grove compiles.
 */
import { z } from 'zod';
import { MAX_CLIENT_ENV_BYTES, MAX_PANE_COLS, MAX_PANE_ROWS } from './limits.js';
import type { ClientMessage } from './messages.js';

const sessionId = z.string().min(1).max(64);
const cols = z.number().int().min(1).max(MAX_PANE_COLS);
const rows = z.number().int().min(1).max(MAX_PANE_ROWS);
const clientEnv = z
  .record(z.string().min(1).regex(/^[^=\0]+$/u), z.string().regex(/^[^\0]*$/u))
  .refine((env) => Object.entries(env).reduce((sum, [k, v]) => sum + k.length + v.length + 2, 0) <= MAX_CLIENT_ENV_BYTES, {
    message: `an environment of at most ${MAX_CLIENT_ENV_BYTES} bytes`,
  });

export const clientMessageSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('hello'), version: z.number().int(), pid: z.number().int(), cwd: z.string(), env: clientEnv.optional(), grove: z.string().max(100).optional() }),
  z.object({ t: z.literal('request'), id: z.number().int(), method: z.string(), params: z.unknown() }),
  z.object({ t: z.literal('input'), session: sessionId, data: z.string() }),
  z.object({ t: z.literal('resize'), session: sessionId, cols, rows }),
  z.object({ t: z.literal('watch'), sessions: z.array(sessionId).max(10_000) }),
  z.object({ t: z.literal('focus'), session: sessionId }),
  z.object({ t: z.literal('ran'), id: z.number().int(), error: z.string().max(1000).optional() }),
]);

/** `true` exactly when A and B are the same type: for checks that fail to compile when two declarations drift apart. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Fails to compile when the schema and the ClientMessage type drift apart. */
const SCHEMA_MATCHES_TYPES: Same<z.infer<typeof clientMessageSchema>, ClientMessage> = true;
void SCHEMA_MATCHES_TYPES;
