/**
 * The new-session dialog (`prefix c`): a name and a command, each a one-line field, with the defaults
 * shown greyed in the empty fields so that Enter alone accepts them. A request the host refuses keeps the
 * dialog open with the reason under the fields: nothing typed is lost.
 */
import blessed from 'neo-blessed';
import type { Widgets } from 'blessed';
import type { InputEvent } from '../../core/keys/input-event.js';
import { LineEditor } from '../../core/text/line-editor.js';
import type { Modal, ModalResult } from './modal.js';
import type { Palette } from './palette.js';
import { columns, escapeTags, fit } from './text-width.js';

export interface NewSessionInput {
  readonly name: string;
  readonly command: string;
}

interface Field {
  readonly label: string;
  readonly placeholder: string;
  readonly editor: LineEditor;
}

const LABEL_WIDTH = 9;

export class NewSessionDialog implements Modal {
  private readonly box: Widgets.BoxElement;
  private readonly fields: Field[];
  private active = 0;
  private error = '';
  private busy = false;

  constructor(
    screen: Widgets.Screen,
    palette: Palette,
    defaults: { command: string },
    /** Makes the session; resolves to an error message to show, or undefined when done. */
    private readonly submit: (input: NewSessionInput) => Promise<string | undefined>,
    private readonly close: () => void,
  ) {
    this.fields = [
      { label: 'Name', placeholder: '(from the command)', editor: new LineEditor() },
      { label: 'Command', placeholder: defaults.command, editor: new LineEditor() },
    ];
    this.box = blessed.box({
      parent: screen,
      label: ' New session ',
      tags: true,
      border: { type: 'line' },
      style: { fg: palette.dialog.fg, bg: palette.dialog.bg, border: { fg: palette.dialog.border } },
    });
    this.layout(screen.width as number, screen.height as number);
  }

  layout(cols: number, rows: number): void {
    const width = Math.min(cols, 64);
    Object.assign(this.box, { left: Math.floor((cols - width) / 2), top: Math.max(0, Math.floor((rows - 8) / 2)), width, height: 7 });
    this.draw();
  }

  handle(event: InputEvent): ModalResult {
    if (this.busy) return 'open';
    if (event.kind === 'key') {
      switch (event.key) {
        case 'Escape': case 'C-c': return 'done';
        case 'Tab': case 'Down': case 'BTab': case 'Up':
          this.active = (this.active + 1) % this.fields.length;
          this.draw();
          return 'open';
        case 'Enter':
          this.accept();
          return 'open';
      }
    }
    if (this.fields[this.active]!.editor.apply(event)) {
      this.error = '';
      this.draw();
    }
    return 'open';
  }

  cursor(): { x: number; y: number; visible: boolean } {
    const field = this.fields[this.active]!;
    const before = field.editor.value.slice(0, field.editor.cursor);
    const left = (this.box.aleft as number) + 2 + LABEL_WIDTH + Math.min(columns(before), this.fieldWidth() - 1);
    return { x: left, y: (this.box.atop as number) + 1 + this.active, visible: true };
  }

  dispose(): void {
    this.box.destroy();
  }

  private accept(): void {
    const [name, command] = this.fields.map((f) => f.editor.value.trim());
    this.busy = true;
    void this.submit({ name: name!, command: command! }).then((error) => {
      this.busy = false;
      if (error === undefined) return this.close();
      this.error = error;
      this.draw();
    });
  }

  private fieldWidth(): number {
    return Math.max(4, (this.box.width as number) - 4 - LABEL_WIDTH);
  }

  private draw(): void {
    const inner = (this.box.width as number) - 2;
    const lines = this.fields.map((field, i) => {
      const marker = i === this.active ? '{bold}' : '';
      const value = field.editor.value
        ? escapeTags(fit(this.visiblePart(field), this.fieldWidth()))
        : `{grey-fg}${escapeTags(fit(field.placeholder, this.fieldWidth()))}{/grey-fg}`;
      return ` ${marker}${fit(field.label, LABEL_WIDTH - 1)}{/bold} {underline}${value}{/underline}`;
    });
    lines.push(this.error ? `{red-fg}${escapeTags(fit(' ' + this.error, inner))}{/red-fg}` : '');
    lines.push(`{grey-fg}${fit(' Enter create · Tab next field · Esc cancel', inner)}{/grey-fg}`);
    this.box.setContent(lines.join('\n'));
  }

  /** The value, scrolled so the cursor stays inside the field. */
  private visiblePart(field: Field): string {
    const { value, cursor } = field.editor;
    const width = this.fieldWidth();
    return cursor < width ? value : value.slice(cursor - width + 1);
  }
}
