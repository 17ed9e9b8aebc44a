import type { Command } from './command.js';

/** Commits the worktree session's changes on its branch now, as the end of a turn. */
export const commitTurn: Command = {
  name: 'commit-turn',
  commandLine: 'commit',
  description: 'Commit the worktree session now',
  target: 'worktree',
  run: ({ actions, target }) => actions.commitTurn(target!.id),
};
