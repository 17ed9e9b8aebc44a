import { focusedSession, needsSession, type Command } from './command.js';

export const copyMode: Command = {
  name: 'copy-mode',
  description: 'Copy mode: scroll back, search and copy',
  canRun: needsSession,
  run: ({ view, actions }) => actions.enterCopyMode(focusedSession(view)!.id),
};
