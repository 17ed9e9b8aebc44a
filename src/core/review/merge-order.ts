/**
 * A merge order that avoids conflicts, where one exists.
 *
 * Two branches that each merge cleanly into the base can still collide once the first is in; and a branch
 * that conflicts with the base today may merge cleanly after another has landed. So the order is found by
 * simulation: starting from the base's tip, merge (in the object store, touching no checkout) a branch
 * that goes in cleanly on top of what has been merged so far, and go on; when a choice leads to a dead
 * end, back up and try the next (a depth-first search, capped at MAX_TRIALS merges, since each is a git
 * call; past the cap the longest order found stands). The git work lives behind `tryMerge`; this is only
 * the search, so it is tested with a fake.
 */

const MAX_TRIALS = 64;

export interface TrialMerge<Tip> {
  readonly clean: boolean;
  /** The simulated tip after the merge, when clean. */
  readonly tip?: Tip;
}

export interface MergeOrder {
  /** Sessions in the order to merge them; all of them when `complete`. */
  readonly order: readonly string[];
  /** Every session fits in an order without a conflict. */
  readonly complete: boolean;
  /** When not complete: the sessions that conflict whatever is merged before them. */
  readonly stuck: readonly string[];
}

export async function suggestMergeOrder<Tip>(
  sessions: readonly string[],
  baseTip: Tip,
  tryMerge: (tip: Tip, session: string) => Promise<TrialMerge<Tip>>,
): Promise<MergeOrder> {
  let trials = 0;
  let best: readonly string[] = [];
  const search = async (tip: Tip, order: readonly string[], remaining: readonly string[]): Promise<boolean> => {
    if (order.length > best.length) best = order;
    if (remaining.length === 0) return true;
    for (const session of remaining) {
      if (trials++ >= MAX_TRIALS) return false;
      const trial = await tryMerge(tip, session);
      if (!trial.clean || trial.tip === undefined) continue;
      if (await search(trial.tip, [...order, session], remaining.filter((s) => s !== session))) return true;
    }
    return false;
  };
  const complete = await search(baseTip, [], sessions);
  return { order: best, complete, stuck: complete ? [] : sessions.filter((s) => !best.includes(s)) };
}
