import { focusedSession, needsWorktreeSession, type Command } from './command.js';

/** Ends the focused worktree session and removes its worktree, after saying what would be lost. */
export const removeWorktree: Command = {
  name: 'remove-worktree',
  commandLine: 'rm',
  description: 'Remove the session and its worktree',
  canRun: needsWorktreeSession,
  run: ({ view, actions }) => actions.removeWorktree(focusedSession(view)!.id),
};
