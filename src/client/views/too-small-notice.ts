/** Shown instead of the layout when the terminal is smaller than grove can use, so nothing draws garbled. */
import { box } from '../../io/screen-widgets.js';
import type { Widgets } from 'blessed';

export class TooSmallNotice {
  private readonly box: Widgets.BoxElement;

  constructor(screen: Widgets.Screen) {
    this.box = box({ parent: screen, hidden: true, align: 'center', valign: 'middle' });
  }

  show(cols: number, rows: number, minCols: number, minRows: number): void {
    Object.assign(this.box, { left: 0, top: 0, width: cols, height: rows });
    this.box.setContent(`terminal too small\n${cols}×${rows}, need ${minCols}×${minRows}`);
    this.box.setFront();
    this.box.show();
  }

  hide(): void {
    this.box.hide();
  }
}
