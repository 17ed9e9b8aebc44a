import type { Command } from './command.js';

/** Focuses the session at an index (as shown in the sidebar), like tmux's `select-window -t N`. */
export const selectSession: Command = {
  name: 'select-session',
  description: 'Focus the session at an index',
  target: 'none',
  args: ['INDEX'],
  canRun: (view, _target, args) => {
    const index = Number(args[0]);
    if (!Number.isInteger(index) || index < 0) return `no session ${args[0]}`;
    return index < view.sessions.length ? undefined : `no session ${index}`;
  },
  run: ({ view, actions, args }) => actions.focus(view.sessions[Number(args[0])]!.id),
};
