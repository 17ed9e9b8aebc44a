/**
 * The sidebar: one entry of two lines per session — index, status symbol, name and isolation badge, then
 * the command and status — with the focused session highlighted. When the entries outgrow the height it
 * scrolls so the focused one stays in view.
 */
import blessed from 'neo-blessed';
import type { Widgets } from 'blessed';
import type { Rect } from '../../core/layout/rect.js';
import { commandLine, printable, statusLabel, STATUS_SYMBOL } from '../../core/session/display.js';
import type { SessionInfo } from '../../core/session/session.js';
import type { Palette } from './palette.js';
import { escapeTags, fit } from './text-width.js';

const LINES_PER_ENTRY = 2;

export class SidebarView {
  readonly element: Widgets.BoxElement;

  constructor(screen: Widgets.Screen, private readonly palette: Palette) {
    this.element = blessed.box({ parent: screen, tags: true, style: { fg: palette.sidebar.fg } });
  }

  update(rect: Rect | undefined, sessions: readonly SessionInfo[], focusedId: string | undefined): void {
    if (!rect) {
      this.element.hide();
      return;
    }
    Object.assign(this.element, { left: rect.x, top: rect.y, width: rect.width, height: rect.height });
    this.element.show();
    const focusedIndex = sessions.findIndex((s) => s.id === focusedId);
    const visibleEntries = Math.max(1, Math.floor((rect.height - 1) / LINES_PER_ENTRY));
    const first = Math.max(0, Math.min(focusedIndex - visibleEntries + 1, sessions.length - visibleEntries));
    const lines = [`{bold}${fit(` Sessions (${sessions.length})`, rect.width)}{/bold}`];
    sessions.slice(first, first + visibleEntries).forEach((session, offset) => {
      lines.push(...this.entry(session, first + offset, session.id === focusedId, rect.width));
    });
    if (sessions.length === 0) lines.push(fit(' C-b c: new session', rect.width));
    this.element.setContent(lines.join('\n'));
  }

  private entry(session: SessionInfo, index: number, focused: boolean, width: number): string[] {
    const badge = session.isolation === 'worktree' ? 'wt' : 'ws';
    const head = fit(`${index} ${STATUS_SYMBOL[session.status]} ${printable(session.name)}`, width - 4) + ` ${badge} `;
    const tail = fit(`   ${commandLine(session)} · ${statusLabel(session)}`, width);
    const { sidebar, status } = this.palette;
    if (focused) {
      const colors = `{${sidebar.focusFg}-fg}{${sidebar.focusBg}-bg}`;
      return [`${colors}${escapeTags(head)}{/}`, `${colors}${escapeTags(tail)}{/}`];
    }
    const symbolColor = status[session.status];
    const [indexPart, ...rest] = escapeTags(head).split(STATUS_SYMBOL[session.status]);
    return [
      `${indexPart}{${symbolColor}-fg}${STATUS_SYMBOL[session.status]}{/}${rest.join(STATUS_SYMBOL[session.status])}`,
      `{${sidebar.dim}-fg}${escapeTags(tail)}{/}`,
    ];
  }
}
