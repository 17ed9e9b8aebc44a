import type { Command } from './command.js';

/** Shows which worktree sessions would conflict on merge, and an order that avoids it (`grove conflicts`). */
export const showConflicts: Command = {
  name: 'show-conflicts',
  commandLine: 'conflicts',
  description: 'Show the conflict matrix',
  target: 'none',
  canRun: (view) => (view.sessions.some((s) => s.worktree) ? undefined : 'no worktree sessions'),
  run: ({ actions }) => actions.showConflicts(),
};
