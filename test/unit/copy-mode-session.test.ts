/**
 * One pane in copy mode on the client, against a fake pane buffer behind the `lines` request: the
 * frozen view, keys typed before the lines arrive, paging lines in as the view reaches them, searching,
 * copying, starting over when the pane is resized, and keys meaning what the keymap says.
 */
import { describe, expect, it } from 'vitest';
import { CopyModeSession, type CopyModeEvents } from '../../src/client/copy-mode/copy-mode-session.js';
import { DEFAULT_BINDINGS, DEFAULT_PREFIX, type KeyBinding } from '../../src/core/keymap/bindings.js';
import { Keymap } from '../../src/core/keymap/keymap.js';
import { DEFAULT_MODES, PLAIN, lineText, type FrameLine, type PaneFrame } from '../../src/core/screen/frame.js';
import { sliceRange, type LineSlice } from '../../src/core/screen/line-slice.js';

const COLS = 12;
const ROWS = 5;

const DEFAULT_KEYMAP = Keymap.build({ prefix: DEFAULT_PREFIX, bindings: DEFAULT_BINDINGS });

const line = (text: string, cols = COLS): FrameLine => [{ style: PLAIN, cells: [...text.padEnd(cols).slice(0, cols)] }];

/** A pane's buffer as the host keeps it; `hold` keeps answers back until `release`. */
class FakePane {
  readonly texts: string[];
  first = 0;
  epoch = 1;
  cols = COLS;
  requests = 0;
  private held: (() => void)[] | undefined;

  constructor(count: number) {
    this.texts = Array.from({ length: count }, (_, i) => `L${i}`);
  }

  readonly fetch = (from: number, count: number): Promise<LineSlice> => {
    this.requests++;
    const answer = (): LineSlice => {
      const end = this.first + this.texts.length;
      const range = sliceRange(from, count, this.first, end);
      const texts = this.texts.slice(range.from - this.first, range.to - this.first);
      return { epoch: this.epoch, first: this.first, end, from: range.from, lines: texts.map((t) => line(t, this.cols)), wrapped: texts.map(() => false) };
    };
    if (!this.held) return Promise.resolve(answer());
    return new Promise((resolve) => this.held!.push(() => resolve(answer())));
  };

  hold(): void {
    this.held = [];
  }

  release(): void {
    const held = this.held ?? [];
    this.held = undefined;
    held.forEach((answer) => answer());
  }

  /** The live screen: the last ROWS lines, the cursor on the last. */
  frame(): PaneFrame {
    const lines = this.texts.slice(-ROWS).map((t) => line(t, this.cols));
    return { cols: this.cols, rows: ROWS, lines, cursor: { x: 0, y: ROWS - 1, visible: true }, title: '', modes: DEFAULT_MODES };
  }
}

class Recorder implements CopyModeEvents {
  changes = 0;
  left = 0;
  readonly copied: string[] = [];
  readonly messages: string[] = [];
  readonly prompts: { forward: boolean; done: (term: string | undefined) => void }[] = [];
  changed() { this.changes++; }
  prompt(forward: boolean, done: (term: string | undefined) => void) { this.prompts.push({ forward, done }); }
  copy(text: string) { this.copied.push(text); }
  leave() { this.left++; }
  message(text: string) { this.messages.push(text); }
}

