/**
 * The remove dialog (`prefix X`): ends a worktree session and removes its worktree, saying first what
 * would be lost, which other sessions open in the worktree would end with it, and what becomes of the
 * branch. The branch is deleted when grove created it and nothing on it would be lost; Tab changes that
 * (a branch grove did not create always stays). What the dialog counts as lost is what really goes with
 * the choice shown. With nothing to lose, y removes; with something, the session's name must be typed.
 * Nothing here ever asks git to force anything the user has not confirmed.
 */
import type { Widgets } from 'blessed';
import { describeLoss } from '../../core/git/loss.js';
import type { RemoveOptions, RemoveOutcome, WorktreeRecord } from '../../core/git/review.js';
import type { InputEvent } from '../../core/keys/input-event.js';
import type { RemovalReport } from '../../core/review/review-port.js';
import { alsoEndsLine, branchFateLine, deletesBranchByDefault, lossLines, losesAnything, removalLoss } from '../../core/review/summaries.js';
import { printable } from '../../core/text/terminal-text.js';
import { LineEditor } from '../../core/text/line-editor.js';
import { DialogBox, type DialogLine } from './dialog-box.js';
import type { Modal, ModalResult } from './modal.js';
import type { Palette } from './palette.js';
import { columns } from './text-width.js';

export interface RemoveDialogActions {
  remove(options: RemoveOptions): Promise<RemoveOutcome>;
  /** The removal is done: close the dialog and say what happened. */
  removed(outcome: RemoveOutcome): void;
  changed(): void;
}

const PROMPT = "type the session's name to remove it anyway: ";

export class RemoveDialog implements Modal {
  private readonly box: DialogBox;
  private readonly typed = new LineEditor();
  private deleteBranch: boolean;
  private busy = false;
  private error: string | undefined;
  /** Where the typed field is among the lines, for the cursor. */
  private fieldLine = -1;

  constructor(
    screen: Widgets.Screen,
    palette: Palette,
    private readonly name: string,
    private readonly record: WorktreeRecord,
    private readonly report: RemovalReport,
    private readonly actions: RemoveDialogActions,
  ) {
    this.deleteBranch = deletesBranchByDefault(report);
    this.box = new DialogBox(screen, palette, `Remove ${printable(name)}`);
    this.draw();
  }

  handle(event: InputEvent): ModalResult {
    if (this.busy) return 'open';
    if (event.kind === 'key') {
      switch (event.key) {
        case 'Escape': case 'C-c': return 'done';
        case 'y': case 'Y': case 'Enter':
          if (this.losing && event.key !== 'Enter') break;
          this.confirm();
          return 'open';
        case 'Tab':
          if (this.report.branchCreated) this.deleteBranch = !this.deleteBranch;
          this.draw();
          return 'open';
        case 'q':
          if (!this.losing) return 'done';
      }
    }
    if (this.losing && this.typed.apply(event)) {
      this.error = undefined;
      this.draw();
    }
    return 'open';
  }

  layout(cols: number, rows: number): void {
    this.box.layout(cols, rows);
  }

  /** Whether the removal, with the branch choice shown, loses anything. */
  private get losing(): boolean {
    return losesAnything(removalLoss(this.report, this.deleteBranch));
  }

  cursor(): { x: number; y: number; visible: boolean } | undefined {
    if (this.fieldLine < 0) return undefined;
    const { x, y } = this.box.inner;
    const before = this.typed.value.slice(0, this.typed.cursor);
    return { x: x + 1 + columns(PROMPT) + columns(before), y: y + this.fieldLine, visible: true };
  }

  dispose(): void {
    this.box.dispose();
  }

  private confirm(): void {
    if (this.losing && this.typed.value.trim() !== this.name) {
      this.error = `type ${this.name} exactly to remove it and lose its work`;
      return this.draw();
    }
    // The branch choice is always explicit: the server does exactly what the dialog showed.
    const options: RemoveOptions = { deleteBranch: this.deleteBranch, ...(this.losing ? { confirmedLoss: true } : {}) };
    this.busy = true;
    this.draw();
    this.actions.remove(options).then(
      (outcome) => this.actions.removed(outcome),
      (error: Error) => {
        this.busy = false;
        this.error = error.message;
        this.draw();
        this.actions.changed();
      },
    );
  }

  private draw(): void {
    const { record, report } = this;
    const lines: DialogLine[] = [];
    this.fieldLine = -1;
    const ends = alsoEndsLine(report);
    const loss = removalLoss(report, this.deleteBranch);
    const toggle = report.branchCreated ? (this.deleteBranch ? ' · Tab keeps it' : ' · Tab deletes it') : '';
    const branch = `${branchFateLine(report, record.branch, this.deleteBranch)}${toggle}`;
    if (!this.losing) {
      lines.push('This ends the session and removes its worktree', `  ${printable(record.worktreePath)}`, branch, '', 'Nothing would be lost.');
      if (ends) lines.push('', ends);
    } else {
      lines.push('This ends the session and removes its worktree', `  ${printable(record.worktreePath)}`, branch, '', `losing ${describeLoss(loss)}:`);
      lines.push(...lossLines(loss).map((line) => `  ${line}`), ...(ends ? [`  ${ends}`] : []), '');
      this.fieldLine = lines.length;
      lines.push(`${PROMPT}${this.typed.value}`);
    }
    const hint = this.busy ? 'removing…' : this.losing ? 'Enter removes · Esc cancels' : 'y removes · Esc cancels';
    this.box.show({ lines, ...(this.error ? { error: this.error } : {}), hint });
    if (this.busy) this.fieldLine = -1;
  }
}
