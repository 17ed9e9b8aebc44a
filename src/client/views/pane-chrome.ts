/**
 * Everything drawn around panes: title rows (tiled layout), the lines dividing panes and sidebar, and the
 * banner a finished session's pane wears ("exited with status 1 · C-b x closes") over its last screen.
 * Boxes are pooled by slot and hidden when unused, so a redraw allocates nothing in the steady state.
 * Colours are the palette's border and banner inks; the key in the banner is whatever kills a session.
 */
import { box } from '../../io/screen-widgets.js';
import type { Widgets } from 'blessed';
import type { Keymap } from '../../core/keymap/keymap.js';
import type { PanePlacement } from '../../core/layout/layout.js';
import type { Rect } from '../../core/layout/rect.js';
import { printable } from '../../core/text/terminal-text.js';
import { describeEnd, isRunning, type SessionInfo } from '../../core/session/session.js';
import { boxStyle, paint, type Palette } from './palette.js';
import { fit } from './text-width.js';

class BoxPool {
  private readonly boxes: Widgets.BoxElement[] = [];
  private used = 0;

  constructor(private readonly make: () => Widgets.BoxElement) {}

  begin(): void {
    this.used = 0;
  }

  take(rect: Rect): Widgets.BoxElement {
    const box = this.boxes[this.used] ?? (this.boxes[this.used] = this.make());
    this.used++;
    Object.assign(box, { left: rect.x, top: rect.y, width: rect.width, height: rect.height });
    box.show();
    return box;
  }

  end(): void {
    for (let i = this.used; i < this.boxes.length; i++) this.boxes[i]!.hide();
  }
}

export interface ChromeState {
  readonly panes: readonly PanePlacement[];
  readonly dividers: readonly Rect[];
  readonly sessions: readonly SessionInfo[];
  readonly focusedId: string | undefined;
}

export class PaneChrome {
  private readonly titles: BoxPool;
  private readonly dividers: BoxPool;
  private readonly banners: BoxPool;
  /** How the banner says to close the pane: ` · C-b x closes`, or nothing when no key kills a session. */
  private readonly closeHint: string;

  constructor(screen: Widgets.Screen, private readonly palette: Palette, keymap: Keymap) {
    this.titles = new BoxPool(() => box({ parent: screen, wrap: false }));
    this.dividers = new BoxPool(() => box({ parent: screen, wrap: false, style: boxStyle(palette.border.unfocused) }));
    this.banners = new BoxPool(() => box({ parent: screen, wrap: false, style: boxStyle(palette.banner) }));
    const kill = keymap.keysFor('kill-session')[0];
    this.closeHint = kill ? ` · ${kill} closes` : '';
  }

  update(state: ChromeState): void {
    [this.titles, this.dividers, this.banners].forEach((pool) => pool.begin());
    const byId = new Map(state.sessions.map((s, index) => [s.id, { session: s, index }]));
    for (const rect of state.dividers) {
      const line = rect.width === 1 ? Array(rect.height).fill('│').join('\n') : '─'.repeat(rect.width);
      this.dividers.take(rect).setContent(line);
    }
    for (const pane of state.panes) {
      const entry = byId.get(pane.id);
      if (!entry) continue;
      if (pane.title) this.title(pane.title, entry.session, entry.index, pane.id === state.focusedId);
      if (!isRunning(entry.session) && pane.rect.height > 0) {
        const bottom = { ...pane.rect, y: pane.rect.y + pane.rect.height - 1, height: 1 };
        this.banners.take(bottom).setContent(fit(` ${describeEnd(entry.session)}${this.closeHint}`, bottom.width));
      }
    }
    [this.titles, this.dividers, this.banners].forEach((pool) => pool.end());
  }

  private title(rect: Rect, session: SessionInfo, index: number, focused: boolean): void {
    const text = fit(` ${index} ${printable(session.name)} · ${session.status} `, rect.width);
    this.titles.take(rect).setContent(paint(text, focused ? this.palette.border.focused : this.palette.border.unfocused));
  }
}
