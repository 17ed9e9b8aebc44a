import { printable } from '../text/terminal-text.js';
import type { Command } from './command.js';

/**
 * Moves the session between the checkout and a worktree of its own, asking first: its agent is started
 * again in the new folder, and files move out of (or into) the user's checkout. The question fits an
 * 80-column status line for a name of ten characters.
 */
export const moveSession: Command = {
  name: 'move-session',
  commandLine: 'move',
  description: 'Move the session to a worktree or back',
  target: 'session',
  canRun: (_view, target) => (target!.status === 'working' ? `${printable(target!.name)} is at work: move it once its turn ends` : undefined),
  run: ({ actions, target }) => {
    const session = target!;
    const name = printable(session.name);
    const [to, question] = session.worktree
      ? (['workspace', `move ${name} into the checkout, with its worktree's work? (y/n)`] as const)
      : (['worktree', `move ${name} into a worktree of its own, with its changed files? (y/n)`] as const);
    actions.confirm(question, () => actions.moveSession(session.id, to));
  },
};
