import { isRunning } from '../session/session.js';
import type { Command } from './command.js';

/** Starts the session's command again where it ran, once it has exited or its server died. */
export const relaunch: Command = {
  name: 'relaunch',
  commandLine: 'relaunch',
  description: 'Relaunch an exited or dead session',
  target: 'session',
  canRun: (_view, session) => (isRunning(session!) ? `${session!.name} is still running` : undefined),
  run: ({ actions, target }) => actions.relaunch(target!.id),
};
