import type { ClientView, Command } from './command.js';
import type { SessionInfo } from '../session/session.js';

/** The listed variants of the session's fan-out, in order. */
export function variantsOf(view: ClientView, session: SessionInfo): SessionInfo[] {
  return session.group === undefined ? [] : view.sessions.filter((s) => s.group === session.group && s.worktree);
}

/** Why a command on a fan-out's variants cannot run on `session`, or undefined when it can. */
export function needsVariants(view: ClientView, session: SessionInfo | undefined): string | undefined {
  return session && variantsOf(view, session).length >= 2 ? undefined : `${session?.name ?? 'it'} is not one of a fan-out's variants`;
}

/** The variants of the session's fan-out side by side, file by file (core/review/compare.ts). */
export const compare: Command = {
  name: 'compare',
  commandLine: 'compare',
  description: "Compare the variants of the session's fan-out",
  target: 'worktree',
  canRun: needsVariants,
  run: ({ view, actions, target }) => actions.openCompare(variantsOf(view, target!).map((s) => s.id)),
};

/** Folds the variants of the session's fan-out into their sidebar header, or unfolds them. */
export const toggleGroup: Command = {
  name: 'toggle-group',
  description: "Fold or unfold the session's fan-out in the sidebar",
  target: 'session',
  canRun: needsVariants,
  run: ({ actions, target }) => actions.toggleGroup(target!.group!),
};
