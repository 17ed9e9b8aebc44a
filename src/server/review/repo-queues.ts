/**
 * One line per repository for grove's git writes: turn commits, merges, removals and prunes in a
 * repository run one after another, never interleaved, so a merge never sees half a commit and a removal
 * never races the commit that ends the session's last turn. Reads (diffs, previews) do not queue.
 *
 * It also knows what is still in flight, so a server that is stopping can wait for the last commits.
 */

export class RepoQueues {
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly inFlight = new Set<Promise<unknown>>();

  /** Runs `task` after every task queued before it for the same repository. */
  run<T>(repo: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(repo) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(repo, tail);
    void tail.then(() => {
      if (this.tails.get(repo) === tail) this.tails.delete(repo);
    });
    return this.track(result);
  }

  /** Counts `work` as in flight until it settles. */
  private track<T>(work: Promise<T>): Promise<T> {
    const settled = work.catch(() => undefined);
    this.inFlight.add(settled);
    void settled.then(() => this.inFlight.delete(settled));
    return work;
  }

  /** Resolves once nothing is in flight, including work that started while waiting. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }
}
