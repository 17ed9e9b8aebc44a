/**
 * grove's key bindings, as one table of data.
 *
 * Like tmux, grove has key tables. `root` is consulted for every key typed into a pane; `prefix` for the
 * one key after the prefix (C-b by default); `copy-mode-vi` (tmux's name) for keys typed into a pane in
 * copy mode. A row binds a key in a table to a command — for copy-mode-vi, to a copy action
 * (src/core/copy-mode/copy-keys.ts) — with arguments and a one-line description; the help screen and the
 * README's cheat-sheet are generated from these same rows, so they cannot drift from what the keys do.
 * User configuration overrides rows of this table in the same shape.
 *
 * Copy mode's rows are tmux's vi keys with the cursor and page keys as well, so that someone who has
 * never used vi can still move with the arrows. One row per key: the help puts an action's keys together.
 *
 * The key that sends a literal prefix has to follow the prefix when the user rebinds it, so it is written
 * as PREFIX_KEY and resolved when the keymap is built (keymap.ts).
 */

/** The tables whose rows name commands (src/core/commands), consulted by the prefix state machine. */
export type CommandTableName = 'root' | 'prefix';

export type KeyTableName = CommandTableName | 'copy-mode-vi';

export interface KeyBinding {
  readonly table: KeyTableName;
  /** A canonical key name (keyspec.ts), or PREFIX_KEY. */
  readonly key: string;
  /** A command's name or, in copy-mode-vi, a copy action's. */
  readonly command: string;
  readonly args?: readonly string[];
  /** Shown in the help screen and the README: short, sentence case, no full stop. */
  readonly description: string;
}

export const DEFAULT_PREFIX = 'C-b';

/** Stands for whatever key is the prefix. */
export const PREFIX_KEY = 'prefix';

