/**
 * grove's native addon (native/, built by `npm install` with node-gyp as node-pty is): the few calls
 * Node has no JavaScript for. Loaded on first use, once per thread that uses it.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { getHeapSpaceStatistics, getHeapStatistics } from 'node:v8';

interface NativeAddon {
  setCloseOnExec(fd: number): void;
  releaseFreeMemory(): boolean;
  reduceHeap(): void;
  limitArenas(count: number): boolean;
  setBackground(on: boolean): void;
}

/** The package root is two folders up, for tsc's output and the bundle alike (scripts/bundle.js). */
const ADDON_PATH = fileURLToPath(new URL('../../build/Release/grove_native.node', import.meta.url));

let addon: NativeAddon | undefined;

export function nativeAddon(): NativeAddon {
  addon ??= createRequire(import.meta.url)(ADDON_PATH) as NativeAddon;
  return addon;
}

/** Arenas for a process whose threads other than the main one allocate little: the main one and one shared. */
const FEW_ARENAS = 2;

/**
 * Caps the heaps glibc's malloc keeps (arenas) at FEW_ARENAS. By default each thread that allocates gets
 * an arena of its own, up to eight per core, and each keeps pages no trim returns: V8's helper threads
 * (compiling, collecting) made the UI some 2.5 MB larger with one idle session (58.4 against 55.9 MB,
 * five starts each). Not for the server, whose emulator threads allocate rows all the time: sharing an
 * arena there made four floods slower. Takes effect for threads that have not allocated yet, so it runs
 * first thing (bin/grove.js). Elsewhere than glibc it does nothing.
 */
export function limitMallocArenas(): void {
  nativeAddon().limitArenas(FEW_ARENAS);
}

/** Time for the collection to finish (reduceHeap's runs in steps between the thread's other work). */
const COLLECTED_MS = 1000;
/** How much the heap must have grown since the last release for another to be worth its collection. */
const GROWTH_BYTES = 4 * 1024 * 1024;
/**
 * The live heap up to which the shrinking collection comes at once. Its pause grows with what it moves:
 * ~2 ms on the server's own 12 MB; 380–570 ms on an emulator thread holding fifteen panes of 10,000
 * lines whose old space was mostly empty pages, where a plain collection (gc(), the server has
 * --expose-gc) paused 27–31 ms. Above it, plain collections first make the old space dense.
 */
const SHRINK_UP_TO_BYTES = 16 * 1024 * 1024;
/**
 * Plain collections after the first, one a step, while the old space holds EMPTY_ENOUGH_BYTES more than
 * DENSE times what is live in it, and the last step gave back MIN_FREED_BYTES.
 */
const MAX_STEPS = 8;
const DENSE = 1.25;
const EMPTY_ENOUGH_BYTES = 4 * 1024 * 1024;
const MIN_FREED_BYTES = 1024 * 1024;

/** The heap's size when last released, or the least seen since: what growth is measured from. */
let released = 0;
/** Steps left in the compaction under way, 0 when none is. */
let steps = 0;
/** The old space's emptiness when the last step began; Infinity before the first. */
let lastEmpty = Infinity;

type Collect = () => void;

/**
 * Hands the memory this thread no longer uses back to the system: collections, then, once they have run,
 * the pages malloc holds free (native/memory.c). Where the process allows it (the server), a plain
 * collection first, to learn what is live. A small heap then gets the collection that also shrinks it
 * (native/heap.cc): it compacts the old space and gives back the young generation, which a burst grows to
 * 32 MB and a plain collection seldom shrinks. A large heap gets it only once plain collections, one a
 * step, have made its old space dense: each moves just 6 MB out of mostly empty pages, which the old
 * rows of a scrollback handed to the history leave by the thousand, so that the shrinking one has little
 * left to move; if they cannot make it dense, it does without (that pause is what the steps avoid).
 * Measured on an emulator thread holding fifteen panes of 10,000 lines: 17 MB live in
 * 41–57 MB of old space after one plain collection, 19–22 after the steps, and the young generation
 * 32 → 8 MB, every pause under 65 ms; the server of thirty such panes 232–251 → 129–137 MB. The return
 * value says when to call again for the next step (io/memory-release.ts calls once the thread is, or is
 * again, quiet); undefined when done.
 * Without gc() (the UI) the shrinking one alone, for a small heap; V8's own reducer sees to a large one
 * there. Nothing when the heap has grown less than GROWTH_BYTES since the last time, so a thread that
 * only trickles never collects for it. For when a burst of work has stopped, never on a timer of its own.
 */
export function releaseFreeMemory(): number | undefined {
  const collect = (globalThis as { gc?: Collect }).gc;
  if (steps > 0 && collect) return compactStep(collect);
  const size = getHeapStatistics().total_physical_size;
  if (size < released + GROWTH_BYTES) {
    released = Math.min(released, size);
    return undefined;
  }
  released = size;
  // What is live is known only after a collection: a plain one first where the process allows it.
  collect?.();
  const large = getHeapStatistics().used_heap_size > SHRINK_UP_TO_BYTES;
  if (large && collect) {
    steps = MAX_STEPS;
    return COLLECTED_MS;
  }
  if (!large) nativeAddon().reduceHeap();
  trimLater();
  return undefined;
}

/**
 * One more collection while the old space is still mostly empty pages and the last one gave some back;
 * once it is dense, the shrinking one. Read when a step begins, a second after the collection before it:
 * right after one, the pages it freed are not yet swept and count as full.
 */
function compactStep(collect: Collect): number | undefined {
  const empty = emptyOldSpace();
  const progressed = lastEmpty - empty >= MIN_FREED_BYTES;
  if (empty > EMPTY_ENOUGH_BYTES && progressed && --steps > 0) {
    lastEmpty = empty;
    collectAsInBackground(collect);
    return COLLECTED_MS;
  }
  steps = 0;
  lastEmpty = Infinity;
  released = Math.min(released, getHeapStatistics().total_physical_size);
  if (empty <= EMPTY_ENOUGH_BYTES) nativeAddon().reduceHeap();
  trimLater();
  return undefined;
}

/**
 * A plain collection made as V8 makes it for an isolate in the background (native/heap.cc): it moves a
 * set amount out of mostly empty pages (6 MB of objects), where in the foreground it moves what the
 * compaction speed it last measured allows in half a millisecond a page, which on a loaded machine was
 * often nothing. The pause is the same (a 35 MB heap: 50–60 ms either way, marking most of it).
 */
function collectAsInBackground(collect: Collect): void {
  const addon = nativeAddon();
  addon.setBackground(true);
  try {
    collect();
  } finally {
    addon.setBackground(false);
  }
}

/** Old space held beyond DENSE times what is live in it. */
function emptyOldSpace(): number {
  const old = getHeapSpaceStatistics().find((space) => space.space_name === 'old_space');
  return old ? old.physical_space_size - old.space_used_size * DENSE : 0;
}

function trimLater(): void {
  setTimeout(() => nativeAddon().releaseFreeMemory(), COLLECTED_MS).unref();
}
