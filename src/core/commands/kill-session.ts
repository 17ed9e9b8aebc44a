import { focusedSession, needsSession, type Command } from './command.js';
import { isRunning } from '../session/session.js';

/** Ends the focused session; asks first while its program is still running, closes at once once it has ended. */
export const killSession: Command = {
  name: 'kill-session',
  description: 'Kill the focused session',
  canRun: needsSession,
  run: ({ view, actions }) => {
    const session = focusedSession(view)!;
    if (!isRunning(session)) return actions.killSession(session.id);
    actions.confirm(`kill session ${session.name}? (y/n)`, () => actions.killSession(session.id));
  },
};
