import type { CliCommand } from '../command.js';
import { RemoteReview } from '../../client/review/remote-review.js';
import { resolveTarget, withHost } from '../targets.js';

/** `grove commit`: what `C-b s` does — the worktree session's changes committed now, as the end of a turn. */
export const commitCommand: CliCommand = {
  name: 'commit',
  usage: 'grove commit SESSION',
  summary: "Commit a worktree session's changes on its branch now, as the end of a turn",
  options: {},
  positionals: { min: 1, max: 1 },
  run: (args, context) =>
    withHost(context.connect(false), async (host) => {
      const session = await resolveTarget(host, args.positionals[0]!, context.cwd);
      const turn = await new RemoteReview(host).commitTurn(session.id);
      context.out(turn.commit ? `${session.name}: committed turn ${turn.turn} (${turn.commit.slice(0, 8)})\n` : `${session.name}: nothing to commit\n`);
      return 0;
    }),
};
