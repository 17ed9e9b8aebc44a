import type { Command } from './command.js';

/** Lists the worktrees and branches grove left behind in this repository, to clear the ones chosen. */
export const prune: Command = {
  name: 'prune',
  commandLine: 'prune',
  description: 'Clear leftover worktrees and branches',
  target: 'none',
  run: ({ actions }) => actions.openPrune(),
};
