import type { Command } from './command.js';

/** Leaves the UI; the sessions keep running in the server, and `grove` attaches again. */
export const detach: Command = {
  name: 'detach',
  description: 'Detach: leave the UI, sessions keep running',
  target: 'none',
  run: ({ actions }) => actions.detach(),
};
