/**
 * Parsing shared fairly among the panes of one thread, in short turns.
 *
 * xterm parses a pane's backlog on its own timer in slices of up to 12 ms, each pane on its own timer;
 * with two floods in one thread, a message that arrives (the echo of a key in a third pane) waited for
 * both slices, 20 ms and more. Here a thread's panes take turns, a chunk each (a chunk is one write from
 * the server; each pane keeps its own, pane-backlog.ts), and the thread goes back to its messages after
 * TURN_MS, so nothing waits for long behind a flood and every flood still moves. (An echo does not wait
 * for a turn: its pane parses it on the spot when nothing of its own is queued ahead.)
 *
 * While someone types, floods in other panes give way: for GIVE_WAY_MS after a key, a thread rests
 * GIVE_WAY_REST_MS after each turn, unless the pane typed into is one of its own with output queued (a
 * `cat` just started there runs at full speed). Floods then take about a ninth of the cores (their ptys
 * soon pause, so their programs wait too), and the key's path (the server, the program that echoes it,
 * the client) finds one free. Measured with four panes flooding on two cores, the echo's p50 / p99: no
 * rest ~8 / ~30 ms, a turn's rest (2 ms) ~5 / ~35, a frame's (16 ms) ~2.3 / ~21, on a noisy day.
 */

/** How long a turn may parse before the thread reads its messages again. */
const TURN_MS = 2;
/** How long after a key other panes' floods give way, and how long they rest after each turn meanwhile. */
const GIVE_WAY_MS = 500;
const GIVE_WAY_REST_MS = 16;

/** Parses a pane's next chunk; says whether it has more queued. */
export type ParseNext = () => boolean;

export class ParseScheduler {
  /** Panes with chunks queued, in turn order. */
  private readonly queues = new Map<object, ParseNext>();
  private turn: { cancel(): void } | undefined;
  /** Until then, someone is typing: panes other than `favoured` rest after each turn. */
  private givingWayUntil = 0;
  private favoured: object | undefined;

  /** Someone typed into `favoured` (a pane of this thread), or into a pane of another thread. */
  giveWay(favoured: object | undefined): void {
    this.givingWayUntil = performance.now() + GIVE_WAY_MS;
    this.favoured = favoured;
  }

  /** Whether `pane` is to give way now: someone typed, into another pane, in the last GIVE_WAY_MS. */
  givesWay(pane: object): boolean {
    return pane !== this.favoured && performance.now() < this.givingWayUntil;
  }

  /** `pane` has output queued: it takes turns, a chunk each, until `parseNext` says it has none left. */
  wake(pane: object, parseNext: ParseNext): void {
    if (!this.queues.has(pane)) this.queues.set(pane, parseNext);
    this.arm();
  }

  /** Takes `pane` out of the turns. */
  forget(pane: object): void {
    this.queues.delete(pane);
    if (this.queues.size === 0 && this.turn) {
      this.turn.cancel();
      this.turn = undefined;
    }
  }

  private run(): void {
    this.turn = undefined;
    const start = performance.now();
    while (this.queues.size && performance.now() - start < TURN_MS) {
      for (const [pane, parseNext] of [...this.queues]) {
        if (this.queues.get(pane) !== parseNext) continue; // forgotten during this turn
        // Its turn taken, the pane goes to the back of the line (or out of it).
        this.queues.delete(pane);
        if (parseNext()) this.queues.set(pane, parseNext);
        if (performance.now() - start >= TURN_MS) break;
      }
    }
    const givingWay = performance.now() < this.givingWayUntil && !(this.favoured && this.queues.has(this.favoured));
    if (this.queues.size) this.arm(givingWay);
  }

  private arm(wait = false): void {
    if (this.turn) return;
    if (wait) {
      const timer = setTimeout(() => this.run(), GIVE_WAY_REST_MS);
      this.turn = { cancel: () => clearTimeout(timer) };
    } else {
      const immediate = setImmediate(() => this.run());
      this.turn = { cancel: () => clearImmediate(immediate) };
    }
  }
}