export const DEFAULT_BINDINGS: readonly KeyBinding[] = [
  { table: 'prefix', key: 'c', command: 'new-session', description: 'New session' },
  { table: 'prefix', key: 'n', command: 'next-session', description: 'Next session' },
  { table: 'prefix', key: 'p', command: 'previous-session', description: 'Previous session' },
  { table: 'prefix', key: '0', command: 'select-session', args: ['0'], description: 'Select session 0' },
  { table: 'prefix', key: '1', command: 'select-session', args: ['1'], description: 'Select session 1' },
  { table: 'prefix', key: '2', command: 'select-session', args: ['2'], description: 'Select session 2' },
  { table: 'prefix', key: '3', command: 'select-session', args: ['3'], description: 'Select session 3' },
  { table: 'prefix', key: '4', command: 'select-session', args: ['4'], description: 'Select session 4' },
  { table: 'prefix', key: '5', command: 'select-session', args: ['5'], description: 'Select session 5' },
  { table: 'prefix', key: '6', command: 'select-session', args: ['6'], description: 'Select session 6' },
  { table: 'prefix', key: '7', command: 'select-session', args: ['7'], description: 'Select session 7' },
  { table: 'prefix', key: '8', command: 'select-session', args: ['8'], description: 'Select session 8' },
  { table: 'prefix', key: '9', command: 'select-session', args: ['9'], description: 'Select session 9' },
  { table: 'prefix', key: 'x', command: 'kill-session', description: 'Kill session (asks first)' },
  { table: 'prefix', key: 'R', command: 'relaunch', description: 'Relaunch an exited or dead session' },
  { table: 'prefix', key: 'a', command: 'show-all', description: 'Toggle showing every repository' },
  { table: 'prefix', key: 'w', command: 'jump-waiting', description: 'Focus the session waiting longest' },
  { table: 'prefix', key: 'C', command: 'show-conflicts', description: 'Show the conflict matrix' },
  { table: 'prefix', key: 'Space', command: 'next-layout', description: 'Next layout (focus / tiled)' },
  { table: 'prefix', key: 'z', command: 'zoom', description: 'Zoom the focused pane' },
  { table: 'prefix', key: 'Left', command: 'select-pane', args: ['left'], description: 'Focus the pane to the left' },
  { table: 'prefix', key: 'Right', command: 'select-pane', args: ['right'], description: 'Focus the pane to the right' },
  { table: 'prefix', key: 'Up', command: 'select-pane', args: ['up'], description: 'Focus the pane above' },
  { table: 'prefix', key: 'Down', command: 'select-pane', args: ['down'], description: 'Focus the pane below' },
  { table: 'prefix', key: '[', command: 'copy-mode', description: 'Copy mode: scroll back, search and copy' },
  { table: 'prefix', key: ']', command: 'paste-buffer', description: 'Paste the last copied text' },
  { table: 'prefix', key: 'M', command: 'toggle-mouse', description: 'Turn the mouse on or off' },
  { table: 'prefix', key: 'D', command: 'diff', description: 'Review what the session changed' },
  { table: 'prefix', key: 'U', command: 'checkpoints', description: 'Undo a turn of the workspace session' },
  { table: 'prefix', key: 'W', command: 'move-session', description: 'Move the session to a worktree or back' },
  { table: 'prefix', key: 'm', command: 'merge', description: 'Preview and merge the worktree session' },
  { table: 'prefix', key: 'X', command: 'remove-worktree', description: 'Remove the session and its worktree' },
  { table: 'prefix', key: 's', command: 'commit-turn', description: 'Commit the worktree session now' },
  { table: 'prefix', key: 'u', command: 'sync', description: 'Sync the worktree session with its base' },
  { table: 'prefix', key: 'F', command: 'fanout', description: 'Fan out: one task to several agents' },
  { table: 'prefix', key: 'V', command: 'compare', description: "Compare the fan-out's variants" },
  { table: 'prefix', key: 'g', command: 'toggle-group', description: 'Fold or unfold the fan-out' },
  { table: 'prefix', key: 'o', command: 'open-worktree', description: "Open a shell in the session's worktree" },
  { table: 'prefix', key: 'P', command: 'prune', description: 'Clear leftover worktrees and branches' },
  { table: 'prefix', key: '?', command: 'help', description: 'List key bindings' },
  { table: 'prefix', key: 'd', command: 'detach', description: 'Detach (sessions keep running)' },
  { table: 'prefix', key: PREFIX_KEY, command: 'send-prefix', description: 'Send the prefix key to the pane' },
  // Copy mode. The prefix is looked up before this table, so C-b pages up only when the prefix is another key.
  { table: 'copy-mode-vi', key: 'h', command: 'cursor-left', description: 'Cursor left' },
  { table: 'copy-mode-vi', key: 'Left', command: 'cursor-left', description: 'Cursor left' },
  { table: 'copy-mode-vi', key: 'l', command: 'cursor-right', description: 'Cursor right' },
  { table: 'copy-mode-vi', key: 'Right', command: 'cursor-right', description: 'Cursor right' },
  { table: 'copy-mode-vi', key: 'k', command: 'cursor-up', description: 'Cursor up' },
  { table: 'copy-mode-vi', key: 'Up', command: 'cursor-up', description: 'Cursor up' },
  { table: 'copy-mode-vi', key: 'j', command: 'cursor-down', description: 'Cursor down' },
  { table: 'copy-mode-vi', key: 'Down', command: 'cursor-down', description: 'Cursor down' },
  { table: 'copy-mode-vi', key: 'PPage', command: 'page-up', description: 'Page up' },
  { table: 'copy-mode-vi', key: 'C-b', command: 'page-up', description: 'Page up' },
  { table: 'copy-mode-vi', key: 'NPage', command: 'page-down', description: 'Page down' },
  { table: 'copy-mode-vi', key: 'C-f', command: 'page-down', description: 'Page down' },
  { table: 'copy-mode-vi', key: 'C-u', command: 'halfpage-up', description: 'Half a page up' },
  { table: 'copy-mode-vi', key: 'C-d', command: 'halfpage-down', description: 'Half a page down' },
  { table: 'copy-mode-vi', key: 'C-y', command: 'scroll-up', description: 'Scroll the view up a line' },
  { table: 'copy-mode-vi', key: 'C-e', command: 'scroll-down', description: 'Scroll the view down a line' },
  { table: 'copy-mode-vi', key: 'g', command: 'history-top', description: 'Oldest line of the scrollback' },
  { table: 'copy-mode-vi', key: 'G', command: 'history-bottom', description: 'Bottom of the screen' },
  { table: 'copy-mode-vi', key: 'H', command: 'top-line', description: 'Top line in view' },
  { table: 'copy-mode-vi', key: 'M', command: 'middle-line', description: 'Middle line in view' },
  { table: 'copy-mode-vi', key: 'L', command: 'bottom-line', description: 'Bottom line in view' },
  { table: 'copy-mode-vi', key: '0', command: 'start-of-line', description: 'Start of the line' },
  { table: 'copy-mode-vi', key: 'Home', command: 'start-of-line', description: 'Start of the line' },
  { table: 'copy-mode-vi', key: '$', command: 'end-of-line', description: 'End of the line' },
  { table: 'copy-mode-vi', key: 'End', command: 'end-of-line', description: 'End of the line' },
  { table: 'copy-mode-vi', key: '^', command: 'back-to-indentation', description: 'First character of the line' },
  { table: 'copy-mode-vi', key: 'w', command: 'next-word', description: 'Next word' },
  { table: 'copy-mode-vi', key: 'b', command: 'previous-word', description: 'Previous word' },
  { table: 'copy-mode-vi', key: 'v', command: 'begin-selection', description: 'Start (or drop) a selection' },
  { table: 'copy-mode-vi', key: 'Space', command: 'begin-selection', description: 'Start (or drop) a selection' },
  { table: 'copy-mode-vi', key: 'V', command: 'select-line', description: 'Select whole lines' },
  { table: 'copy-mode-vi', key: 'Enter', command: 'copy-selection-and-cancel', description: 'Copy the selection and leave' },
  { table: 'copy-mode-vi', key: 'y', command: 'copy-selection-and-cancel', description: 'Copy the selection and leave' },
  { table: 'copy-mode-vi', key: '/', command: 'search-forward', description: 'Search down' },
  { table: 'copy-mode-vi', key: '?', command: 'search-backward', description: 'Search up' },
  { table: 'copy-mode-vi', key: 'n', command: 'search-again', description: 'Next match' },
  { table: 'copy-mode-vi', key: 'N', command: 'search-reverse', description: 'Previous match' },
  { table: 'copy-mode-vi', key: 'q', command: 'cancel', description: 'Leave copy mode' },
  { table: 'copy-mode-vi', key: 'Escape', command: 'cancel', description: 'Leave copy mode' },
  { table: 'copy-mode-vi', key: 'C-c', command: 'cancel', description: 'Leave copy mode' },
];
