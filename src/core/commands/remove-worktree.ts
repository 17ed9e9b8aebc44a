import type { Command } from './command.js';

/** Ends the worktree session and removes its worktree, after saying what would be lost. */
export const removeWorktree: Command = {
  name: 'remove-worktree',
  commandLine: 'rm',
  description: 'Remove the session and its worktree',
  target: 'worktree',
  run: ({ actions, target }) => actions.removeWorktree(target!.id),
};
