/**
 * A checkpoint's facts as its commit message: a subject line for `git log`, then the facts as JSON, read
 * back through a schema (a ref namespace anyone can write to is outside input). Apart from checkpoint.ts
 * so that zod stays off the command line's and the UI's start path.
 */
import { z } from 'zod';
import { MAX_OWNER_CHARS, PREVIEW_FILES, PREVIEW_NAME_CHARS, type CheckpointMeta } from './checkpoint.js';

const MAX_MESSAGE_CHARS = 64 * 1024;

const metaSchema = z.object({
  owner: z.string().max(MAX_OWNER_CHARS),
  session: z.string().max(200),
  turn: z.number().int().positive(),
  kind: z.enum(['turn', 'undo', 'move']),
  undoes: z.number().int().positive().optional(),
  preview: z.array(z.string().max(PREVIEW_NAME_CHARS)).max(PREVIEW_FILES),
  count: z.number().int().nonnegative(),
  started: z.number(),
  ended: z.number(),
});

export function checkpointMessage(meta: CheckpointMeta): string {
  const what = meta.kind === 'undo' ? `undo of turn ${meta.undoes}` : `${meta.kind} ${meta.turn}`;
  return `grove checkpoint: ${meta.session} ${what}\n\n${JSON.stringify(meta)}\n`;
}

/** The facts of a checkpoint's message; undefined for a commit that is not one of grove's. */
export function parseCheckpointMessage(message: string): CheckpointMeta | undefined {
  if (message.length > MAX_MESSAGE_CHARS || !message.startsWith('grove checkpoint: ')) return undefined;
  const body = message.slice(message.indexOf('\n\n') + 2).trim();
  try {
    const parsed = metaSchema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
