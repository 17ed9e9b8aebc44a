import type { Command } from './command.js';

/** Opens the new-session dialog (name, command); the dialog makes the request. */
export const newSession: Command = {
  name: 'new-session',
  commandLine: 'new',
  description: 'Create a session',
  target: 'none',
  run: ({ actions }) => actions.openNewSessionDialog(),
};
