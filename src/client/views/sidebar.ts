/**
 * The sidebar: one entry of two lines per session — index, status symbol, name and isolation badge, then
 * the command (for a worktree session, its branch) and status — with the focused session highlighted. When the entries outgrow the height it
 * scrolls so the focused one stays in view. Every colour is an ink of the palette; the one key it mentions
 * (how to make a session, when there are none) is read from the keymap, so it is the user's.
 */
import blessed from 'neo-blessed';
import type { Widgets } from 'blessed';
import type { Rect } from '../../core/layout/rect.js';
import { commandLine, printable, statusLabel, STATUS_SYMBOL } from '../../core/session/display.js';
import type { SessionInfo } from '../../core/session/session.js';
import type { Keymap } from '../../core/keymap/keymap.js';
import { sidebarWindow } from '../../core/mouse/sidebar-rows.js';
import { boxStyle, paint, type Palette } from './palette.js';
import { fit } from './text-width.js';


export class SidebarView {
  readonly element: Widgets.BoxElement;
  private readonly emptyHint: string;

  constructor(screen: Widgets.Screen, private readonly palette: Palette, keymap: Keymap) {
    this.element = blessed.box({ parent: screen, wrap: false, style: boxStyle(palette.sidebar.text) });
    const newSession = keymap.keysFor('new-session')[0];
    this.emptyHint = newSession ? ` ${newSession}: new session` : ' no sessions';
  }

  update(rect: Rect | undefined, sessions: readonly SessionInfo[], focusedId: string | undefined): void {
    if (!rect) {
      this.element.hide();
      return;
    }
    Object.assign(this.element, { left: rect.x, top: rect.y, width: rect.width, height: rect.height });
    this.element.show();
    const focusedIndex = sessions.findIndex((s) => s.id === focusedId);
    // The same window a click is read back through (sidebar-rows.ts).
    const { first, entries: visibleEntries } = sidebarWindow(rect.height, sessions.length, focusedIndex);
    const lines = [paint(fit(` Sessions (${sessions.length})`, rect.width), this.palette.sidebar.heading)];
    sessions.slice(first, first + visibleEntries).forEach((session, offset) => {
      lines.push(...this.entry(session, first + offset, session.id === focusedId, rect.width));
    });
    if (sessions.length === 0) lines.push(paint(fit(this.emptyHint, rect.width), this.palette.sidebar.dim));
    this.element.setContent(lines.join('\n'));
  }

  private entry(session: SessionInfo, index: number, focused: boolean, width: number): string[] {
    const badge = session.isolation === 'worktree' ? 'wt' : 'ws';
    const symbol = STATUS_SYMBOL[session.status];
    const head = fit(`${index} ${symbol} ${printable(session.name)}`, width - 4) + ` ${badge} `;
    // Worktree sessions often run the same agent: their branches tell them apart better than commands.
    const what = session.worktree ? printable(session.worktree.branch) : commandLine(session);
    const tail = fit(`   ${what} · ${statusLabel(session)}`, width);
    const { sidebar } = this.palette;
    if (focused) return [paint(head, sidebar.focused), paint(tail, sidebar.focused)];
    // Only the index precedes the symbol, so its first occurrence is the symbol (absent if cut off).
    const at = head.indexOf(symbol);
    const painted = at < 0 ? paint(head, sidebar.text)
      : paint(head.slice(0, at), sidebar.text) + paint(symbol, sidebar.status[session.status]) + paint(head.slice(at + symbol.length), sidebar.text);
    return [painted, paint(tail, sidebar.dim)];
  }
}
