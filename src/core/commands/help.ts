import type { Command } from './command.js';

export const help: Command = {
  name: 'help',
  description: 'List the key bindings',
  canRun: () => undefined,
  run: ({ actions }) => actions.showHelp(),
};
