import { neighbour } from '../layout/layout.js';
import type { Direction } from '../layout/rect.js';
import type { Command } from './command.js';

const DIRECTIONS: readonly Direction[] = ['left', 'right', 'up', 'down'];

/** Moves focus to the pane next to the focused one on screen, like tmux's `select-pane -L/-R/-U/-D`. */
export const selectPane: Command = {
  name: 'select-pane',
  description: 'Focus the pane in a direction',
  target: 'none',
  args: ['DIRECTION'],
  canRun: (view, _target, args) => {
    if (!DIRECTIONS.includes(args[0] as Direction)) return 'needs a direction: left, right, up or down';
    if (!view.focusedId || view.visiblePanes.length < 2) return 'no other pane on screen';
    return neighbour(view.visiblePanes, view.focusedId, args[0] as Direction) ? undefined : `no pane ${args[0]}`;
  },
  run: ({ view, actions, args }) => {
    const id = neighbour(view.visiblePanes, view.focusedId!, args[0] as Direction);
    if (id) actions.focus(id);
  },
};
