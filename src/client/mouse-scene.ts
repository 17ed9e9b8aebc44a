/**
 * What the mouse router needs to know of the screen at the moment of a click: where the sidebar and the
 * panes are, which session each sidebar row stands for, and each pane's program modes (a program that
 * asked for the mouse gets it). None while a modal or a question is open: those take the keyboard, and
 * a click must not change what they are about.
 */
import type { ScreenLayout } from '../core/layout/layout.js';
import { sidebarEntryAt } from '../core/mouse/sidebar-rows.js';
import { itemOf, sidebarItems } from '../core/session/groups.js';
import type { MouseScene } from '../core/mouse/mouse-router.js';
import type { PaneFrame } from '../core/screen/frame.js';
import type { SessionList } from './session-list.js';

export function mouseScene(
  layout: ScreenLayout | undefined,
  list: SessionList,
  frames: ReadonlyMap<string, PaneFrame>,
  inCopyMode: (id: string) => boolean,
): MouseScene | undefined {
  if (layout?.kind !== 'ok') return undefined;
  const { listed, focusedId, focusedIndex } = list;
  const sidebar = layout.sidebar;
  return {
    sidebar,
    panes: layout.panes,
    focusedId,
    modes: (id) => frames.get(id)?.modes,
    inCopyMode,
    sessionAtSidebarRow: (row) => {
      // The sidebar's items (core/session/groups.ts): a fan-out's header stands for its first variant.
      const items = sidebarItems(listed, list.folded);
      const at = sidebar ? sidebarEntryAt(row, sidebar.height, items.length, itemOf(items, focusedIndex)) : undefined;
      const item = at === undefined ? undefined : items[at];
      if (!item) return undefined;
      return listed[item.kind === 'session' ? item.index : item.indexes[0]!]?.id;
    },
  };
}
