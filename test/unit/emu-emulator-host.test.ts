/**
 * An emulator thread's host (src/emu/emulator-host.ts) over a MessageChannel, as a worker runs it: it
 * reports to its memory release each update it sends and each batch of old rows moved to a pane's compact
 * history (which starts after a second of quiet), so memory goes back once both have stopped.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { portChannel } from '../../src/core/channel.js';
import type { FromEmulator, ToEmulator } from '../../src/core/screen/emulator-messages.js';
import { EmulatorHost } from '../../src/emu/emulator-host.js';

const closing: (() => void)[] = [];
afterEach(() => closing.splice(0).forEach((close) => close()));

/**
 * A host with one pane fed `count` lines: the work it has reported once the pane's updates are sent, and
 * again past the second of quiet after which old rows start moving, and the moves themselves.
 */
async function workReported(count: number): Promise<{ afterUpdates: number; afterHandover: number }> {
  let worked = 0;
  const { port1, port2 } = new MessageChannel();
  const emulators = new EmulatorHost(portChannel<ToEmulator, FromEmulator>(port1, () => port1.close()), { memory: { worked: () => worked++ } });
  const server = portChannel<FromEmulator, ToEmulator>(port2, () => port2.close());
  const parsed: number[] = [];
  server.onMessage((message) => message.kind === 'parsed' || message.kind === 'frame' ? parsed.push(message.parsed) : undefined);
  closing.push(() => (emulators.dispose(), server.dispose()));
  server.post({ kind: 'open', pane: 1, cols: 40, rows: 10, scrollback: 5000 });
  server.post({ kind: 'write', pane: 1, data: Array.from({ length: count }, (_, i) => `line ${i}`).join('\r\n'), seq: 1 });
  await vi.waitFor(() => expect(parsed).toContain(1));
  await new Promise((resolve) => setTimeout(resolve, 100));
  const afterUpdates = worked;
  await new Promise((resolve) => setTimeout(resolve, 1800));
  return { afterUpdates, afterHandover: worked };
}

describe('EmulatorHost', () => {
  it('reports its updates, then the rows it moves to a history once output has paused', async () => {
    const { afterUpdates, afterHandover } = await workReported(3000);
    expect(afterUpdates).toBeGreaterThan(0);
    expect(afterHandover).toBeGreaterThan(afterUpdates);
  });

  it('reports nothing more for a pane whose scrollback stays short', async () => {
    const { afterUpdates, afterHandover } = await workReported(300);
    expect(afterUpdates).toBeGreaterThan(0);
    expect(afterHandover).toBe(afterUpdates);
  });
});
