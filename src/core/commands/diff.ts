import type { Command } from './command.js';

/** The full-screen diff of what the focused session changed (a workspace session: its checkout's changes). */
export const diff: Command = {
  name: 'diff',
  commandLine: 'diff',
  description: 'Show what the session changed',
  target: 'session',
  run: ({ actions, target }) => actions.openDiff(target!.id),
};
