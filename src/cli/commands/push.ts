/**
 * `grove push` and `grove pr`: a worktree session's branch pushed for review (upstream set; its pending work
 * committed first as the end of a turn), and a pull request for it — opened with `gh` when it is installed
 * and signed in, else the command to run and, for GitHub, the address to open. `--force` is the only way to
 * replace what the remote has.
 */
import { compareUrl, ghArguments, pullRequestText } from '../../core/review/pull-request.js';
import { shellQuote } from '../../core/hosts/remote.js';
import { RemoteReview } from '../../client/review/remote-review.js';
import type { PushOutcome, WorktreeRecord } from '../../core/git/review.js';
import type { SessionInfo } from '../../core/session/session.js';
import { runProgram } from '../../io/programs.js';
import { stringOption, type CliCommand, type CliContext, type ParsedArgs } from '../command.js';
import { resolveTarget, withHost } from '../targets.js';

const PUSH_OPTIONS = { remote: { type: 'string' }, force: { type: 'boolean' } } as const;

interface Pushed {
  readonly review: RemoteReview;
  readonly session: SessionInfo & { readonly worktree: WorktreeRecord };
  readonly outcome: PushOutcome;
}

/** Pushes the session named, says so, then does `then` with it. */
async function pushed(args: ParsedArgs, context: CliContext, then?: (pushed: Pushed) => Promise<number>): Promise<number> {
  return withHost(context.connect(false), async (host) => {
    const session = await resolveTarget(host, args.positionals[0]!, context.cwd);
    if (!session.worktree) throw new Error(`${session.name} works in the checkout: push the branch you work on with git push`);
    const review = new RemoteReview(host);
    const remote = stringOption(args, 'remote');
    const outcome = await review.push(session.id, { ...(remote !== undefined ? { remote } : {}), ...(args.values.force === true ? { force: true } : {}) });
    context.out(`${session.name}: pushed ${outcome.branch} to ${outcome.remote} (upstream set)\n`);
    return then ? then({ review, session: { ...session, worktree: session.worktree }, outcome }) : 0;
  });
}

export const pushCommand: CliCommand = {
  name: 'push',
  usage: 'grove push SESSION [--remote NAME] [--force]',
  summary: "Push a worktree session's branch to the repository's remote, upstream set (--force: replace what is there)",
  options: PUSH_OPTIONS,
  positionals: { min: 1, max: 1 },
  run: (args, context) => pushed(args, context),
};

export const prCommand: CliCommand = {
  name: 'pr',
  usage: 'grove pr SESSION [--remote NAME] [--force]',
  summary: "Push a worktree session's branch and open a pull request with gh (else print how to open one)",
  options: PUSH_OPTIONS,
  positionals: { min: 1, max: 1 },
  run: (args, context) =>
    pushed(args, context, async ({ review, session, outcome }) => {
      const { baseBranch: base, repoPath: repo } = session.worktree;
      const text = pullRequestText(session.name, (await review.diff(session.id)).commits);
      const gh = ghArguments(text, outcome.branch, base);
      const signedIn = (await runProgram('gh', ['auth', 'status'], { cwd: repo, env: context.env })).exitCode === 0;
      if (signedIn) {
        const made = await runProgram('gh', gh, { cwd: repo, env: context.env });
        context.out(made.output);
        return made.exitCode === 0 ? 0 : 1;
      }
      context.out(`gh is not installed or not signed in; to open the pull request:\n  ${['gh', ...gh].map(shellQuote).join(' ')}\n`);
      const url = compareUrl(outcome.url, base, outcome.branch);
      if (url) context.out(`or open ${url}\n`);
      return 0;
    }),
};
