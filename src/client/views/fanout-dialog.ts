/**
 * The fan-out dialog (`C-b F`): how many variants, the group's name, the agents (one for all, or one
 * each, comma-separated), the prompt, a plan file to hand over, and the base — one-line fields, their
 * defaults greyed, as in the new-session dialog. Enter makes them all (client/fanout.ts); a refusal stays
 * in the dialog with nothing typed lost.
 */
import type { Widgets } from 'blessed';
import type { InputEvent } from '../../core/keys/input-event.js';
import { wrapWords } from '../../core/text/wrap.js';
import { framedBox } from './dialog-box.js';
import type { Modal, ModalResult } from './modal.js';
import { drawRow, fieldWidthIn, TextRow, textRowCursor } from './new-session-rows.js';
import { paint, type Palette } from './palette.js';
import { columns, fit } from './text-width.js';

/** The fields as typed (empty: the greyed default). */
export interface FanoutForm {
  readonly count: string;
  readonly name: string;
  readonly agents: string;
  readonly prompt: string;
  readonly planFile: string;
  readonly base: string;
}

export class FanoutDialog implements Modal {
  private readonly box: Widgets.BoxElement;
  private readonly rows: readonly TextRow[];
  private active = 0;
  private error = '';
  private busy = false;

  constructor(
    screen: Widgets.Screen,
    private readonly palette: Palette,
    defaultAgent: string,
    /** Makes the variants; resolves to an error to show, or undefined when done. */
    private readonly submit: (form: FanoutForm) => Promise<string | undefined>,
    private readonly close: () => void,
  ) {
    this.rows = [
      new TextRow('Variants', () => '3'),
      new TextRow('Name', () => '(from the prompt)'),
      new TextRow('Agents', () => `${defaultAgent} (or a,b,c: one each)`),
      new TextRow('Prompt', () => '(what to do)'),
      new TextRow('Plan file', () => '(optional: handed to each)'),
      new TextRow('Base', () => '(the checked-out branch)'),
    ];
    this.box = framedBox(screen, palette, 'Fan out');
    this.layout(screen.width as number, screen.height as number);
  }

  layout(cols: number, rows: number): void {
    const width = Math.min(cols, 64);
    const height = 3 + this.rows.length + Math.max(1, wrapWords(this.error, width - 4, columns).length);
    Object.assign(this.box, { left: Math.floor((cols - width) / 2), top: Math.max(0, Math.floor((rows - height - 1) / 2)), width, height });
    this.draw();
  }

  handle(event: InputEvent): ModalResult {
    if (this.busy) return 'open';
    if (event.kind === 'key') {
      switch (event.key) {
        case 'Escape': case 'C-c': return 'done';
        case 'Tab': case 'Down': case 'BTab': case 'Up':
          this.active = (this.active + (event.key === 'BTab' || event.key === 'Up' ? this.rows.length - 1 : 1)) % this.rows.length;
          this.draw();
          return 'open';
        case 'Enter':
          this.accept();
          return 'open';
      }
    }
    if (this.rows[this.active]!.editor.apply(event)) {
      this.error = '';
      this.draw();
    }
    return 'open';
  }

  cursor(): { x: number; y: number; visible: boolean } {
    return textRowCursor(this.box, this.rows[this.active]!, this.active);
  }

  dispose(): void {
    this.box.destroy();
  }

  private accept(): void {
    const [count, name, agents, prompt, planFile, base] = this.rows.map((row) => row.value) as [string, string, string, string, string, string];
    this.busy = true;
    this.error = 'starting the variants…';
    this.draw();
    void this.submit({ count, name, agents, prompt, planFile, base }).then((error) => {
      this.busy = false;
      if (error === undefined) return this.close();
      this.error = error;
      this.layout(this.box.screen.width as number, this.box.screen.height as number);
    });
  }

  private draw(): void {
    const inner = (this.box.width as number) - 2;
    const { dialog } = this.palette;
    const lines = this.rows.map((row, i) => drawRow(row, i === this.active, this.palette, fieldWidthIn(this.box)));
    const errors = wrapWords(this.error, inner - 2, columns);
    lines.push(...(errors.length ? errors.map((line) => paint(fit(' ' + line, inner), dialog.error)) : ['']));
    lines.push(paint(fit(' Enter start them · Tab next field · Esc cancel', inner), dialog.dim));
    this.box.setContent(lines.join('\n'));
  }
}
