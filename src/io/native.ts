/**
 * grove's native addon (native/*.c, built by `npm install` with node-gyp as node-pty is): the few calls
 * Node has no JavaScript for. Loaded on first use, once per thread that uses it.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

interface NativeAddon {
  setCloseOnExec(fd: number): void;
  releaseFreeMemory(): boolean;
}

/** The package root is two folders up, for tsc's output and the bundle alike (scripts/bundle.js). */
const ADDON_PATH = fileURLToPath(new URL('../../build/Release/grove_native.node', import.meta.url));

let addon: NativeAddon | undefined;

export function nativeAddon(): NativeAddon {
  addon ??= createRequire(import.meta.url)(ADDON_PATH) as NativeAddon;
  return addon;
}

/** ArrayBuffers' memory is freed by a helper thread shortly after the collection that let them go. */
const SWEEP_MS = 200;

/**
 * Collects this thread's garbage, where the process allows it (the server is started with --expose-gc,
 * server-launch.ts), then hands the memory malloc holds free back to the system (native/memory.c says
 * why that takes a call). For after a burst that left much behind, never on a timer of its own.
 */
export function releaseFreeMemory(): void {
  (globalThis as { gc?: () => void }).gc?.();
  setTimeout(() => nativeAddon().releaseFreeMemory(), SWEEP_MS).unref();
}
