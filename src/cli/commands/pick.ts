/**
 * `grove pick S`: the variant to keep. It merges S as `grove merge` does (the preview, then the merge once
 * confirmed), then offers to remove the other variants of its fan-out, one by one as `grove rm` does:
 * what each would lose is said first, and a variant with work to lose goes only once its name is typed.
 * --others remove|keep answers the offer ahead (for scripts; a loss still needs the name typed), as
 * `"worktree": {"cleanupAfterMerge": true}` does.
 */
import { terminalText } from '../../core/text/terminal-text.js';
import { askYesNo, canAsk } from '../../io/ask.js';
import { stringOption, UsageError, type CliCommand } from '../command.js';
import { listSessions, resolveTarget, withHost } from '../targets.js';
import { MERGE_OPTIONS, mergeInteractively } from './merge.js';
import { removeInteractively } from './rm.js';

export const pickCommand: CliCommand = {
  name: 'pick',
  usage: 'grove pick SESSION [--others remove|keep] [--squash | --rebase] [--message TEXT] [--yes]',
  summary: 'Merge the variant to keep, then offer to remove the other variants of its fan-out',
  options: { ...MERGE_OPTIONS, others: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  run: (args, context) => {
    const others = stringOption(args, 'others');
    if (others !== undefined && others !== 'remove' && others !== 'keep') throw new UsageError('pick: --others must be remove or keep');
    return withHost(context.connect(false), async (host) => {
      const session = await resolveTarget(host, args.positionals[0]!, context.cwd);
      if (session.group === undefined) throw new Error(`${session.name} is not a variant of a fan-out: grove merge merges it`);
      const merged = await mergeInteractively(args, context, host, session);
      if (merged.status !== 0) return merged.status;
      const rest = (await listSessions(host)).filter((other) => other.group === session.group && other.id !== session.id && other.repo === session.repo);
      if (!rest.length || others === 'keep') return 0;
      const names = rest.map((other) => other.name).join(', ');
      // A configuration that cleans up after merges has answered already; a loss still needs the name typed.
      if (others === undefined && !merged.cleanedUp) {
        if (!canAsk()) {
          context.out(`the other variants stay: ${names} (grove pick ${session.name} --others remove, or grove rm each)\n`);
          return 0;
        }
        if (!(await askYesNo(`remove the other variants (${names})?`))) return 0;
      }
      let status = 0;
      for (const other of rest) {
        // One that would lose work and is not confirmed stays; the others still go.
        await removeInteractively(context, host, other, { asked: undefined, confirm: undefined }).catch((err: Error) => {
          process.stderr.write(`grove: ${terminalText(err.message)}\n`);
          status = 1;
        });
      }
      return status;
    });
  },
};
