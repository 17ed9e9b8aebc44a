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
}

/** The package root is two folders up, for tsc's output and the bundle alike (scripts/bundle.js). */
const ADDON_PATH = fileURLToPath(new URL('../../build/Release/grove_native.node', import.meta.url));

let addon: NativeAddon | undefined;

export function nativeAddon(): NativeAddon {
  addon ??= createRequire(import.meta.url)(ADDON_PATH) as NativeAddon;
  return addon;
}

/** Time for the collection reduceHeap starts to finish, in steps between the thread's other work. */
const COLLECTED_MS = 1000;
/** How much the heap must have grown since the last release for another to be worth its collection. */
const GROWTH_BYTES = 4 * 1024 * 1024;

/** The heap's size when last released, or the least seen since: what growth is measured from. */
let released = 0;

/**
 * Hands the memory this thread no longer uses back to the system: a collection that shrinks the heap
 * (native/heap.cc), then, once it has run, the pages malloc holds free (native/memory.c). Nothing when
 * the heap has grown less than GROWTH_BYTES since the last time, so a thread that only trickles never
 * collects for it. For when a burst of work has stopped (core/memory-release.ts), never on a timer of its own.
 */
export function releaseFreeMemory(): void {
  const size = getHeapStatistics().total_physical_size;
  if (size < released + GROWTH_BYTES) {
    released = Math.min(released, size);
    return;
  }
  released = size;
  nativeAddon().reduceHeap();
  setTimeout(() => nativeAddon().releaseFreeMemory(), COLLECTED_MS).unref();
}
