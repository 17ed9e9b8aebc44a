/**
 * The colours of grove's own UI, named by the part they paint. One object, so that themes (a later
 * issue) replace it whole rather than chase colour literals through the views.
 */
import type { SessionStatus } from '../../core/session/session.js';

export interface Palette {
  readonly sidebar: { fg: string; bg: string; focusFg: string; focusBg: string; dim: string };
  readonly status: Readonly<Record<SessionStatus, string>>;
  readonly statusBar: { fg: string; bg: string; accent: string };
  readonly border: { focused: string; unfocused: string };
  readonly dialog: { fg: string; bg: string; border: string; field: string };
}

export const DEFAULT_PALETTE: Palette = {
  sidebar: { fg: 'white', bg: 'default', focusFg: 'black', focusBg: 'green', dim: 'grey' },
  status: { starting: 'grey', working: 'green', waiting: 'yellow', idle: 'blue', exited: 'grey', dead: 'red' },
  statusBar: { fg: 'black', bg: 'green', accent: 'white' },
  border: { focused: 'green', unfocused: 'grey' },
  dialog: { fg: 'white', bg: 'black', border: 'green', field: 'blue' },
};
