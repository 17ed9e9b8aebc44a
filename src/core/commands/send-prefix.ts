import { encodeKey } from '../keys/key-encoder.js';
import type { Command } from './command.js';

/** Types the prefix key itself into the pane (`C-b C-b` sends one C-b). */
export const sendPrefix: Command = {
  name: 'send-prefix',
  description: 'Send the prefix key to the pane',
  target: 'session',
  run: ({ view, actions, target }) => {
    const bytes = encodeKey(view.prefix, { applicationCursor: false });
    if (bytes) actions.sendKeys(target!.id, bytes);
  },
};
