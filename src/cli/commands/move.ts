/**
 * `grove move`: a session goes from the shared checkout into a worktree of its own, taking the files its
 * turns changed, or from its worktree into the checkout (core/move/move.ts); its agent starts again there,
 * resuming its conversation.
 */
import { moveSummary, type MoveTarget } from '../../core/move/move.js';
import { UsageError, stringOption, type CliCommand } from '../command.js';
import { resolveTarget, withHost } from '../targets.js';

export const moveCommand: CliCommand = {
  name: 'move',
  usage: 'grove move SESSION --to worktree|workspace [--branch B] [--confirm]',
  summary: 'Move a session into a worktree of its own with the files it changed, or back into the checkout',
  options: { to: { type: 'string' }, branch: { type: 'string' }, confirm: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  run: (args, context) => {
    const to = stringOption(args, 'to');
    if (to !== 'worktree' && to !== 'workspace') throw new UsageError('move: --to takes worktree or workspace');
    const branch = stringOption(args, 'branch');
    return withHost(context.connect(false), async (host) => {
      const session = await resolveTarget(host, args.positionals[0]!, context.cwd);
      const outcome = await host.request('move', {
        session: session.id,
        to: to satisfies MoveTarget,
        ...(branch !== undefined ? { branch } : {}),
        ...(args.values.confirm === true ? { confirmed: true } : {}),
      });
      context.out(`${moveSummary(outcome).join('\n')}\n`);
      return 0;
    });
  },
};
