import { describeConflicts } from '../../core/review/conflict-report.js';
import type { CliCommand } from '../command.js';
import { withHost } from '../targets.js';

export const conflictsCommand: CliCommand = {
  name: 'conflicts',
  usage: 'grove conflicts [--json]',
  summary: "Which of this repository's worktree sessions would conflict on merge, and a merge order",
  options: { json: { type: 'boolean' } },
  positionals: { min: 0, max: 0 },
  run: (args, context) =>
    withHost(context.connect(false), async (host) => {
      const report = await host.request('conflicts', { cwd: context.cwd });
      context.out(args.values.json ? JSON.stringify(report, null, 2) + '\n' : describeConflicts(report).join('\n') + '\n');
      return 0;
    }),
};
