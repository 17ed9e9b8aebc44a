/**
 * An emulator thread's host (src/emu/emulator-host.ts) over a MessageChannel, as a worker runs it: once a
 * pane's old rows have gone to its compact history, the host asks for free memory to be handed back,
 * once, after the moving stops; a pane that never fills its scrollback never asks.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { portChannel } from '../../src/core/channel.js';
import type { FromEmulator, ToEmulator } from '../../src/core/screen/emulator-messages.js';
import { EmulatorHost } from '../../src/emu/emulator-host.js';

const closing: (() => void)[] = [];
afterEach(() => closing.splice(0).forEach((close) => close()));

/** A host with one pane fed `count` lines and parsed; returns how often it has asked to release memory. */
async function paneFed(count: number): Promise<() => number> {
  let released = 0;
  const { port1, port2 } = new MessageChannel();
  const emulators = new EmulatorHost(portChannel<ToEmulator, FromEmulator>(port1, () => port1.close()), { releaseFreeMemory: () => released++ });
  const server = portChannel<FromEmulator, ToEmulator>(port2, () => port2.close());
  const parsed: number[] = [];
  server.onMessage((message) => message.kind === 'parsed' || message.kind === 'frame' ? parsed.push(message.parsed) : undefined);
  closing.push(() => (emulators.dispose(), server.dispose()));
  server.post({ kind: 'open', pane: 1, cols: 40, rows: 10, scrollback: 5000 });
  server.post({ kind: 'write', pane: 1, data: Array.from({ length: count }, (_, i) => `line ${i}`).join('\r\n'), seq: 1 });
  await vi.waitFor(() => expect(parsed).toContain(1));
  return () => released;
}

describe('EmulatorHost', () => {
  it('hands free memory back once after old rows moved to a history, and not before', async () => {
    const released = await paneFed(3000);
    expect(released()).toBe(0);
    await vi.waitFor(() => expect(released()).toBe(1), { timeout: 6000, interval: 50 });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(released()).toBe(1);
  });

  it('never asks for a pane whose scrollback stays short', async () => {
    const released = await paneFed(300);
    // Longer than a second of quiet before a handover and the two seconds after it.
    await new Promise((resolve) => setTimeout(resolve, 3500));
    expect(released()).toBe(0);
  });
});
