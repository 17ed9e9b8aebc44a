/**
 * Random ids from the OS's generator: a session's hook token (a program in one session must not be able
 * to report for another) and the conversation ids grove gives agents that take one (UUIDs, as they expect).
 */
import { randomBytes, randomUUID } from 'node:crypto';

export function hookToken(): string {
  return randomBytes(18).toString('base64url');
}

export function conversationId(): string {
  return randomUUID();
}
