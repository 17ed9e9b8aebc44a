import { nextLayout } from '../layout/layout.js';
import type { Command } from './command.js';

export const nextLayoutCommand: Command = {
  name: 'next-layout',
  description: 'Switch between the focus and tiled layouts',
  target: 'none',
  run: ({ view, actions }) => {
    actions.setZoomed(false);
    actions.setLayout(nextLayout(view.layout));
  },
};
