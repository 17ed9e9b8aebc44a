import type { CliCommand } from '../command.js';
import { runTui } from '../tui.js';

export const attachCommand: CliCommand = {
  name: 'attach',
  usage: 'grove attach [SESSION]',
  summary: 'Open the UI on the running sessions (starting the server if needed), focused on SESSION',
  options: {},
  positionals: { min: 0, max: 1 },
  drawsScreen: true,
  run: (args, context) => runTui(context, args.positionals[0]),
};
