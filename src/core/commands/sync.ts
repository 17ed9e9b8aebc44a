import type { Command } from './command.js';

/** Brings the worktree session's branch up to date with its base, after saying what comes in; a conflict goes to its agent. */
export const sync: Command = {
  name: 'sync',
  commandLine: 'sync',
  description: "Bring the session's branch up to date with its base",
  target: 'worktree',
  run: ({ actions, target }) => actions.syncWithBase(target!.id),
};