/** Lets every answer already given reach the session. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const shown = (frame: PaneFrame) => frame.lines.map((l) => lineText(l).trimEnd());

async function entered(pane: FakePane, options = {}, keymap = DEFAULT_KEYMAP) {
  const events = new Recorder();
  const session = new CopyModeSession(keymap, pane.fetch, pane.frame(), events, options);
  await settle();
  return { session, events };
}

describe('a pane in copy mode', () => {
  it('shows where it was entered, with the cursor, and says where that is', async () => {
    const pane = new FakePane(40);
    const { session } = await entered(pane);
    const frame = session.frame(pane.frame());
    expect(shown(frame)).toEqual(['L35', 'L36', 'L37', 'L38', 'L39']);
    expect(frame.cursor).toEqual({ x: 0, y: 4, visible: true });
    expect(session.status()).toBe('copy mode │ line 40 of 40');
  });

  it('stays frozen while output arrives underneath', async () => {
    const pane = new FakePane(40);
    const { session } = await entered(pane);
    session.handleKey('k');
    pane.texts.push('new 1', 'new 2');
    const frame = session.frame(pane.frame());
    expect(shown(frame)).toEqual(['L35', 'L36', 'L37', 'L38', 'L39']);
    expect(session.status()).toBe('copy mode │ line 39 of 40');
  });

  it('keeps keys typed before the lines arrive, and applies them in order', async () => {
    const pane = new FakePane(40);
    pane.hold();
    const events = new Recorder();
    const session = new CopyModeSession(DEFAULT_KEYMAP, pane.fetch, pane.frame(), events);
    for (const key of ['k', 'k', 'V', 'k', 'y']) session.handleKey(key);
    expect(shown(session.frame(pane.frame()))).toEqual(['L35', 'L36', 'L37', 'L38', 'L39']);
    expect(events.copied).toEqual([]);
    pane.release();
    await settle();
    expect(events.copied).toEqual(['L36\nL37']);
    expect(events.left).toBe(1);
  });

  it('opens the search prompt at once, and searches once the lines are there', async () => {
    const pane = new FakePane(40);
    pane.hold();
    const events = new Recorder();
    const session = new CopyModeSession(DEFAULT_KEYMAP, pane.fetch, pane.frame(), events);
    session.handleKey('?');
    expect(events.prompts).toHaveLength(1);
    events.prompts[0]!.done('L2');
    pane.release();
    await settle();
    expect(session.status()).toBe('copy mode │ line 30 of 40 │ ?L2');
    session.handleKey('n');
    await settle();
    expect(session.status()).toBe('copy mode │ line 29 of 40 │ ?L2');
    const frame = session.frame(pane.frame());
    expect(frame.lines[frame.cursor.y]![0]!.style).toEqual({ fg: 0, bg: 11, attrs: expect.any(Number) });
  });

  it('says so when a search finds nothing or goes round an end, until the next key', async () => {
    const pane = new FakePane(40);
    const { session, events } = await entered(pane);
    session.handleKey('n');
    expect(events.messages).toEqual(['no search yet: / or ? searches']);
    session.handleKey('/');
    events.prompts[0]!.done('zebra');
    await settle();
    expect(session.status()).toBe('copy mode │ line 40 of 40 │ /zebra │ not found');
    session.handleKey('/');
    events.prompts[1]!.done('L1');
    await settle();
    expect(session.status()).toBe('copy mode │ line 2 of 40 │ /L1 │ search wrapped');
    session.handleKey('n');
    await settle();
    expect(session.status()).toBe('copy mode │ line 11 of 40 │ /L1');
  });

  it('asks for a selection before copying, and leaves on q', async () => {
    const pane = new FakePane(40);
    const { session, events } = await entered(pane);
    session.handleKey('y');
    expect(events.messages).toEqual(['nothing selected: v or Space starts a selection']);
    expect(events.left).toBe(0);
    session.handleKey('q');
    expect(events.left).toBe(1);
  });

  it('fetches older lines a page at a time as the view reaches them', async () => {
    const pane = new FakePane(2000);
    const { session } = await entered(pane);
    session.handleKey('g');
    expect(shown(session.frame(pane.frame()))).toEqual(['', '', '', '', '']);
    await settle();
    expect(shown(session.frame(pane.frame()))).toEqual(['L0', 'L1', 'L2', 'L3', 'L4']);
    const requests = pane.requests;
    session.frame(pane.frame());
    await settle();
    expect(pane.requests).toBe(requests);
  });

  it('shows lines the pane dropped meanwhile as blank, without asking for them again', async () => {
    const pane = new FakePane(2000);
    const { session } = await entered(pane);
    pane.texts.splice(0, 1000);
    pane.first = 1000;
    session.handleKey('g');
    session.frame(pane.frame());
    await settle();
    expect(shown(session.frame(pane.frame()))).toEqual(['', '', '', '', '']);
    const requests = pane.requests;
    session.frame(pane.frame());
    await settle();
    expect(pane.requests).toBe(requests);
  });

  it('starts over at the bottom when the pane is resized', async () => {
    const pane = new FakePane(40);
    const { session } = await entered(pane);
    session.handleKey('g');
    pane.cols = 20;
    pane.epoch = 2;
    session.frame(pane.frame());
    await settle();
    const frame = session.frame(pane.frame());
    expect(frame.cols).toBe(20);
    expect(shown(frame)).toEqual(['L35', 'L36', 'L37', 'L38', 'L39']);
    expect(session.status()).toBe('copy mode │ line 40 of 40');
  });

  it('starts over when the host has renumbered the lines it is asked for', async () => {
    const pane = new FakePane(2000);
    const { session } = await entered(pane);
    pane.epoch = 2;
    session.handleKey('g');
    session.frame(pane.frame());
    await settle();
    await settle();
    expect(session.status()).toBe('copy mode │ line 2000 of 2000');
  });

  it('scrolls with the wheel, and leaves at the bottom when the wheel brought it in', async () => {
    const pane = new FakePane(40);
    const { session, events } = await entered(pane, { leaveAtBottom: true });
    session.scroll(-3);
    expect(shown(session.frame(pane.frame()))[0]).toBe('L32');
    session.scroll(2);
    expect(events.left).toBe(0);
    session.scroll(3);
    expect(events.left).toBe(1);
  });

  it('selects what is dragged over and copies it when the drag ends', async () => {
    const pane = new FakePane(40);
    const { session, events } = await entered(pane);
    session.selectFrom(1, 1);
    session.extendTo(2, 2);
    session.finishDrag();
    expect(events.copied).toEqual(['36\nL37']);
    expect(events.left).toBe(1);
  });
});

describe('copy mode keys', () => {
  /** The default table with `action`'s copy-mode keys replaced by `keys`, as a config override does. */
  const rebound = (action: string, keys: readonly string[]): Keymap => {
    const rows: KeyBinding[] = DEFAULT_BINDINGS.filter((row) => !(row.table === 'copy-mode-vi' && row.command === action));
    const description = DEFAULT_BINDINGS.find((row) => row.table === 'copy-mode-vi' && row.command === action)!.description;
    return Keymap.build({ prefix: DEFAULT_PREFIX, bindings: [...rows, ...keys.map((key) => ({ table: 'copy-mode-vi' as const, key, command: action, description }))] });
  };

  it('are looked up in the keymap, so a rebound action moves to its new key and leaves the old one', async () => {
    const pane = new FakePane(40);
    const { session, events } = await entered(pane, {}, rebound('cursor-up', ['u']));
    session.handleKey('k');
    expect(session.status()).toBe('copy mode │ line 40 of 40');
    session.handleKey('u');
    expect(session.status()).toBe('copy mode │ line 39 of 40');
    session.handleKey('Up');
    expect(session.status()).toBe('copy mode │ line 39 of 40');
    session.handleKey('q');
    expect(events.left).toBe(1);
  });

  it('do nothing once unbound, and the hints name the keys the keymap has', async () => {
    const pane = new FakePane(40);
    const { session, events } = await entered(pane, {}, rebound('begin-selection', []));
    session.handleKey('v');
    session.handleKey('Space');
    session.handleKey('y');
    expect(events.messages).toEqual(['nothing selected']);
    expect(events.copied).toEqual([]);

    const other = await entered(pane, {}, rebound('search-backward', ['F3']));
    other.session.handleKey('n');
    expect(other.events.messages).toEqual(['no search yet: / or F3 searches']);
  });
});
