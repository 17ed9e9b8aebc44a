/**
 * `grove diff`: what a session changed, as the TUI's diff view shows it — its commits, a diffstat, and
 * every file's patch, uncommitted and untracked files included. Coloured like git's when printing to a
 * terminal (and NO_COLOR is not set).
 */
import { diffDocument, statSection, type DiffLine, type DiffLineKind } from '../../core/review/diff-document.js';
import { stringOption, type CliCommand } from '../command.js';
import { turnOption } from './checkpoints.js';
import { RemoteReview } from '../../client/review/remote-review.js';
import { resolveTarget, withHost } from '../targets.js';

const SGR: Partial<Record<DiffLineKind, string>> = { heading: '1', file: '1', added: '32', removed: '31', hunk: '36', meta: '2' };

function render(lines: readonly DiffLine[], color: boolean): string {
  return lines.map((line) => (color && SGR[line.kind] && line.text ? `\x1b[${SGR[line.kind]}m${line.text}\x1b[m` : line.text)).join('\n') + '\n';
}

export const diffCommand: CliCommand = {
  name: 'diff',
  usage: 'grove diff SESSION [--stat] [--turn N]',
  summary: "Show what a session changed against its base (a workspace session: the checkout's changes; --turn N: one checkpoint)",
  options: { stat: { type: 'boolean' }, turn: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  run: (args, context) =>
    withHost(context.connect(false), async (host) => {
      const session = await resolveTarget(host, args.positionals[0]!, context.cwd);
      const turn = turnOption(stringOption(args, 'turn'), 'diff');
      const diff = turn === undefined ? await new RemoteReview(host).diff(session.id) : await host.request('diff', { session: session.id, turn });
      const lines = args.values.stat ? statSection(diff) : diffDocument(diff).lines;
      context.out(render(lines, process.stdout.isTTY === true && !context.env.NO_COLOR));
      return 0;
    }),
};
