import type { Command } from './command.js';

export const toggleMouse: Command = {
  name: 'toggle-mouse',
  description: 'Turn the mouse on or off',
  target: 'none',
  run: ({ view, actions }) => {
    actions.setMouse(!view.mouse);
    actions.message(view.mouse ? 'mouse off: the terminal selects text again' : 'mouse on: click to focus, wheel to scroll, drag to copy');
  },
};
