/**
 * `grove feedback`: review comments on a session's diff, typed to its agent as one prompt. With a place
 * and text it keeps a comment (quoting the diff's lines there), as `c` in the diff view does; alone it
 * types the comments not yet sent, as Enter in the diff view does; --list and --drop read and forget them.
 */
import { parseCommentPlace, placeLabel, unsent, type ReviewComment } from '../../core/review/feedback.js';
import { plural } from '../../core/git/refusal.js';
import { terminalText } from '../../core/text/terminal-text.js';
import { RemoteReview } from '../../client/review/remote-review.js';
import { stringOption, UsageError, type CliCommand } from '../command.js';
import { resolveTarget, withHost } from '../targets.js';

function listed(comments: readonly ReviewComment[]): string {
  return comments.map((comment, index) => [
    `${index + 1}. ${placeLabel(comment)}${comment.sent ? ' (sent)' : ''}`,
    ...comment.quote.map((line) => `   > ${line}`),
    `   ${comment.text}`,
  ].join('\n')).join('\n');
}

export const feedbackCommand: CliCommand = {
  name: 'feedback',
  usage: 'grove feedback SESSION [FILE:LINE[-LAST] TEXT… | --list | --drop N|all]',
  summary: "Type a session's review comments to its agent as one prompt; with FILE:LINE TEXT, keep a comment",
  options: { list: { type: 'boolean' }, drop: { type: 'string' } },
  positionals: { min: 1, max: 1000 },
  run: (args, context) => {
    const [target, where, ...words] = args.positionals;
    const drop = stringOption(args, 'drop');
    const modes = [where !== undefined, args.values.list === true, drop !== undefined].filter(Boolean).length;
    if (modes > 1) throw new UsageError('feedback: a comment to keep, --list and --drop go one at a time');
    if (where !== undefined && !words.length) throw new UsageError('feedback: a comment needs its text after FILE:LINE');
    if (drop !== undefined && drop !== 'all' && !/^[1-9]\d*$/u.test(drop)) throw new UsageError('feedback: --drop takes a comment number (from --list) or all');
    return withHost(context.connect(false), async (host) => {
      const session = await resolveTarget(host, target!, context.cwd);
      const review = new RemoteReview(host);
      if (args.values.list === true) {
        const comments = session.comments ?? [];
        context.out(comments.length ? `${terminalText(listed(comments))}\n` : `${session.name} has no review comments\n`);
        return 0;
      }
      if (drop !== undefined) {
        const left = await review.comment(session.id, { drop: drop === 'all' ? 'all' : Number(drop) - 1 });
        context.out(`${session.name}: ${plural(left.length, 'comment')} left\n`);
        return 0;
      }
      if (where !== undefined) {
        const place = parseCommentPlace(where);
        if (typeof place === 'string') throw new UsageError(`feedback: ${place}`);
        const comments = await review.comment(session.id, { add: { ...place, text: words.join(' '), quote: [] } });
        const waiting = unsent(comments).length;
        context.out(`${terminalText(placeLabel(place))}: kept (${plural(waiting, 'comment')} to send: grove feedback ${session.name})\n`);
        return 0;
      }
      const { sent } = await review.sendFeedback(session.id);
      context.out(`typed ${plural(sent, 'review comment')} to ${session.name}\n`);
      return 0;
    });
  },
};
