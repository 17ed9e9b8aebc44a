/**
 * What an emulator thread runs (src/emu/emulator-pool.ts starts them): an emulator host that hears the
 * server through the thread's port. scripts/bundle.js builds it as its own file, emulator-worker.cjs.
 */
import type { FromEmulator, ToEmulator } from '../core/screen/emulator-messages.js';
import { EmulatorHost } from '../emu/emulator-host.js';
import { QuietMemoryRelease } from '../io/memory-release.js';
import { parentChannel } from '../io/threads.js';

// Both live as long as the thread: the server ends it by terminating it.
new EmulatorHost(parentChannel<ToEmulator, FromEmulator>(), { memory: new QuietMemoryRelease() });
