/**
 * `grove rm`: ends a worktree session, and any other session open in its worktree, and removes the
 * worktree; the line it prints names those it ended. First it says what would be lost. With
 * nothing to lose it removes the worktree and deletes the branch (`git branch -d`). With something to
 * lose it needs the session's name typed — at the prompt, or as --confirm NAME — and even then keeps
 * the branch unless --delete-branch asks for it. There is no --force.
 */
import { describeLoss, losesCommits } from '../../core/git/loss.js';
import { alsoEndsLine, lossLines, losesAnything, removeOutcomeLine } from '../../core/review/summaries.js';
import type { SessionInfo } from '../../core/session/session.js';
import { RemoteReview } from '../../client/review/remote-review.js';
import { ask, canAsk } from '../ask.js';
import { stringOption, UsageError, type CliCommand, type ParsedArgs } from '../command.js';
import { resolveTarget, withHost } from '../targets.js';

/** Whether the user has typed the session's name, as the confirmation of a loss. */
async function confirmed(args: ParsedArgs, session: SessionInfo): Promise<boolean> {
  const given = stringOption(args, 'confirm');
  if (given !== undefined) {
    if (given !== session.name) throw new Error(`--confirm must be the session's name, ${session.name}; nothing removed`);
    return true;
  }
  if (!canAsk()) return false;
  return (await ask(`type the session's name (${session.name}) to remove it anyway: `)) === session.name;
}

export const rmCommand: CliCommand = {
  name: 'rm',
  usage: 'grove rm SESSION [--confirm NAME] [--delete-branch | --keep-branch]',
  summary: 'End a worktree session (and any session open in its worktree) and remove the worktree, saying first what would be lost',
  options: {
    confirm: { type: 'string' },
    'delete-branch': { type: 'boolean', short: 'D' },
    'keep-branch': { type: 'boolean' },
  },
  positionals: { min: 1, max: 1 },
  run: (args, context) => {
    if (args.values['delete-branch'] && args.values['keep-branch']) throw new UsageError('rm: give --delete-branch or --keep-branch, not both');
    const asked = args.values['delete-branch'] ? true : args.values['keep-branch'] ? false : undefined;
    return withHost(context.connect(false), async (host) => {
      const session = await resolveTarget(host, args.positionals[0]!);
      const review = new RemoteReview(host);
      const report = await review.removalReport(session.id);
      const ends = alsoEndsLine(report);
      let confirmedLoss = false;
      // With nothing to lose the branch goes too, even one git cannot see was squash-merged.
      const deleteBranch = asked ?? (losesAnything(report) ? undefined : true);
      if (losesAnything(report)) {
        const lines = [...lossLines(report), ...(ends ? [ends] : [])];
        context.out(`removing ${session.name} would lose ${describeLoss(report)}:\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
        confirmedLoss = await confirmed(args, session);
        if (!confirmedLoss) throw new Error(`not removed: ${session.name} would lose work; type its name to confirm (grove rm ${session.name} --confirm ${session.name})`);
        if (losesCommits(report) && deleteBranch !== true) context.out(`keeping branch ${session.worktree?.branch} (--delete-branch deletes it)\n`);
      }
      const alsoEnd = report.alsoEnds.map((s) => s.id);
      const outcome = await review.remove(session.id, { confirmedLoss, alsoEnd, ...(deleteBranch !== undefined ? { deleteBranch } : {}) });
      context.out(`${session.name}: ${removeOutcomeLine(outcome, session.worktree ?? { branch: '' })}\n`);
      return 0;
    });
  },
};
