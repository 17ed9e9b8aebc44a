import { focusedSession, needsWorktreeSession, type Command } from './command.js';

/** Previews merging the focused worktree session's branch into its base, then merges once confirmed. */
export const merge: Command = {
  name: 'merge',
  commandLine: 'merge',
  description: 'Merge the focused worktree session',
  canRun: needsWorktreeSession,
  run: ({ view, actions }) => actions.openMerge(focusedSession(view)!.id),
};
