/**
 * Every `grove` command, in the order `grove --help` lists them. Later features add their rows here. A
 * key command that names its `grove` command (Command.commandLine) is found here by its own name too:
 * `grove kill-session api` is `grove kill api`; every other key command is a row of UI_COMMANDS, made
 * from its declaration (commands/ui-command.ts), so a key command needs no row here.
 */
import { COMMANDS, findCommand } from '../core/commands/registry.js';
import type { CliCommand } from './command.js';
import { attachCommand } from './commands/attach.js';
import { bufferCommand, bufferPasteCommand, bufferSetCommand } from './commands/buffer.js';
import { captureCommand } from './commands/capture.js';
import { commitCommand } from './commands/commit.js';
import { checkpointsCommand, redoCommand, undoCommand } from './commands/checkpoints.js';
import { moveCommand } from './commands/move.js';
import { compareCommand } from './commands/compare.js';
import { configCheckCommand, configPathCommand, configTrustCommand } from './commands/config.js';
import { conflictsCommand } from './commands/conflicts.js';
import { diffCommand } from './commands/diff.js';
import { doctorCommand } from './commands/doctor.js';
import { explainCommand } from './commands/explain.js';
import { fanoutCommand } from './commands/fanout.js';
import { hookCommand } from './commands/hook.js';
import { keysCommand } from './commands/keys.js';
import { killCommand } from './commands/kill.js';
import { lsCommand } from './commands/ls.js';
import { mergeCommand } from './commands/merge.js';
import { newCommand } from './commands/new.js';
import { proxyCommand } from './commands/proxy.js';
import { pickCommand } from './commands/pick.js';
import { pruneCommand } from './commands/prune.js';
import { prCommand, pushCommand } from './commands/push.js';
import { syncCommand } from './commands/sync.js';
import { feedbackCommand } from './commands/feedback.js';
import { relaunchCommand } from './commands/relaunch.js';
import { rmCommand } from './commands/rm.js';
import { sendCommand } from './commands/send.js';
import { serverRunCommand, serverStopCommand } from './commands/server.js';
import { waitCommand } from './commands/wait.js';
import { themesCommand } from './commands/themes.js';
import { uiCommand } from './commands/ui-command.js';

export const CLI_COMMANDS: readonly CliCommand[] = [
  attachCommand,
  newCommand,
  fanoutCommand,
  lsCommand,
  sendCommand,
  captureCommand,
  bufferCommand,
  bufferSetCommand,
  bufferPasteCommand,
  killCommand,
  relaunchCommand,
  waitCommand,
  explainCommand,
  diffCommand,
  compareCommand,
  mergeCommand,
  pickCommand,
  syncCommand,
  feedbackCommand,
  pushCommand,
  prCommand,
  rmCommand,
  commitCommand,
  checkpointsCommand,
  undoCommand,
  moveCommand,
  redoCommand,
  pruneCommand,
  conflictsCommand,
  serverStopCommand,
  serverRunCommand,
  doctorCommand,
  keysCommand,
  hookCommand,
  proxyCommand,
  configCheckCommand,
  configPathCommand,
  configTrustCommand,
  themesCommand,
];

/** The key commands that only the attached UI runs, as `grove NAME [SESSION] [ARGS]`. */
export const UI_COMMANDS: readonly CliCommand[] = COMMANDS.filter((command) => command.commandLine === undefined).map(uiCommand);

/** The command named by the first one or two words of argv, and how many words it used. */
export function findCliCommand(argv: readonly string[]): { command: CliCommand; words: number } | undefined {
  const two = argv.slice(0, 2).join(' ');
  const byTwo = CLI_COMMANDS.find((c) => c.name === two);
  if (byTwo) return { command: byTwo, words: 2 };
  const byOne = [...CLI_COMMANDS, ...UI_COMMANDS].find((c) => c.name === argv[0]);
  if (byOne) return { command: byOne, words: 1 };
  const keyCommand = argv[0] === undefined ? undefined : findCommand(argv[0])?.commandLine;
  const same = CLI_COMMANDS.find((c) => c.name === keyCommand);
  return same ? { command: same, words: 1 } : undefined;
}
