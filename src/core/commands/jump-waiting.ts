import { longestWaiting } from '../session/attention.js';
import type { Command } from './command.js';

/** Focuses the session that has been waiting for the user longest. */
export const jumpWaiting: Command = {
  name: 'jump-waiting',
  description: 'Focus the session waiting longest',
  target: 'none',
  canRun: (view) => (longestWaiting(view.sessions) ? undefined : 'no session is waiting'),
  run: ({ view, actions }) => actions.focus(longestWaiting(view.sessions)!.id),
};
