/**
 * `grove merge`: a worktree session's branch into its base, in the main checkout. The preview comes first
 * (commits, diffstat, whether it would conflict and where, computed without touching any checkout); then
 * it merges once confirmed — by --yes, or by answering on a terminal. A conflict is aborted back to
 * exactly the state before unless --on-conflict leave asks for it to be left to resolve.
 */
import type { ConflictChoice, MergeMode } from '../../core/git/review.js';
import { hasSomethingToMerge, mergeResultLines, mergeReviewLines } from '../../core/review/summaries.js';
import { RemoteReview } from '../../client/review/remote-review.js';
import { askYesNo, canAsk } from '../../io/ask.js';
import type { RemoteHost } from '../../client/remote-host.js';
import type { SessionInfo } from '../../core/session/session.js';
import { stringOption, UsageError, type CliCommand, type CliContext, type ParsedArgs } from '../command.js';
import { resolveTarget, withHost } from '../targets.js';
import { offerRemoval } from './rm.js';

/**
 * The preview, then the merge once confirmed (--yes, or an answer), then the worktree offered for removal;
 * the exit status (0: merged or nothing to merge) and whether the configuration cleaned up after it.
 */
export async function mergeInteractively(args: ParsedArgs, context: CliContext, host: RemoteHost, session: SessionInfo): Promise<{ status: number; cleanedUp: boolean }> {
  const mode = modeOf(args);
  const onConflict = conflictChoiceOf(args);
  const message = stringOption(args, 'message');
  const review = new RemoteReview(host);
  const preview = await review.previewMerge(session.id);
  context.out(mergeReviewLines(preview).join('\n') + '\n');
  if (!hasSomethingToMerge(preview)) return { status: 0, cleanedUp: false };
  if (!preview.preview.clean && onConflict === 'abort') {
    context.out(`(a conflict is aborted; --on-conflict leave leaves it in the main checkout to resolve)\n`);
  }
  if (args.values.yes !== true) {
    if (!canAsk()) throw new Error('not merged: add --yes to merge (the preview is above)');
    if (!(await askYesNo(`${mode} ${preview.branch} into ${preview.baseBranch}?`))) {
      context.out('not merged\n');
      return { status: 1, cleanedUp: false };
    }
  }
  const result = await review.merge(session.id, { mode, onConflict, ...(message !== undefined ? { message } : {}) });
  context.out(mergeResultLines(result, preview).join('\n') + '\n');
  if (result.outcome.kind === 'merged' && !result.cleanup) await offerRemoval(context, host, session, args.values.yes === true);
  return { status: result.outcome.kind === 'merged' || result.outcome.kind === 'up-to-date' ? 0 : 1, cleanedUp: result.cleanup !== undefined };
}

/** The merge options every merging command takes (merge, pick). */
export const MERGE_OPTIONS = {
  squash: { type: 'boolean' },
  rebase: { type: 'boolean' },
  'on-conflict': { type: 'string' },
  message: { type: 'string', short: 'm' },
  yes: { type: 'boolean', short: 'y' },
} as const;

function modeOf(args: ParsedArgs): MergeMode {
  if (args.values.squash && args.values.rebase) throw new UsageError('merge: give --squash or --rebase, not both');
  return args.values.squash ? 'squash' : args.values.rebase ? 'rebase' : 'merge';
}

function conflictChoiceOf(args: ParsedArgs): ConflictChoice {
  const choice = stringOption(args, 'on-conflict') ?? 'abort';
  if (choice !== 'leave' && choice !== 'abort') throw new UsageError('merge: --on-conflict must be leave or abort');
  return choice;
}

export const mergeCommand: CliCommand = {
  name: 'merge',
  usage: 'grove merge SESSION [--squash | --rebase] [--on-conflict abort|leave] [--message TEXT] [--yes]',
  summary: "Merge a worktree session's branch into its base branch, after a preview (--yes: without asking)",
  options: MERGE_OPTIONS,
  positionals: { min: 1, max: 1 },
  run: (args, context) => {
    // Usage mistakes are said before the server is asked anything.
    modeOf(args);
    conflictChoiceOf(args);
    return withHost(context.connect(false), async (host) => {
      const session = await resolveTarget(host, args.positionals[0]!, context.cwd);
      return (await mergeInteractively(args, context, host, session)).status;
    });
  },
};
