/**
 * The prune view (`prefix P`): the worktrees and branches grove left behind in this repository, each with
 * its size and what it holds. Up/Down (j/k) move, Space picks, Enter removes what is picked. Items that
 * would lose work are marked `!` and need the word "lose" typed before they go; removal follows the rules
 * of `grove rm`, item by item, and each result is shown.
 */
import type { Widgets } from 'blessed';
import { leftAlone, type PruneItemResult, type PruneScan } from '../../core/git/prune-report.js';
import type { InputEvent } from '../../core/keys/input-event.js';
import { pruneItems, type PruneItem } from '../../core/review/prune-items.js';
import { plural } from '../../core/git/refusal.js';
import { windowStart } from '../../core/layout/list-window.js';
import { LineEditor } from '../../core/text/line-editor.js';
import { DIALOG_LIST_ROWS, DialogBox, type DialogLine } from './dialog-box.js';
import type { Modal, ModalResult } from './modal.js';
import type { Palette } from './palette.js';
import { columns } from './text-width.js';

export interface PruneViewActions {
  prune(items: readonly PruneItem[], confirmedLoss: boolean): Promise<PruneItemResult[]>;
  changed(): void;
}

const CONFIRM = 'type "lose" to remove them anyway: ';

type Stage = 'choose' | 'confirm' | 'working' | 'done';

export class PruneView implements Modal {
  private readonly box: DialogBox;
  private readonly items: PruneItem[];
  private readonly picked = new Set<number>();
  private readonly typed = new LineEditor();
  private at = 0;
  private stage: Stage = 'choose';
  private results: PruneItemResult[] = [];
  private error: string | undefined;
  private fieldLine = -1;

  constructor(
    screen: Widgets.Screen,
    private readonly palette: Palette,
    private readonly scan: PruneScan,
    private readonly actions: PruneViewActions,
  ) {
    this.items = pruneItems(scan);
    this.box = new DialogBox(screen, palette, 'Prune');
    this.draw();
  }

  handle(event: InputEvent): ModalResult {
    if (this.stage === 'working') return 'open';
    const key = event.kind === 'key' ? event.key : '';
    if (key === 'Escape' || key === 'C-c') return this.stage === 'confirm' ? this.back() : 'done';
    if (this.stage === 'done' || this.items.length === 0) return key === 'q' || key === 'Enter' ? 'done' : 'open';
    if (this.stage === 'confirm') {
      if (key === 'Enter') this.confirmLoss();
      else if (this.typed.apply(event)) this.error = undefined;
      this.draw();
      return 'open';
    }
    switch (key) {
      case 'q': return 'done';
      case 'Down': case 'j': this.at = Math.min(this.items.length - 1, this.at + 1); break;
      case 'Up': case 'k': this.at = Math.max(0, this.at - 1); break;
      case 'Space': if (!this.picked.delete(this.at)) this.picked.add(this.at); break;
      case 'a': this.items.forEach((_, i) => this.picked.add(i)); break;
      case 'Enter': this.removePicked(); break;
      default: return 'open';
    }
    this.draw();
    return 'open';
  }

  layout(cols: number, rows: number): void {
    this.box.layout(cols, rows);
  }

  cursor(): { x: number; y: number; visible: boolean } | undefined {
    if (this.stage !== 'confirm' || this.fieldLine < 0) return undefined;
    const { x, y } = this.box.inner;
    return { x: x + 1 + columns(CONFIRM) + columns(this.typed.value.slice(0, this.typed.cursor)), y: y + this.fieldLine, visible: true };
  }

  dispose(): void {
    this.box.dispose();
  }

  private back(): ModalResult {
    this.stage = 'choose';
    this.draw();
    return 'open';
  }

  private chosen(): PruneItem[] {
    return [...this.picked].sort((a, b) => a - b).map((i) => this.items[i]!);
  }

  private removePicked(): void {
    if (this.picked.size === 0) this.picked.add(this.at);
    if (this.chosen().some((item) => item.losesWork)) this.stage = 'confirm';
    else this.run();
  }

  private confirmLoss(): void {
    if (this.typed.value.trim() !== 'lose') {
      this.error = 'type lose, or Escape to go back';
      return;
    }
    this.run();
  }

  private run(): void {
    const chosen = this.chosen();
    this.stage = 'working';
    const safe = chosen.filter((item) => !item.losesWork);
    const lossy = chosen.filter((item) => item.losesWork);
    void (async () => {
      try {
        this.results = [
          ...(safe.length ? await this.actions.prune(safe, false) : []),
          ...(lossy.length ? await this.actions.prune(lossy, true) : []),
        ];
      } catch (error) {
        this.error = (error as Error).message;
      }
      this.stage = 'done';
      this.draw();
      this.actions.changed();
    })();
  }

  private draw(): void {
    const lines: DialogLine[] = [];
    this.fieldLine = -1;
    if (this.items.length === 0) {
      lines.push(`nothing to prune in ${this.scan.repoPath}`);
    } else if (this.stage === 'done') {
      for (const r of this.results) lines.push(`${r.target}: ${r.done ? r.detail : `not removed: ${r.reason}`}`);
    } else {
      const first = windowStart(this.at, this.items.length, DIALOG_LIST_ROWS);
      this.items.slice(first, first + DIALOG_LIST_ROWS).forEach((item, offset) => {
        const index = first + offset;
        const text = `${this.picked.has(index) ? '[x]' : '[ ]'} ${item.losesWork ? '!' : ' '} ${item.summary}`;
        lines.push(index === this.at ? { text, ink: this.palette.sidebar.focused } : text);
        if (index === this.at) lines.push(...item.details.map((detail) => `        ${detail}`));
      });
      for (const line of leftAlone(this.scan)) lines.push(`      ${line}`);
      if (this.stage === 'confirm') {
        const lossy = this.chosen().filter((item) => item.losesWork).length;
        lines.push('', `${plural(lossy, 'picked item')} would lose work, as listed.`);
        this.fieldLine = lines.length;
        lines.push(`${CONFIRM}${this.typed.value}`);
      }
    }
    const hint = {
      choose: this.items.length ? 'Space pick · a pick all · Enter remove · Esc close' : 'Esc closes',
      confirm: 'Enter removes · Esc goes back',
      working: 'removing…',
      done: 'Esc closes',
    }[this.stage];
    this.box.show({ lines, ...(this.error ? { error: this.error } : {}), hint });
  }
}
