import type { Command } from './command.js';
import { isRunning } from '../session/session.js';
import { printable } from '../text/terminal-text.js';

/**
 * Ends the session; asks first while its program is still running, closes at once once it has
 * ended. A worktree session's worktree and branch stay (C-b X removes them), and the question says so.
 */
export const killSession: Command = {
  name: 'kill-session',
  commandLine: 'kill',
  description: 'Kill the session',
  target: 'session',
  run: ({ actions, target }) => {
    const session = target!;
    if (!isRunning(session)) return actions.killSession(session.id);
    const stays = session.worktree ? `; its worktree and branch ${printable(session.worktree.branch)} stay` : '';
    actions.confirm(`kill session ${session.name}${stays}? (y/n)`, () => actions.killSession(session.id));
  },
};
