import type { Command } from './command.js';

/** A shell of its own, in the worktree session's folder: to look around, run tests, fix up. */
export const openWorktree: Command = {
  name: 'open-worktree',
  description: 'Open a shell in the session worktree',
  target: 'worktree',
  run: ({ actions, target }) => actions.openWorktreeShell(target!.id),
};
