import { printable } from '../text/terminal-text.js';
import type { Command } from './command.js';

/** The checkpoints of a workspace session's turns, to look at one or undo it (worktree sessions have commits instead). */
export const checkpoints: Command = {
  name: 'checkpoints',
  commandLine: 'checkpoints',
  description: "List the workspace session's turns, to undo one",
  target: 'session',
  canRun: (_view, target) => (target?.worktree ? `${printable(target.name)} works in a worktree: its turns are commits (C-b D)` : undefined),
  run: ({ actions, target }) => actions.openCheckpoints(target!.id),
};
