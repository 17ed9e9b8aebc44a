/**
 * The screen adapter as the user's terminal sees it: its bytes are fed to a headless emulator standing in
 * for that terminal, and the tests look at the emulator's cursor, modes and buffer.
 */
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { PaneEmulator } from '../../src/emu/pane-emulator.js';
import { openScreen, type TerminalScreen } from '../../src/io/screen.js';
import { PaneView } from '../../src/client/pane-view.js';
import { PLAIN, lineText } from '../../src/core/screen/frame.js';

const owned: { dispose(): void }[] = [];
afterEach(() => {
  while (owned.length) owned.pop()!.dispose();
});

interface Rig {
  screen: TerminalScreen;
  output: Writable & { columns: number; rows: number };
  writes: string[];
  /** The user's terminal: everything written so far, parsed. */
  terminal(): Promise<PaneEmulator>;
}

function rig(cols = 20, rows = 5): Rig {
  const writes: string[] = [];
  const output = Object.assign(
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        writes.push(chunk.toString());
        done();
      },
    }),
    { columns: cols, rows, isTTY: true },
  );
  const screen = openScreen({ output: output as unknown as NodeJS.WriteStream, colorDepth: '256', term: 'xterm-256color' });
  owned.push({ dispose: () => screen.destroy() });
  const terminal = (): Promise<PaneEmulator> => {
    const emu = new PaneEmulator({ cols: output.columns, rows: output.rows, onReply: () => {} });
    owned.push(emu);
    return new Promise((resolve) => emu.write(writes.join(''), () => resolve(emu)));
  };
  return { screen, output, writes, terminal };
}

function showText(screen: TerminalScreen, text: string): PaneView {
  const pane = new PaneView(screen.screen);
  owned.push(pane);
  pane.setRect({ x: 0, y: 0, width: text.length, height: 1 });
  pane.setFrame({
    cols: text.length, rows: 1, title: '', cursor: { x: 0, y: 0, visible: true },
    modes: { applicationCursor: false, bracketedPaste: false, mouseTracking: 'none', sgrMouse: false },
    lines: [[{ style: PLAIN, cells: [...text] }]],
  });
  return pane;
}

describe('the hardware cursor', () => {
  it('is hidden until asked for, then placed after the draw', async () => {
    const { screen, terminal } = rig();
    showText(screen, 'hello');
    screen.render();
    expect((await terminal()).frame().cursor.visible).toBe(false);
    screen.setCursor({ x: 3, y: 2, visible: true });
    screen.render();
    expect((await terminal()).frame().cursor).toEqual({ x: 3, y: 2, visible: true });
  });

  it('is hidden again by setCursor(undefined) or an invisible cursor', async () => {
    const { screen, terminal } = rig();
    screen.setCursor({ x: 1, y: 1, visible: true });
    screen.render();
    screen.setCursor(undefined);
    screen.render();
    expect((await terminal()).frame().cursor.visible).toBe(false);
    screen.setCursor({ x: 1, y: 1, visible: true });
    screen.render();
    screen.setCursor({ x: 1, y: 1, visible: false });
    screen.render();
    expect((await terminal()).frame().cursor.visible).toBe(false);
  });

  it('goes back where it was after cells are drawn elsewhere, and costs nothing when nothing changed', async () => {
    const { screen, writes, terminal } = rig();
    screen.setCursor({ x: 4, y: 3, visible: true });
    screen.render();
    showText(screen, 'text');
    screen.render();
    expect((await terminal()).frame().cursor).toEqual({ x: 4, y: 3, visible: true });
    const count = writes.length;
    screen.render();
    expect(writes.length).toBe(count);
  });
});

describe('the terminal around grove', () => {
  it('draws on the alternate screen, with bracketed paste on', async () => {
    const { screen, terminal } = rig();
    showText(screen, 'on the side');
    screen.render();
    const user = await terminal();
    expect(user.frame().modes.bracketedPaste).toBe(true);
    expect(lineText(user.frame().lines[0]!).trimEnd()).toBe('on the side');
    await new Promise<void>((resolve) => user.write('\x1b[?1049l', resolve));
    expect(lineText(user.frame().lines[0]!).trimEnd()).toBe('');
  });

  it('announces a resize with the new size and redraws everything', async () => {
    const { screen, output, writes } = rig(20, 5);
    showText(screen, 'kept');
    screen.render();
    const sizes: [number, number][] = [];
    const subscription = screen.onResize((cols, rows) => sizes.push([cols, rows]));
    Object.assign(output, { columns: 30, rows: 8 });
    output.emit('resize');
    subscription.dispose();
    output.emit('resize');
    expect(sizes).toEqual([[30, 8]]);
    expect([screen.cols, screen.rows]).toEqual([30, 8]);
    const after = new PaneEmulator({ cols: 30, rows: 8, onReply: () => {} });
    owned.push(after);
    await new Promise<void>((resolve) => after.write(writes.join(''), resolve));
    expect(lineText(after.frame().lines[0]!).trimEnd()).toBe('kept');
  });

  it.each([
    ['destroy()', (screen: TerminalScreen) => screen.destroy()],
    ["blessed's own destroy (its exit handler)", (screen: TerminalScreen) => screen.screen.destroy()],
  ])('is given back as it was by %s', async (_name, destroy) => {
    const { screen, writes, terminal } = rig();
    showText(screen, 'grove was here');
    screen.setCursor({ x: 2, y: 2, visible: false });
    screen.render();
    writes.push('\x1b[?1002h\x1b[?1006h\x1b[1;31m'); // modes the client may have switched on itself
    destroy(screen);
    const user = (await terminal()).frame();
    expect(user.modes).toMatchObject({ bracketedPaste: false, mouseTracking: 'none', sgrMouse: false });
    expect(user.cursor.visible).toBe(true);
    expect(lineText(user.lines[0]!).trim()).toBe(''); // the main screen, not grove's
    expect(writes.join('')).toMatch(/\x1b\[\?1049l.*\x1b\[m/s);
  });
});
