/**
 * `grove sync`: a worktree session's branch brought up to date with its base (server/worktrees/sync.ts),
 * after the preview, once confirmed (--yes, or an answer); a conflict is aborted back to exactly the state
 * before unless --on-conflict leave leaves it in the session's worktree, or hand-back leaves it there and
 * gives it to the session's agent (core/review/hand-back.ts).
 */
import { handBackLine, syncPreviewLines, syncResultLines } from '../../core/review/sync-lines.js';
import { RemoteReview } from '../../client/review/remote-review.js';
import { askYesNo, canAsk } from '../../io/ask.js';
import { stringOption, UsageError, type CliCommand } from '../command.js';
import { resolveTarget, withHost } from '../targets.js';
import { offerRemoval } from './rm.js';

export const syncCommand: CliCommand = {
  name: 'sync',
  usage: 'grove sync SESSION [--rebase] [--on-conflict abort|leave|hand-back] [--yes]',
  summary: "Bring a worktree session's branch up to date with its base, in its worktree, after a preview",
  options: { rebase: { type: 'boolean' }, 'on-conflict': { type: 'string' }, yes: { type: 'boolean', short: 'y' } },
  positionals: { min: 1, max: 1 },
  run: (args, context) => {
    const choice = stringOption(args, 'on-conflict') ?? 'abort';
    if (choice !== 'abort' && choice !== 'leave' && choice !== 'hand-back') throw new UsageError('sync: --on-conflict must be abort, leave or hand-back');
    const onConflict = choice === 'abort' ? 'abort' : 'leave';
    const mode = args.values.rebase === true ? 'rebase' : 'merge';
    return withHost(context.connect(false), async (host) => {
      const session = await resolveTarget(host, args.positionals[0]!, context.cwd);
      if (!session.worktree) throw new Error(`${session.name} works in the checkout as it is: there is no branch of its own to sync`);
      const review = new RemoteReview(host);
      const preview = await review.previewSync(session.id);
      context.out(`${syncPreviewLines(session.worktree.branch, preview).join('\n')}\n`);
      if (!preview.behind.length) return 0;
      if (args.values.yes !== true) {
        if (!canAsk()) throw new Error('not synced: add --yes to sync (the preview is above)');
        if (!(await askYesNo(`${mode} ${preview.baseBranch} into ${session.worktree.branch}?`))) return 1;
      }
      const outcome = await review.sync(session.id, { mode, onConflict, ...(choice === 'hand-back' ? { handBack: true } : {}) });
      const handedBack = choice === 'hand-back' && outcome.kind === 'conflict-left';
      context.out(handedBack ? `${handBackLine(session.name, outcome.files)}\n` : `${syncResultLines(session.worktree.branch, preview.baseBranch, outcome).join('\n')}\n`);
      if (handedBack) return 0;
      if (outcome.done && !outcome.cleanup) await offerRemoval(context, host, session, args.values.yes === true);
      return outcome.kind === 'synced' || outcome.kind === 'up-to-date' ? 0 : 1;
    });
  },
};
