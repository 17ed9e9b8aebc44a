/**
 * The command table: every command grove knows, by name. Key bindings name commands from here, and a
 * binding to a name not in this table is an error when the keymap is loaded.
 */
import { checkpoints } from './checkpoints.js';
import { moveSession } from './move-session.js';
import type { Command } from './command.js';
import { commitTurn } from './commit-turn.js';
import { compare, toggleGroup } from './compare.js';
import { copyMode } from './copy-mode.js';
import { detach } from './detach.js';
import { diff } from './diff.js';
import { fanout } from './fanout.js';
import { help } from './help.js';
import { jumpWaiting } from './jump-waiting.js';
import { killSession } from './kill-session.js';
import { merge } from './merge.js';
import { newSession } from './new-session.js';
import { nextLayoutCommand } from './next-layout.js';
import { nextSession, previousSession } from './next-session.js';
import { openWorktree } from './open-worktree.js';
import { pasteBuffer } from './paste-buffer.js';
import { prune } from './prune.js';
import { relaunch } from './relaunch.js';
import { relaunchAll } from './relaunch-all.js';
import { removeWorktree } from './remove-worktree.js';
import { selectPane } from './select-pane.js';
import { selectSession } from './select-session.js';
import { sendPrefix } from './send-prefix.js';
import { showAll } from './show-all.js';
import { showConflicts } from './show-conflicts.js';
import { sync } from './sync.js';
import { toggleMouse } from './toggle-mouse.js';
import { zoom } from './zoom.js';

export const COMMANDS: readonly Command[] = [
  newSession,
  nextSession,
  previousSession,
  selectSession,
  nextLayoutCommand,
  zoom,
  selectPane,
  killSession,
  relaunch,
  relaunchAll,
  showAll,
  jumpWaiting,
  showConflicts,
  copyMode,
  pasteBuffer,
  toggleMouse,
  diff,
  checkpoints,
  moveSession,
  merge,
  removeWorktree,
  commitTurn,
  sync,
  openWorktree,
  prune,
  fanout,
  compare,
  toggleGroup,
  help,
  detach,
  sendPrefix,
];

const byName = new Map(COMMANDS.map((command) => [command.name, command]));

export function findCommand(name: string): Command | undefined {
  return byName.get(name);
}
