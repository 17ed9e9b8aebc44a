/**
 * One pane in copy mode: the model (src/core/copy-mode) over lines fetched from the host, drawn in
 * place of the pane's live screen.
 *
 * Entering freezes the view: the lines are numbered as the host had them at that moment, and output
 * that arrives afterwards lands below them, in the host's buffer, where it is when copy mode ends. The
 * first page comes from the host a moment after entering; until then the pane shows the screen it had
 * when copy mode began, and keys are kept and applied in order once the lines are there. When the pane
 * is resized or the host renumbers its lines, the fetched lines no longer fit, so copy mode starts
 * again at the bottom. Keys mean what the keymap's copy-mode-vi table says, the user's overrides included.
 */
import { isCopyAction, runCopyAction, type CopyAction, type CopyOutcome } from '../../core/copy-mode/copy-keys.js';
import { CopyMode } from '../../core/copy-mode/copy-mode.js';
import { markLine, type MarkedSpan } from '../../core/copy-mode/highlight.js';
import type { Position } from '../../core/copy-mode/search.js';
import type { Keymap } from '../../core/keymap/keymap.js';
import { PLAIN, type FrameLine, type PaneFrame } from '../../core/screen/frame.js';
import { LineCache, PAGE_LINES, type FetchLines } from './line-cache.js';

export interface CopyModeEvents {
  /** Something on screen changed. */
  changed(): void;
  /** Asks for a search term; `done` gets it, or undefined if the user gave up. */
  prompt(forward: boolean, done: (term: string | undefined) => void): void;
  copy(text: string): void;
  leave(): void;
  message(text: string): void;
}

export interface CopyModeOptions {
  /** Scrolling back down to the bottom leaves copy mode (it was entered with the mouse wheel). */
  readonly leaveAtBottom?: boolean;
}

export class CopyModeSession {
  private model: CopyMode | undefined;
  private cache: LineCache | undefined;
  private base = 0;
  private waiting: ((model: CopyMode) => void)[] = [];
  private searching = false;
  private disposed = false;
  /** Counts starts, so that only the latest one's answer is used. */
  private starts = 0;
  /** The pane's latest frame, to start over from. */
  private live: PaneFrame | undefined;
  /** How the last search went, shown in the status until the next key. */
  private note: string | undefined;

  constructor(
    private readonly keymap: Keymap,
    private readonly fetch: FetchLines,
    private entry: PaneFrame,
    private readonly events: CopyModeEvents,
    private readonly options: CopyModeOptions = {},
  ) {
    void this.start();
  }

  /**
   * A key typed while the pane is in copy mode; keys copy mode has no use for are ignored. The search
   * prompt opens at once, even before the lines are there, so that what is typed next goes into it.
   */
  handleKey(key: string): void {
    this.note = undefined;
    const command = this.keymap.lookup('copy-mode-vi', key)?.command;
    // Keymap.build lets only copy actions into this table; the check is for the type.
    const action = command !== undefined && isCopyAction(command) ? command : undefined;
    if (action === 'search-forward' || action === 'search-backward') return this.prompt(action === 'search-forward');
    if (action) this.whenReady((model) => this.outcome(runCopyAction(model, action)));
  }

  /** The mouse wheel: positive scrolls towards the bottom. */
  scroll(lines: number): void {
    this.whenReady((model) => {
      model.scroll(lines);
      if (lines > 0 && model.atBottom && this.options.leaveAtBottom && !model.selection) return this.events.leave();
      this.events.changed();
    });
  }

  /** A click at a cell of the pane: the cursor goes there and any selection is dropped. */
  click(x: number, y: number): void {
    this.whenReady((model) => {
      model.clearSelection();
      model.moveTo(this.cellAt(model, x, y));
      this.events.changed();
    });
  }

  /** A drag began at (x, y): the selection starts there. */
  selectFrom(x: number, y: number): void {
    this.whenReady((model) => {
      const at = this.cellAt(model, x, y);
      model.moveTo(at);
      model.selectFrom(at);
      this.events.changed();
    });
  }

  /** The drag went on to (x, y); past the top or bottom edge, the view scrolls a line. */
  extendTo(x: number, y: number): void {
    this.whenReady((model) => {
      const height = model.viewport.height;
      if (y < 0) model.scroll(-1);
      if (y >= height) model.scroll(1);
      model.moveTo(this.cellAt(model, x, Math.max(0, Math.min(y, height - 1))));
      this.events.changed();
    });
  }

  /** The drag ended: what it selected is copied, and copy mode ends. */
  finishDrag(): void {
    this.whenReady(() => this.outcome('copy'));
  }

  /** What to draw: the frozen view with its marks; `live` is the pane's current frame. */
  frame(live: PaneFrame | undefined): PaneFrame {
    this.live = live;
    if (live && (live.cols !== this.entry.cols || live.rows !== this.entry.rows)) this.restart(live);
    const model = this.model;
    const cache = this.cache;
    if (!model || !cache) return this.entry;
    const { width, height } = model.viewport;
    const top = model.top;
    // The lines in view and half a page either side, of those there were when copy mode began.
    cache.want(this.base + top - PAGE_LINES / 2, this.base + Math.min(model.count, top + height + PAGE_LINES / 2));
    const lines: FrameLine[] = [];
    for (let row = 0; row < height; row++) {
      const line = top + row;
      const frameLine = line < model.count ? cache.line(this.base + line) : undefined;
      lines.push(markLine(frameLine ?? blank(width), this.marks(model, line)));
    }
    const { cursor } = model;
    return { ...(live ?? this.entry), cols: width, rows: height, lines, cursor: { x: cursor.col, y: cursor.line - top, visible: true } };
  }

