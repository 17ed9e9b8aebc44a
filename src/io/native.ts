/**
 * grove's native addon (native/, built by `npm install` with node-gyp as node-pty is): the few calls
 * Node has no JavaScript for. Loaded on first use, once per thread that uses it.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';

interface NativeAddon {
  setCloseOnExec(fd: number): void;
  releaseFreeMemory(): boolean;
  reduceHeap(): void;
  limitArenas(count: number): boolean;
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
 * The live heap up to which the shrinking collection is used. Its pause grows with what it moves:
 * ~2 ms on the server's own 12 MB; 380–570 ms on an emulator thread holding fifteen panes of 10,000
 * lines, where a plain collection (gc(), the server has --expose-gc) paused 27–31 ms.
 */
const SHRINK_UP_TO_BYTES = 16 * 1024 * 1024;

/** The heap's size when last released, or the least seen since: what growth is measured from. */
let released = 0;

/**
 * Hands the memory this thread no longer uses back to the system: a collection, then, once it has run,
 * the pages malloc holds free (native/memory.c). Where the process allows it (the server), a plain
 * collection first; then, if what is left is small, the one that also shrinks the heap (native/heap.cc).
 * Without gc() (the UI) the shrinking one alone, for a small heap; V8's own reducer sees to a large one
 * there. Nothing when the heap has grown less than GROWTH_BYTES since the last time, so a thread that
 * only trickles never collects for it. For when a burst of work has stopped (io/memory-release.ts), never
 * on a timer of its own.
 */
export function releaseFreeMemory(): void {
  const size = getHeapStatistics().total_physical_size;
  if (size < released + GROWTH_BYTES) {
    released = Math.min(released, size);
    return;
  }
  released = size;
  // What is live is known only after a collection: a plain one first where the process allows it.
  (globalThis as { gc?: () => void }).gc?.();
  if (getHeapStatistics().used_heap_size <= SHRINK_UP_TO_BYTES) nativeAddon().reduceHeap();
  setTimeout(() => nativeAddon().releaseFreeMemory(), COLLECTED_MS).unref();
}
