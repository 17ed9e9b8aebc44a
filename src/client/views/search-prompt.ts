/**
 * Copy mode's search prompt: one line over the status bar, `/` or `?` and the term being typed, as in
 * vi, less and tmux. Enter searches for it (the last term comes back with Up, for stepping through a
 * log again); Escape gives up. It is a modal, so every key goes to it while it is open.
 */
import { box } from '../../io/screen-widgets.js';
import type { Widgets } from 'blessed';
import type { InputEvent } from '../../core/keys/input-event.js';
import { LineEditor } from '../../core/text/line-editor.js';
import type { Modal, ModalResult } from './modal.js';
import { boxStyle, type Palette } from './palette.js';
import { columns, fit } from './text-width.js';

export class SearchPrompt implements Modal {
  private readonly box: Widgets.BoxElement;
  private readonly editor = new LineEditor();

  constructor(
    screen: Widgets.Screen,
    palette: Palette,
    private readonly sign: '/' | '?',
    private readonly previous: string | undefined,
    private readonly done: (term: string | undefined) => void,
  ) {
    this.box = box({ parent: screen, wrap: false, style: boxStyle(palette.statusBar.bar) });
    this.layout(screen.width as number, screen.height as number);
  }

  handle(event: InputEvent): ModalResult {
    if (event.kind === 'key') {
      switch (event.key) {
        case 'Escape': case 'C-c':
          this.done(undefined);
          return 'done';
        case 'Enter':
          this.done(this.editor.value || undefined);
          return 'done';
        case 'Up':
          if (this.previous !== undefined) this.editor.set(this.previous);
          this.draw();
          return 'open';
        case 'BSpace':
          if (this.editor.value === '') {
            this.done(undefined);
            return 'done';
          }
      }
    }
    if (this.editor.apply(event)) this.draw();
    return 'open';
  }

  layout(cols: number, rows: number): void {
    Object.assign(this.box, { left: 0, top: Math.max(0, rows - 1), width: cols, height: 1 });
    this.draw();
  }

  cursor(): { x: number; y: number; visible: boolean } {
    const before = this.editor.value.slice(0, this.editor.cursor);
    const width = this.box.width as number;
    return { x: Math.min(width - 1, 1 + columns(before)), y: this.box.atop as number, visible: true };
  }

  dispose(): void {
    this.box.destroy();
  }

  private draw(): void {
    this.box.setContent(fit(this.sign + this.editor.value, this.box.width as number));
  }
}
