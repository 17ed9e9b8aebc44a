import { focusedSession, needsWorktreeSession, type Command } from './command.js';

/** A shell of its own, in the focused worktree session's folder: to look around, run tests, fix up. */
export const openWorktree: Command = {
  name: 'open-worktree',
  description: 'Open a shell in the session worktree',
  canRun: needsWorktreeSession,
  run: ({ view, actions }) => actions.openWorktreeShell(focusedSession(view)!.id),
};
