import { encodeKey } from '../keys/key-encoder.js';
import { needsSession, type Command } from './command.js';

/** Types the prefix key itself into the focused pane (`C-b C-b` sends one C-b). */
export const sendPrefix: Command = {
  name: 'send-prefix',
  description: 'Send the prefix key to the pane',
  canRun: needsSession,
  run: ({ view, actions }) => {
    const bytes = encodeKey(view.prefix, { applicationCursor: false });
    if (bytes) actions.sendToFocused(bytes);
  },
};
