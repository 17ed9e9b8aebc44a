import type { Command } from './command.js';

export const copyMode: Command = {
  name: 'copy-mode',
  description: 'Copy mode: scroll back, search and copy',
  target: 'session',
  run: ({ actions, target }) => actions.enterCopyMode(target!.id),
};
