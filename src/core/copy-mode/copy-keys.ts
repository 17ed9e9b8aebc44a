/**
 * Copy mode's keys, as one table of data: the vi keys of tmux's copy-mode-vi table, with the cursor and
 * page keys as well, so that someone who has never used vi can still move with the arrows.
 *
 * Each row names an action (tmux's copy-mode command names) that `runCopyAction` applies to the model.
 * The few actions that reach beyond the model — asking for a search term, copying, leaving — are the
 * client's; `runCopyAction` reports them instead of doing them.
 */
import type { CopyMode } from './copy-mode.js';

export type CopyAction =
  | 'cursor-left' | 'cursor-right' | 'cursor-up' | 'cursor-down'
  | 'page-up' | 'page-down' | 'halfpage-up' | 'halfpage-down' | 'scroll-up' | 'scroll-down'
  | 'history-top' | 'history-bottom' | 'top-line' | 'middle-line' | 'bottom-line'
  | 'start-of-line' | 'end-of-line' | 'back-to-indentation' | 'next-word' | 'previous-word'
  | 'begin-selection' | 'select-line' | 'copy-selection-and-cancel'
  | 'search-forward' | 'search-backward' | 'search-again' | 'search-reverse'
  | 'cancel';

export interface CopyKey {
  readonly keys: readonly string[];
  readonly action: CopyAction;
  readonly description: string;
}

export const COPY_MODE_KEYS: readonly CopyKey[] = [
  { keys: ['Left', 'h'], action: 'cursor-left', description: 'Cursor left' },
  { keys: ['Right', 'l'], action: 'cursor-right', description: 'Cursor right' },
  { keys: ['Up', 'k'], action: 'cursor-up', description: 'Cursor up' },
  { keys: ['Down', 'j'], action: 'cursor-down', description: 'Cursor down' },
  { keys: ['PPage', 'C-b'], action: 'page-up', description: 'Page up' },
  { keys: ['NPage', 'C-f'], action: 'page-down', description: 'Page down' },
  { keys: ['C-u'], action: 'halfpage-up', description: 'Half a page up' },
  { keys: ['C-d'], action: 'halfpage-down', description: 'Half a page down' },
  { keys: ['C-y'], action: 'scroll-up', description: 'Scroll the view up a line' },
  { keys: ['C-e'], action: 'scroll-down', description: 'Scroll the view down a line' },
  { keys: ['g'], action: 'history-top', description: 'Oldest line of the scrollback' },
  { keys: ['G'], action: 'history-bottom', description: 'Bottom of the screen' },
  { keys: ['H'], action: 'top-line', description: 'Top line in view' },
  { keys: ['M'], action: 'middle-line', description: 'Middle line in view' },
  { keys: ['L'], action: 'bottom-line', description: 'Bottom line in view' },
  { keys: ['0', 'Home'], action: 'start-of-line', description: 'Start of the line' },
  { keys: ['$', 'End'], action: 'end-of-line', description: 'End of the line' },
  { keys: ['^'], action: 'back-to-indentation', description: 'First character of the line' },
  { keys: ['w'], action: 'next-word', description: 'Next word' },
  { keys: ['b'], action: 'previous-word', description: 'Previous word' },
  { keys: ['v', 'Space'], action: 'begin-selection', description: 'Start (or drop) a selection' },
  { keys: ['V'], action: 'select-line', description: 'Select whole lines' },
  { keys: ['Enter', 'y'], action: 'copy-selection-and-cancel', description: 'Copy the selection and leave' },
  { keys: ['/'], action: 'search-forward', description: 'Search down' },
  { keys: ['?'], action: 'search-backward', description: 'Search up' },
  { keys: ['n'], action: 'search-again', description: 'Next match' },
  { keys: ['N'], action: 'search-reverse', description: 'Previous match' },
  { keys: ['q', 'Escape', 'C-c'], action: 'cancel', description: 'Leave copy mode' },
];

const BY_KEY: ReadonlyMap<string, CopyAction> = new Map(COPY_MODE_KEYS.flatMap((row) => row.keys.map((key) => [key, row.action] as const)));

/** The action bound to a canonical key name in copy mode. */
export function copyActionFor(key: string): CopyAction | undefined {
  return BY_KEY.get(key);
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
