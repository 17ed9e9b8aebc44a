/**
 * What an emulator thread runs (src/emu/emulator-pool.ts starts them): an emulator host that hears the
 * server through the thread's port. scripts/bundle.js builds it as its own file, emulator-worker.cjs.
 */
import type { FromEmulator, ToEmulator } from '../core/screen/emulator-messages.js';
import { EmulatorHost } from '../emu/emulator-host.js';
import { releaseFreeMemory } from '../io/native.js';
import { parentChannel } from '../io/threads.js';

new EmulatorHost(parentChannel<ToEmulator, FromEmulator>(), { releaseFreeMemory });
