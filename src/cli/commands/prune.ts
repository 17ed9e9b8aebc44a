/**
 * `grove prune`: what grove left behind in this repository — worktrees no session owns, worktrees whose
 * folder has gone, grove branches with no worktree — each numbered, with its size and what it holds.
 * Nothing is removed unless chosen: by number with --yes (and --discard for items that would lose work),
 * or one by one at the terminal's prompt. Removal follows the rules of `grove rm`.
 */
import { formatBytes, leftAlone } from '../../core/git/prune-report.js';
import { pruneChoices, pruneItems, type PruneItem } from '../../core/review/prune-items.js';
import { RemoteReview } from '../../client/review/remote-review.js';
import { ask, askYesNo, canAsk } from '../../io/ask.js';
import { UsageError, type CliCommand } from '../command.js';
import { withHost } from '../targets.js';

/** The items named on the command line: numbers from the list, or "all". */
function picked(items: readonly PruneItem[], words: readonly string[]): PruneItem[] {
  if (words.includes('all')) return [...items];
  return words.map((word) => {
    const item = /^\d+$/u.test(word) ? items[Number(word) - 1] : undefined;
    if (!item) throw new UsageError(`prune: no item ${word} (the list numbers them from 1)`);
    return item;
  });
}

/** Asks about each item: a plain yes for one that loses nothing, the word "lose" for one that does. */
async function chooseAtPrompt(items: readonly PruneItem[]): Promise<{ keep: PruneItem[]; lose: PruneItem[] }> {
  const keep: PruneItem[] = [];
  const lose: PruneItem[] = [];
  for (const [index, item] of items.entries()) {
    if (!item.losesWork) {
      if (await askYesNo(`remove ${index + 1}?`)) keep.push(item);
    } else if ((await ask(`remove ${index + 1} and lose what it holds? type "lose" to confirm, Enter keeps it: `)) === 'lose') {
      lose.push(item);
    }
  }
  return { keep, lose };
}

export const pruneCommand: CliCommand = {
  name: 'prune',
  usage: 'grove prune [--yes [--discard] NUMBER… | all]',
  summary: "List worktrees and branches grove left behind in this repository; remove the ones chosen",
  options: { yes: { type: 'boolean', short: 'y' }, discard: { type: 'boolean' } },
  positionals: { min: 0, max: 1000 },
  run: (args, context) => {
    if (args.positionals.length && args.values.yes !== true) throw new UsageError('prune: naming items to remove needs --yes');
    if (args.values.yes === true && !args.positionals.length) throw new UsageError('prune: --yes needs the numbers of the items to remove (or all)');
    return withHost(context.connect(true), async (host) => {
      const review = new RemoteReview(host);
      const scan = await review.pruneScan(context.cwd);
      const items = pruneItems(scan);
      items.forEach((item, index) => {
        context.out(`${String(index + 1).padStart(3)}  ${item.summary}\n${item.details.map((d) => `       ${d}\n`).join('')}`);
      });
      for (const line of leftAlone(scan)) context.out(`     ${line}\n`);
      const selection = args.values.yes === true ? picked(items, args.positionals) : [];
      if (items.length === 0) {
        context.out(`nothing to prune in ${scan.repoPath}\n`);
        return 0;
      }
      let chosen: { keep: PruneItem[]; lose: PruneItem[] };
      if (args.values.yes === true) {
        const lossy = selection.filter((item) => item.losesWork);
        if (lossy.length && args.values.discard !== true) {
          const numbers = lossy.map((item) => items.indexOf(item) + 1).join(', ');
          throw new Error(`not pruned: ${numbers} would lose work; add --discard to lose it`);
        }
        chosen = { keep: selection.filter((item) => !item.losesWork), lose: lossy };
      } else if (canAsk()) {
        chosen = await chooseAtPrompt(items);
      } else {
        const size = scan.worktrees.reduce((sum, w) => sum + w.sizeBytes, 0);
        context.out(`grove prune --yes NUMBER… removes the items named${scan.worktrees.length ? ` (worktrees take ${formatBytes(size)})` : ''}\n`);
        return 0;
      }
      const results = [
        ...(await review.prune(context.cwd, pruneChoices(chosen.keep, false))),
        ...(chosen.lose.length ? await review.prune(context.cwd, pruneChoices(chosen.lose, true)) : []),
      ];
      for (const result of results) context.out(`${result.target}: ${result.done ? result.detail : `not removed: ${result.reason}`}\n`);
      return results.every((result) => result.done) ? 0 : 1;
    });
  },
};
