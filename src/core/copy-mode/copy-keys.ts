/**
 * Copy mode's actions: the names (tmux's copy-mode command names) that rows of the keymap's
 * `copy-mode-vi` table bind keys to (src/core/keymap/bindings.ts), and what each does.
 *
 * `runCopyAction` applies an action to the model. The few actions that reach beyond the model — asking
 * for a search term, copying, leaving — are the client's; `runCopyAction` reports them instead of doing
 * them. The names are a list of data as well as a type, so that the keymap and the config can tell a
 * copy action from a typo.
 */
import type { CopyMode } from './copy-mode.js';

export const COPY_ACTIONS = [
  'cursor-left', 'cursor-right', 'cursor-up', 'cursor-down',
  'page-up', 'page-down', 'halfpage-up', 'halfpage-down', 'scroll-up', 'scroll-down',
  'history-top', 'history-bottom', 'top-line', 'middle-line', 'bottom-line',
  'start-of-line', 'end-of-line', 'back-to-indentation', 'next-word', 'previous-word',
  'begin-selection', 'select-line', 'copy-selection-and-cancel',
  'search-forward', 'search-backward', 'search-again', 'search-reverse',
  'cancel',
] as const;

export type CopyAction = (typeof COPY_ACTIONS)[number];

export function isCopyAction(name: string): name is CopyAction {
  return (COPY_ACTIONS as readonly string[]).includes(name);
}

/** What the client must do after an action: the model has done the rest. */
export type CopyOutcome = 'none' | 'prompt-forward' | 'prompt-backward' | 'search-again' | 'search-reverse' | 'copy' | 'cancel';

const MOTIONS: Partial<Record<CopyAction, (mode: CopyMode) => void>> = {
  'cursor-left': (m) => m.left(),
  'cursor-right': (m) => m.right(),
  'cursor-up': (m) => m.up(),
  'cursor-down': (m) => m.down(),
  'page-up': (m) => m.pageUp(),
  'page-down': (m) => m.pageDown(),
  'halfpage-up': (m) => m.halfPageUp(),
  'halfpage-down': (m) => m.halfPageDown(),
  'scroll-up': (m) => m.scroll(-1),
  'scroll-down': (m) => m.scroll(1),
  'history-top': (m) => m.historyTop(),
  'history-bottom': (m) => m.historyBottom(),
  'top-line': (m) => m.topLine(),
  'middle-line': (m) => m.middleLine(),
  'bottom-line': (m) => m.bottomLine(),
  'start-of-line': (m) => m.startOfLine(),
  'end-of-line': (m) => m.endOfLine(),
  'back-to-indentation': (m) => m.backToIndentation(),
  'next-word': (m) => m.nextWord(),
  'previous-word': (m) => m.previousWord(),
  'begin-selection': (m) => m.toggleSelection(),
  'select-line': (m) => m.toggleLineSelection(),
};

const OUTCOMES: Partial<Record<CopyAction, CopyOutcome>> = {
  'search-forward': 'prompt-forward',
  'search-backward': 'prompt-backward',
  'search-again': 'search-again',
  'search-reverse': 'search-reverse',
  'copy-selection-and-cancel': 'copy',
  cancel: 'cancel',
};

/**
 * Applies a motion or selection action to the model, and says what is left for the client. Repeating
 * a search is the client's too, since it may first have to load the lines to search.
 */
export function runCopyAction(mode: CopyMode, action: CopyAction): CopyOutcome {
  MOTIONS[action]?.(mode);
  return OUTCOMES[action] ?? 'none';
}
