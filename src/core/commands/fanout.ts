import type { Command } from './command.js';

/** Opens the fan-out dialog: one task to several agents, each in a worktree of its own (core/review/fanout.ts). */
export const fanout: Command = {
  name: 'fanout',
  commandLine: 'fanout',
  description: 'Give one task to several agents at once',
  target: 'none',
  run: ({ actions }) => actions.openFanoutDialog(),
};
