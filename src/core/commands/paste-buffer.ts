import { needsSession, type Command } from './command.js';

export const pasteBuffer: Command = {
  name: 'paste-buffer',
  commandLine: 'buffer paste',
  description: 'Paste the last copied text into the pane',
  canRun: (view) => needsSession(view) ?? (view.hasPasteBuffer ? undefined : 'nothing copied yet'),
  run: ({ actions }) => actions.pasteBuffer(),
};
