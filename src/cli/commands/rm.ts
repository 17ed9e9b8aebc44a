/**
 * `grove rm`: ends a worktree session, and any other session open in its worktree, and removes the
 * worktree; the line it prints names those it ended. First it says what would be lost. The branch is
 * deleted when grove created it and nothing on it would be lost, or when --delete-branch asks (a branch
 * grove did not create always stays); only what really goes counts as lost. With something to lose it
 * needs the session's name typed — at the prompt, or as --confirm NAME. There is no --force.
 */
import { describeLoss } from '../../core/git/loss.js';
import { alsoEndsLine, branchFateLine, deletesBranchByDefault, lossLines, losesAnything, removalLoss, removeOutcomeLine } from '../../core/review/summaries.js';
import type { SessionInfo } from '../../core/session/session.js';
import { RemoteReview } from '../../client/review/remote-review.js';
import { ask, askYesNo, canAsk } from '../../io/ask.js';
import type { RemoteHost } from '../../client/remote-host.js';
import { stringOption, UsageError, type CliCommand, type CliContext } from '../command.js';
import { resolveTarget, withHost } from '../targets.js';

/** Whether the user has typed the session's name, as the confirmation of a loss. */
async function confirmed(given: string | undefined, session: SessionInfo): Promise<boolean> {
  if (given !== undefined) {
    if (given !== session.name) throw new Error(`--confirm must be the session's name, ${session.name}; nothing removed`);
    return true;
  }
  if (!canAsk()) return false;
  return (await ask(`type the session's name (${session.name}) to remove it anyway: `)) === session.name;
}

export interface RemoveChoices {
  /** Delete (true) or keep (false) the branch, as asked; undefined: grove's default for what it would lose. */
  readonly asked: boolean | undefined;
  /** The name typed as --confirm, if any. */
  readonly confirm: string | undefined;
}

/** What would be lost, then the removal: with a loss only once the name is typed (or given as --confirm). */
export async function removeInteractively(context: CliContext, host: RemoteHost, session: SessionInfo, choices: RemoveChoices): Promise<number> {
  const review = new RemoteReview(host);
  const report = await review.removalReport(session.id);
  const branch = session.worktree?.branch ?? '';
  // The branch choice is always explicit, so what is printed here is what the server does.
  const deleteBranch = report.branchCreated && (choices.asked ?? deletesBranchByDefault(report));
  const loss = removalLoss(report, deleteBranch);
  const ends = alsoEndsLine(report);
  let confirmedLoss = false;
  if (losesAnything(loss)) {
    const lines = [...lossLines(loss), ...(ends ? [ends] : []), branchFateLine(report, branch, deleteBranch)];
    context.out(`removing ${session.name} would lose ${describeLoss(loss)}:\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
    confirmedLoss = await confirmed(choices.confirm, session);
    if (!confirmedLoss) throw new Error(`not removed: ${session.name} would lose work; type its name to confirm (grove rm ${session.name} --confirm ${session.name})`);
  }
  const alsoEnd = report.alsoEnds.map((s) => s.id);
  const outcome = await review.remove(session.id, { confirmedLoss, alsoEnd, deleteBranch });
  context.out(`${session.name}: ${removeOutcomeLine(outcome, session.worktree ?? { branch: '' })}\n`);
  return 0;
}

/**
 * A session whose work is merged, offered for removal in one key at a terminal; a script (--yes, or no
 * terminal to ask at) is told the command instead. A removal that would lose work still wants the name.
 */
export async function offerRemoval(context: CliContext, host: RemoteHost, session: SessionInfo, scripted: boolean): Promise<void> {
  if (scripted || !canAsk()) {
    context.out(`grove rm ${session.name} removes its worktree and branch\n`);
    return;
  }
  if (await askYesNo(`remove ${session.name}'s worktree and branch?`)) await removeInteractively(context, host, session, { asked: undefined, confirm: undefined });
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
      const session = await resolveTarget(host, args.positionals[0]!, context.cwd);
      return removeInteractively(context, host, session, { asked, confirm: stringOption(args, 'confirm') });
    });
  },
};
