/**
 * Which session has focus after the list changes: the same one while it exists; when it goes, the one
 * that took its place in the list (or the new last one), as tmux picks a window after one is killed.
 */
import type { SessionInfo } from './session.js';

export function repairFocus(
  previous: readonly SessionInfo[],
  next: readonly SessionInfo[],
  focusedId: string | undefined,
): string | undefined {
  if (next.length === 0) return undefined;
  if (focusedId && next.some((s) => s.id === focusedId)) return focusedId;
  const oldIndex = previous.findIndex((s) => s.id === focusedId);
  if (oldIndex < 0) return next[0]!.id;
  return next[Math.min(oldIndex, next.length - 1)]!.id;
}
