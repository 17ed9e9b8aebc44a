/**
 * The new-session dialog (`prefix c`): a name and a command, each a one-line field, with the defaults
 * shown greyed in the empty fields so that Enter alone accepts them, and the isolation — the checkout
 * itself (workspace) or a worktree of its own — chosen with Space. A request the host refuses keeps the
 * dialog open with the reason under the fields: nothing typed is lost. When a worktree cannot be made,
 * the dialog says why and offers workspace isolation, one key away; it never switches by itself.
 */
import blessed from 'neo-blessed';
import type { Widgets } from 'blessed';
import type { InputEvent } from '../../core/keys/input-event.js';
import { CANNOT_CREATE_WORKTREE } from '../../core/review/review-port.js';
import type { Isolation } from '../../core/session/session.js';
import { LineEditor } from '../../core/text/line-editor.js';
import { wrapWords } from '../../core/text/wrap.js';
import type { Modal, ModalResult } from './modal.js';
import { boxStyle, paint, type Palette } from './palette.js';
import { columns, fit } from './text-width.js';

export interface NewSessionInput {
  readonly name: string;
  readonly command: string;
  readonly isolation?: Isolation;
}

interface Field {
  readonly label: string;
  readonly placeholder: string;
  readonly editor: LineEditor;
}

const LABEL_WIDTH = 11;
const ISOLATIONS: readonly Isolation[] = ['workspace', 'worktree'];
const MAX_ERROR_LINES = 3;

export class NewSessionDialog implements Modal {
  private readonly box: Widgets.BoxElement;
  private readonly fields: Field[];
  private active = 0;
  private error = '';
  private busy = false;
  private isolation: Isolation = 'workspace';
  /** Set when the worktree could not be made: the hint offers workspace isolation. */
  private offerWorkspace = false;

  constructor(
    screen: Widgets.Screen,
    private readonly palette: Palette,
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
      wrap: false,
      border: { type: 'line' },
      style: { ...boxStyle(palette.dialog.box), border: boxStyle(palette.dialog.border) },
    });
    this.layout(screen.width as number, screen.height as number);
  }

  layout(cols: number, rows: number): void {
    const width = Math.min(cols, 64);
    const height = 6 + Math.max(1, this.errorLines(width - 2).length);
    Object.assign(this.box, { left: Math.floor((cols - width) / 2), top: Math.max(0, Math.floor((rows - height - 1) / 2)), width, height });
    this.draw();
  }

  handle(event: InputEvent): ModalResult {
    if (this.busy) return 'open';
    if (event.kind === 'key') {
      switch (event.key) {
        case 'Escape': case 'C-c': return 'done';
        case 'Tab': case 'Down': case 'BTab': case 'Up': {
          const rows = this.fields.length + 1;
          const step = event.key === 'BTab' || event.key === 'Up' ? rows - 1 : 1;
          this.active = (this.active + step) % rows;
          this.draw();
          return 'open';
        }
        case 'Enter':
          this.accept();
          return 'open';
      }
    }
    if (this.active === this.fields.length) {
      if (event.kind === 'key' && ['Space', 'Left', 'Right', 'h', 'l'].includes(event.key)) {
        this.isolation = this.isolation === 'workspace' ? 'worktree' : 'workspace';
        this.error = '';
        this.offerWorkspace = false;
        this.draw();
      }
      return 'open';
    }
    if (this.fields[this.active]!.editor.apply(event)) {
      this.error = '';
      this.draw();
    }
    return 'open';
  }

  cursor(): { x: number; y: number; visible: boolean } {
    const field = this.fields[this.active];
    if (!field) return { x: 0, y: 0, visible: false };
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
    void this.submit({ name: name!, command: command!, isolation: this.isolation }).then((error) => {
      this.busy = false;
      if (error === undefined) return this.close();
      this.error = error;
      this.offerWorkspace = this.isolation === 'worktree' && error.startsWith(CANNOT_CREATE_WORKTREE);
      if (this.offerWorkspace) this.active = this.fields.length;
      this.layout(this.box.screen.width as number, this.box.screen.height as number);
    });
  }

  private fieldWidth(): number {
    return Math.max(4, (this.box.width as number) - 4 - LABEL_WIDTH);
  }

  private draw(): void {
    const inner = (this.box.width as number) - 2;
    const { dialog } = this.palette;
    const lines = this.fields.map((field, i) => {
      const label = fit(field.label, LABEL_WIDTH - 1);
      const value = field.editor.value
        ? paint(fit(this.visiblePart(field), this.fieldWidth()), dialog.field)
        : paint(fit(field.placeholder, this.fieldWidth()), dialog.placeholder);
      return ` ${i === this.active ? paint(label, { ...dialog.box, bold: true }) : label} ${value}`;
    });
    const onIsolation = this.active === this.fields.length;
    const choices = ISOLATIONS.map((isolation) =>
      isolation === this.isolation ? paint(` ${isolation} `, dialog.field) : paint(` ${isolation} `, dialog.dim)).join(' ');
    const label = fit('Isolation', LABEL_WIDTH - 1);
    lines.push(` ${onIsolation ? paint(label, { ...dialog.box, bold: true }) : label} ${choices}`);
    const errors = this.errorLines(inner);
    lines.push(...(errors.length ? errors.map((line) => paint(fit(' ' + line, inner), dialog.error)) : ['']));
    const hint = this.offerWorkspace
      ? ' Space: use workspace instead · Enter create · Esc cancel'
      : onIsolation ? ' Space switch · Enter create · Tab next field · Esc cancel' : ' Enter create · Tab next field · Esc cancel';
    lines.push(paint(fit(hint, inner), dialog.dim));
    this.box.setContent(lines.join('\n'));
  }

  /** The error, wrapped to the box (a refusal to make a worktree names paths, which can be long). */
  private errorLines(inner: number): string[] {
    const lines = wrapWords(this.error, inner - 2, columns);
    return lines.length > MAX_ERROR_LINES ? [...lines.slice(0, MAX_ERROR_LINES - 1), fit(lines.slice(MAX_ERROR_LINES - 1).join(' '), inner - 2)] : lines;
  }

  /** The value, scrolled so the cursor stays inside the field. */
  private visiblePart(field: Field): string {
    const { value, cursor } = field.editor;
    const width = this.fieldWidth();
    return cursor < width ? value : value.slice(cursor - width + 1);
  }
}
