import { focusedSession, needsWorktreeSession, type Command } from './command.js';

/** Commits the focused worktree session's changes on its branch now, as the end of a turn. */
export const commitTurn: Command = {
  name: 'commit-turn',
  commandLine: 'commit',
  description: 'Commit the worktree session now',
  canRun: needsWorktreeSession,
  run: ({ view, actions }) => actions.commitTurn(focusedSession(view)!.id),
};
