import type { Command } from './command.js';

export const pasteBuffer: Command = {
  name: 'paste-buffer',
  commandLine: 'buffer paste',
  description: 'Paste the last copied text into the pane',
  target: 'session',
  canRun: (view) => (view.hasPasteBuffer ? undefined : 'nothing copied yet'),
  run: ({ actions, target }) => actions.pasteBuffer(target!.id),
};
