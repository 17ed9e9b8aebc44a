import { isRunning } from '../session/session.js';
import { focusedSession, type Command } from './command.js';

/** Starts the focused session's command again where it ran, once it has exited or its server died. */
export const relaunch: Command = {
  name: 'relaunch',
  commandLine: 'relaunch',
  description: 'Relaunch an exited or dead session',
  canRun: (view) => {
    const session = focusedSession(view);
    if (!session) return 'no session';
    return isRunning(session) ? `${session.name} is still running` : undefined;
  },
  run: ({ view, actions }) => actions.relaunch(focusedSession(view)!.id),
};
