import type { Command } from './command.js';

/** Focuses the session at an index (as shown in the sidebar), like tmux's `select-window -t N`. */
export const selectSession: Command = {
  name: 'select-session',
  description: 'Focus the session at an index',
  canRun: (view, args) => {
    const index = Number(args[0]);
    if (!Number.isInteger(index)) return 'needs an index';
    return index < view.sessions.length ? undefined : `no session ${index}`;
  },
  run: ({ view, actions, args }) => actions.focus(view.sessions[Number(args[0])]!.id),
};
