/**
 * The xterm.js internals grove reads (src/emu/xterm-internals.ts), probed on a real headless terminal: they
 * exist in the pinned version, and they say what they should after the sequences that set them.
 */
import { readFileSync } from 'node:fs';
import { Terminal } from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { xtermInternals } from '../../src/emu/xterm-internals.js';

const write = (terminal: Terminal, data: string) => new Promise<void>((resolve) => terminal.write(data, resolve));

describe('xterm internals', () => {
  it('are read from a version pinned exactly', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
    for (const [name, range] of Object.entries(manifest.dependencies).filter(([name]) => name.startsWith('@xterm/'))) {
      expect(range, name).toMatch(/^\d+\.\d+\.\d+$/u);
    }
  });

  it('report the hidden cursor, SGR mouse, trimmed lines and changed rows', async () => {
    const terminal = new Terminal({ cols: 20, rows: 3, scrollback: 2, allowProposedApi: true });
    const internals = xtermInternals(terminal);
    const trimmed: number[] = [];
    const rows: unknown[] = [];
    internals.onTrim((count) => trimmed.push(count));
    internals.onRowsChanged((range) => rows.push(range));
    expect([internals.cursorHidden, internals.sgrMouse]).toEqual([false, false]);
    await write(terminal, '\x1b[?25l\x1b[?1000h\x1b[?1006h');
    expect([internals.cursorHidden, internals.sgrMouse]).toEqual([true, true]);
    await write(terminal, '1\r\n2\r\n3\r\n4\r\n5\r\n6\r\n');
    expect(trimmed.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(rows.length).toBeGreaterThan(0);
    terminal.dispose();
  });

  it('parse on demand, reporting the rows the parse changed at once', () => {
    const terminal = new Terminal({ cols: 20, rows: 3, allowProposedApi: true });
    const internals = xtermInternals(terminal);
    const rows: unknown[] = [];
    internals.onRowsChanged((range) => rows.push(range));
    internals.writeSync('a\r\nb');
    expect(terminal.buffer.active.getLine(1)?.translateToString(true)).toBe('b');
    expect(rows).toEqual([{ start: 0, end: 1 }]);
    terminal.dispose();
  });

  it('drop the oldest rows as a full scrollback does: the screen, cursor and saved cursor stay, the rows are let go', async () => {
    const terminal = new Terminal({ cols: 20, rows: 3, scrollback: 100, allowProposedApi: true });
    const internals = xtermInternals(terminal);
    await write(terminal, Array.from({ length: 10 }, (_, i) => `L${i}`).join('\r\n') + '\x1b7\x1b[2;3H');
    const normal = internals.normalBuffer;
    const marker = terminal.registerMarker(-1)!;
    const markerLine = marker.line;
    const dropped = terminal.buffer.normal.getLine(0);
    internals.dropOldestRows(4);
    const text = (y: number) => terminal.buffer.normal.getLine(y)?.translateToString(true);
    expect([terminal.buffer.normal.length, terminal.buffer.normal.baseY]).toEqual([6, 3]);
    expect([text(0), text(3), text(5)]).toEqual(['L4', 'L7', 'L9']);
    expect([terminal.buffer.normal.cursorX, terminal.buffer.normal.cursorY]).toEqual([2, 1]);
    expect(marker.line).toBe(markerLine - 4);
    // The saved cursor (ESC 7, on the last row) comes back to the same row of the screen.
    await write(terminal, '\x1b8x');
    expect(text(5)).toBe('L9x');
    // The ring that held the dropped rows no longer does, so they can be collected.
    const slots = (normal as unknown as { lines: { _array: unknown[] } }).lines._array;
    expect(slots.filter((line) => line === (dropped as unknown as { _line: unknown })._line)).toEqual([]);
    terminal.dispose();
  });

  it('refuse, loudly, a terminal whose internals moved', () => {
    const fake = { _core: { coreService: { isCursorHidden: false } } } as unknown as Terminal;
    expect(() => xtermInternals(fake)).toThrow(/no longer exposes/);
  });
});
