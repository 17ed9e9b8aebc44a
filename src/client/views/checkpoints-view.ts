/**
 * The checkpoints view (`prefix U`): a workspace session's turns, newest at the bottom as `grove
 * checkpoints` prints them. Up/Down (j/k) move, Enter shows what the turn under the cursor changed, `u`
 * undoes it and `r` redoes the latest undo. An undo the server refuses (a file changed since, or by another
 * session's turn) says why; `u` again on the same turn puts the files back anyway, as `--confirm` does.
 */
import type { Widgets } from 'blessed';
import { checkpointLines, noCheckpointsYet, undoSummary, type Checkpoint, type UndoOptions, type UndoOutcome } from '../../core/checkpoints/checkpoint.js';
import type { InputEvent } from '../../core/keys/input-event.js';
import { windowStart } from '../../core/layout/list-window.js';
import { printable } from '../../core/text/terminal-text.js';
import { DIALOG_LIST_ROWS, DialogBox, type DialogLine } from './dialog-box.js';
import type { Modal, ModalResult } from './modal.js';
import type { Palette } from './palette.js';

export interface CheckpointsViewActions {
  list(): Promise<Checkpoint[]>;
  undo(options: UndoOptions): Promise<UndoOutcome>;
  /** Opens the diff of one checkpoint (this view closes first). */
  showDiff(turn: number): void;
  changed(): void;
}

export class CheckpointsView implements Modal {
  private readonly box: DialogBox;
  private readonly session: string;
  private at: number;
  private busy = false;
  private note: string | undefined;
  private error: string | undefined;
  /** The turn whose undo was just refused: `u` on it again confirms. */
  private refused: number | undefined;

  constructor(
    screen: Widgets.Screen,
    private readonly palette: Palette,
    session: string,
    private checkpoints: Checkpoint[],
    private readonly actions: CheckpointsViewActions,
  ) {
    this.session = printable(session);
    this.at = Math.max(0, checkpoints.length - 1);
    this.box = new DialogBox(screen, palette, `Checkpoints of ${this.session}`);
    this.draw();
  }

  handle(event: InputEvent): ModalResult {
    const key = event.kind === 'key' ? event.key : '';
    if (key === 'Escape' || key === 'C-c' || key === 'q') return 'done';
    if (this.busy) return 'open';
    const current = this.checkpoints[this.at];
    switch (key) {
      case 'Down': case 'j': this.move(1); break;
      case 'Up': case 'k': this.move(-1); break;
      case 'Enter':
        if (!current) return 'open';
        this.actions.showDiff(current.turn);
        return 'done';
      case 'u': if (current) this.run({ turn: current.turn, ...(this.refused === current.turn ? { confirmed: true } : {}) }); break;
      case 'r': this.run({ redo: true }); break;
      default: return 'open';
    }
    this.draw();
    return 'open';
  }

  layout(cols: number, rows: number): void {
    this.box.layout(cols, rows);
  }

  cursor(): undefined {
    return undefined;
  }

  dispose(): void {
    this.box.dispose();
  }

  private move(by: number): void {
    this.at = Math.max(0, Math.min(this.checkpoints.length - 1, this.at + by));
    this.refused = undefined;
    this.error = undefined;
  }

  private run(options: UndoOptions): void {
    this.busy = true;
    this.error = undefined;
    this.note = undefined;
    void (async () => {
      try {
        const outcome = await this.actions.undo(options);
        this.refused = undefined;
        this.note = `${undoSummary(outcome)} (checkpoint ${outcome.turn})`;
        this.checkpoints = await this.actions.list();
        this.at = Math.max(0, this.checkpoints.length - 1);
      } catch (error) {
        this.refused = options.turn;
        const message = (error as Error).message.replace(/; grove undo .*$/u, '');
        this.error = options.turn !== undefined && message.startsWith('not undone') ? `${message}; u again puts them back anyway` : message;
      }
      this.busy = false;
      this.draw();
      this.actions.changed();
    })();
  }

  private draw(): void {
    const lines: DialogLine[] = [];
    if (!this.checkpoints.length) lines.push(noCheckpointsYet(this.session));
    const all = checkpointLines(this.checkpoints, Date.now());
    const first = windowStart(this.at, all.length, DIALOG_LIST_ROWS);
    all.slice(first, first + DIALOG_LIST_ROWS).forEach((text, offset) => {
      lines.push(first + offset === this.at ? { text, ink: this.palette.sidebar.focused } : text);
    });
    if (this.note) lines.push('', this.note);
    const hint = this.busy ? 'working…' : this.checkpoints.length ? 'Enter diff · u undo · r redo · Esc close' : 'Esc closes';
    this.box.show({ lines, ...(this.error ? { error: this.error } : {}), hint });
  }
}
