import { runTui, terminalProblem } from '../../client/main.js';
import { UsageError, type CliCommand } from '../command.js';

export const attachCommand: CliCommand = {
  name: 'attach',
  usage: 'grove attach [SESSION]',
  summary: 'Open the UI on the running sessions (starting the server if needed), focused on SESSION',
  options: {},
  positionals: { min: 0, max: 1 },
  drawsScreen: true,
  run: (args, context) => {
    const problem = terminalProblem(context.env, process.stdin, process.stdout);
    if (problem) throw new UsageError(problem);
    return runTui(context, args.positionals[0]);
  },
};
