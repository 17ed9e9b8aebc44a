import type { Command } from './command.js';

export const zoom: Command = {
  name: 'zoom',
  description: 'Zoom the pane to the whole screen, or back',
  target: 'session',
  run: ({ view, actions, target }) => {
    // From the command line the session named may not be the focused one: it is the one zoomed.
    if (target!.id !== view.focusedId) return void [actions.focus(target!.id), actions.setZoomed(true)];
    actions.setZoomed(!view.zoomed);
  },
};