  /** For the status bar: where the cursor is, and the search. */
  status(): string {
    const model = this.model;
    if (!model) return 'copy mode';
    const parts = [`copy mode`, `line ${model.cursor.line + 1} of ${model.count}`];
    const search = model.search;
    if (search) parts.push(`${search.forward ? '/' : '?'}${search.term}`);
    if (this.searching) parts.push('searching…');
    else if (this.note) parts.push(this.note);
    else if (model.selection) parts.push(model.selection.lines ? 'selecting lines' : 'selecting');
    return parts.join(' │ ');
  }

  dispose(): void {
    this.disposed = true;
    this.waiting = [];
  }

  private async start(): Promise<void> {
    const { rows, cols, cursor } = this.entry;
    const start = ++this.starts;
    const slice = await this.fetch(-Math.max(PAGE_LINES, rows), Math.max(PAGE_LINES, rows)).catch(() => undefined);
    if (this.disposed || start !== this.starts) return;
    if (!slice) return this.events.leave();
    this.cache = new LineCache(this.fetch, slice, cols, {
      loaded: () => this.events.changed(),
      renumbered: () => this.restart(this.live ?? this.entry),
    });
    this.base = slice.first;
    const count = slice.end - slice.first;
    const lines = {
      count,
      cells: (line: number) => this.cache?.cells(this.base + line),
      wrapped: (line: number) => this.cache?.wrapped(this.base + line) ?? false,
    };
    const model = (this.model = new CopyMode(lines, { width: cols, height: rows }, { line: count - rows + cursor.y, col: cursor.x }));
    const waiting = this.waiting.splice(0);
    for (const run of waiting) run(model);
    this.events.changed();
  }

  /** Starts over at the bottom, from the pane as it is now. */
  private restart(live: PaneFrame): void {
    if (this.disposed) return;
    this.entry = live;
    this.model = undefined;
    this.cache = undefined;
    void this.start();
  }

  private whenReady(run: (model: CopyMode) => void): void {
    if (this.model && !this.searching) run(this.model);
    else this.waiting.push(run);
  }

  private outcome(outcome: CopyOutcome): void {
    const model = this.model;
    if (!model) return;
    switch (outcome) {
      case 'none':
        return this.events.changed();
      case 'cancel':
        return this.events.leave();
      case 'copy': {
        const text = model.selectedText();
        if (text === undefined) return this.events.message(`nothing selected${this.hint('begin-selection', 'starts a selection')}`);
        this.events.copy(text);
        return this.events.leave();
      }
      case 'prompt-forward':
      case 'prompt-backward':
        return this.prompt(outcome === 'prompt-forward');
      case 'search-again':
      case 'search-reverse':
        if (!model.search) return this.events.message(`no search yet${this.hint(['search-forward', 'search-backward'], 'searches')}`);
        return this.search((m) => m.findNext(outcome === 'search-reverse'));
    }
  }

  private prompt(forward: boolean): void {
    this.events.prompt(forward, (term) => {
      if (term) this.whenReady(() => this.search((model) => model.find(term, forward)));
    });
  }

  /** Loads every line (a search looks at all of them), then searches; keys typed meanwhile wait. */
  private search(find: (model: CopyMode) => ReturnType<CopyMode['find']>): void {
    const model = this.model;
    const cache = this.cache;
    if (!model || !cache) return;
    this.searching = true;
    this.events.changed();
    void cache.loadAll(this.base, this.base + model.count).then((complete) => {
      this.searching = false;
      // Started over meanwhile: the new start applies the keys that are waiting.
      if (this.disposed || this.model !== model) return;
      if (complete) {
        const found = find(model);
        this.note = !found ? 'not found' : found.wrapped ? 'search wrapped' : undefined;
      }
      this.events.changed();
      const waiting = this.waiting.splice(0);
      for (const run of waiting) run(model);
    });
  }

  /** ": v or Space starts a selection", with the keys the keymap has for the actions; nothing if none. */
  private hint(actions: CopyAction | readonly CopyAction[], does: string): string {
    const keys = [actions].flat().flatMap((action) => this.keymap.keysFor(action, ['copy-mode-vi']));
    return keys.length ? `: ${keys.join(' or ')} ${does}` : '';
  }

  private marks(model: CopyMode, line: number): MarkedSpan[] {
    const marks: MarkedSpan[] = model.matchesOn(line).map((span) => {
      const current = line === model.cursor.line && span.start === model.cursor.col;
      return { ...span, mark: current ? 'current-match' : 'match' };
    });
    const selected = model.selectionOn(line);
    if (selected) marks.push({ ...selected, mark: 'selection' });
    return marks;
  }

  private cellAt(model: CopyMode, x: number, y: number): Position {
    return { line: model.top + y, col: x };
  }
}

function blank(width: number): FrameLine {
  return [{ style: PLAIN, cells: new Array<string>(width).fill(' ') }];
}
