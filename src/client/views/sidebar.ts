/**
 * The sidebar: one entry of two lines per session, the focused one highlighted —
 *   `0 ● api         !≈✗ wt`   index, status symbol, name, marks (needs you, overlaps, conflicts), isolation
 *   `   claude grove/api +12−3 ↑2 idle 3m`   agent and branch (or the command), changes, status and its age
 * (listing several repositories, the second line starts with the repository's name: `   web: claude …`;
 * another machine's session, with the machine's: `   box: claude …`, and its link's state while it is down).
 * The right-hand parts keep their columns and the name and command are cut first, so an entry stays
 * readable at 30 columns; past the height it scrolls so the focused one stays in view. Every colour is an
 * ink of the palette; the one key it mentions (how to make a session) is read from the keymap.
 */
import { basename } from 'node:path';
import { box } from '../../io/screen-widgets.js';
import type { Widgets } from 'blessed';
import type { Rect } from '../../core/layout/rect.js';
import { age, changesLabel, commandLine, marks, placeLabel, statusLabel, STATUS_SYMBOL } from '../../core/session/display.js';
import type { SessionPlace } from '../../core/hosts/remote.js';
import { printable } from '../../core/text/terminal-text.js';
import type { SessionInfo } from '../../core/session/session.js';
import type { Keymap } from '../../core/keymap/keymap.js';
import { sidebarWindow } from '../../core/mouse/sidebar-rows.js';
import { groupProgress, itemOf, sidebarItems, type SidebarItem } from '../../core/session/groups.js';
import { handBackLabel } from '../../core/review/hand-back.js';
import { boxStyle, paint, type Palette } from './palette.js';
import { columns, fit } from './text-width.js';

interface EntryState {
  readonly index: number;
  readonly focused: boolean;
  readonly needsUser: boolean;
  /** Sessions of more than one repository are listed. */
  readonly repositories: boolean;
}

/** What the sidebar shows besides its size: the sessions listed, and what marks them. */
export interface SidebarState {
  readonly sessions: readonly SessionInfo[];
  readonly focusedId: string | undefined;
  /** Whether a session's entry carries the needs-you mark. */
  readonly needsUser: (id: string) => boolean;
  /** Other machines whose link is not up, with why: a line each under the sessions. */
  readonly offline: readonly SessionPlace[];
  /** Fan-out groups folded into their header. */
  readonly folded: ReadonlySet<string>;
}

export class SidebarView {
  readonly element: Widgets.BoxElement;
  private readonly emptyHint: string;
  private content = '';

  constructor(screen: Widgets.Screen, private readonly palette: Palette, keymap: Keymap) {
    this.element = box({ parent: screen, wrap: false, style: boxStyle(palette.sidebar.text) });
    const newSession = keymap.keysFor('new-session')[0];
    this.emptyHint = newSession ? ` ${newSession}: new session` : ' no sessions';
  }

  hide(): void {
    this.element.hide();
  }

  update(rect: Rect | undefined, state: SidebarState, now = Date.now()): void {
    if (!rect) return this.hide();
    const { sessions, focusedId, needsUser, offline, folded } = state;
    Object.assign(this.element, { left: rect.x, top: rect.y, width: rect.width, height: rect.height });
    this.element.show();
    const items = sidebarItems(sessions, folded);
    const focusedItem = itemOf(items, sessions.findIndex((s) => s.id === focusedId));
    // The same window a click is read back through (sidebar-rows.ts).
    const { first, entries: visibleEntries } = sidebarWindow(rect.height, items.length, focusedItem);
    const lines = [paint(fit(` Sessions (${sessions.length})`, rect.width), this.palette.sidebar.heading)];
    // Listing more than one repository (C-b a), each entry says whose it is: names may look alike.
    const repositories = new Set(sessions.filter((s) => !s.place).map((s) => s.repo)).size > 1;
    items.slice(first, first + visibleEntries).forEach((item, offset) => {
      const focused = first + offset === focusedItem;
      if (item.kind === 'group') return void lines.push(...this.header(item, item.indexes.map((i) => sessions[i]!), focused, rect.width));
      const session = sessions[item.index]!;
      const entry = { index: item.index, focused, needsUser: needsUser(session.id), repositories };
      lines.push(...this.entry(session, entry, now, rect.width));
    });
    if (sessions.length === 0) lines.push(paint(fit(this.emptyHint, rect.width), this.palette.sidebar.dim));
    // Below the sessions, so a click still finds its entry (sidebar-rows.ts): each machine out of reach, and why.
    for (const machine of offline.slice(0, Math.max(0, rect.height - lines.length))) {
      lines.push(paint(fit(` ⚠ ${printable(machine.name)}: ${placeLabel(machine)}`, rect.width), this.palette.sidebar.dim));
    }
    // Setting content makes blessed parse and measure it again: skip it when nothing changed, as when a
    // frame of a pane is all that moved.
    const content = lines.join('\n');
    if (content === this.content) return;
    this.content = content;
    this.element.setContent(content);
  }

  /** A fan-out's header: `▾ greet ×3` (▸ when folded), then how far its variants have got. */
  private header(item: Extract<SidebarItem, { kind: 'group' }>, members: readonly SessionInfo[], focused: boolean, width: number): string[] {
    const { sidebar } = this.palette;
    const head = fit(`${item.folded ? '▸' : '▾'} ${printable(item.group)} ×${members.length}`, width);
    const tail = fit(`   ${groupProgress(members)}`, width);
    return focused ? [paint(head, sidebar.focused), paint(tail, sidebar.focused)] : [paint(head, sidebar.heading), paint(tail, sidebar.dim)];
  }

  private entry(session: SessionInfo, shown: EntryState, now: number, width: number): string[] {
    const { index, focused, needsUser } = shown;
    const badge = session.isolation === 'worktree' ? 'wt' : 'ws';
    const symbol = STATUS_SYMBOL[session.status];
    const right = ` ${marks(session, needsUser)} ${badge} `.replace(/^  /, ' ');
    const head = fit(`${index} ${symbol} ${printable(session.name)}`, Math.max(0, width - columns(right))) + right;
    // Worktree sessions often run the same agent: their branches tell them apart better than commands.
    const agent = session.agent !== 'shell' ? `${session.agent} ` : '';
    const what = session.worktree ? `${agent}${printable(session.worktree.branch)}` : commandLine(session);
    const offlineNow = session.place && session.place.state !== 'connected';
    const state = offlineNow ? ` ${placeLabel(session.place!).split(':')[0]} `
      : ` ${[changesLabel(session), handBackLabel(session.handedBack), statusLabel(session), age(now - session.statusSince)].filter(Boolean).join(' ')} `;
    // Another machine's session says which machine; its status waits while the link is down.
    const whose = session.place ? `${printable(session.place.name)}: ` : shown.repositories ? `${printable(basename(session.repo))}: ` : '';
    const tail = fit(`   ${whose}${what}`, Math.max(0, width - columns(state))) + state;
    const { sidebar } = this.palette;
    if (focused) return [paint(head, sidebar.focused), paint(tail, sidebar.focused)];
    // Only the index precedes the symbol, so its first occurrence is the symbol (absent if cut off).
    const at = head.indexOf(symbol);
    const painted = at < 0 ? paint(head, sidebar.text)
      : paint(head.slice(0, at), sidebar.text) + paint(symbol, sidebar.status[session.status]) + paint(head.slice(at + symbol.length), sidebar.text);
    return [painted, paint(tail, sidebar.dim)];
  }
}
