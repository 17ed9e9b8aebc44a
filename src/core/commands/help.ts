import type { Command } from './command.js';

export const help: Command = {
  name: 'help',
  commandLine: 'keys',
  description: 'List the key bindings',
  target: 'none',
  run: ({ actions }) => actions.showHelp(),
};
