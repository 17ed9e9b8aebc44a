import type { Command } from './command.js';

/**
 * One server serves many repositories; the UI lists the sessions of the repository it was started in,
 * and this widens the list to every session the server has, or narrows it back.
 */
export const showAll: Command = {
  name: 'show-all',
  description: 'Toggle showing every repository',
  target: 'none',
  run: ({ view, actions }) => actions.setShowAll(!view.showAll),
};
