import type { Command } from './command.js';

/** Previews merging the worktree session's branch into its base, then merges once confirmed. */
export const merge: Command = {
  name: 'merge',
  commandLine: 'merge',
  description: 'Merge the worktree session',
  target: 'worktree',
  run: ({ actions, target }) => actions.openMerge(target!.id),
};
