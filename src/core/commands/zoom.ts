import { needsSession, type Command } from './command.js';

export const zoom: Command = {
  name: 'zoom',
  description: 'Zoom the focused pane to the whole screen, or back',
  canRun: needsSession,
  run: ({ view, actions }) => actions.setZoomed(!view.zoomed),
};
