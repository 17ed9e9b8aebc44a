/**
 * A fan-out's variants in the sidebar (core/review/fanout.ts): listed together under a header of their
 * own — the group's name, how many, and how far they have got (how many work, wait for you, are done) —
 * which folds them away to that one entry and back (`C-b g`, or a click on it).
 *
 * The sidebar is a list of items, each drawn as one two-row entry: a session, or a group's header
 * followed by its members unless folded. The list of sessions and its indexes stay as they are (the
 * command line numbers sessions the same); only what is drawn changes. A group of one has no header.
 */
import { isRunning, type SessionInfo } from './session.js';

export type SidebarItem =
  | { readonly kind: 'session'; readonly index: number }
  | { readonly kind: 'group'; readonly group: string; readonly indexes: readonly number[]; readonly folded: boolean };

/** The entries of the sidebar for `sessions` (as listed), with the groups in `folded` folded. */
export function sidebarItems(sessions: readonly SessionInfo[], folded: ReadonlySet<string>): SidebarItem[] {
  const members = new Map<string, number[]>();
  sessions.forEach((session, index) => {
    if (session.group !== undefined) members.set(session.group, [...(members.get(session.group) ?? []), index]);
  });
  const items: SidebarItem[] = [];
  sessions.forEach((session, index) => {
    const group = session.group;
    const indexes = group === undefined ? [] : members.get(group)!;
    if (indexes.length < 2) return void items.push({ kind: 'session', index });
    if (indexes[0] === index) items.push({ kind: 'group', group: group!, indexes, folded: folded.has(group!) });
    if (!folded.has(group!)) items.push({ kind: 'session', index });
  });
  return items;
}

/** The item that stands for the session at `index`: its own entry, or its folded group's header. */
export function itemOf(items: readonly SidebarItem[], index: number): number {
  return items.findIndex((item) => (item.kind === 'session' ? item.index === index : item.folded && item.indexes.includes(index)));
}

/** How far a group has got, in a few words: `2 working · 1 waiting · 3 done`. */
export function groupProgress(members: readonly SessionInfo[]): string {
  const count = (test: (session: SessionInfo) => boolean) => members.filter(test).length;
  const parts = [
    [count((s) => s.status === 'working' || s.status === 'starting'), 'working'],
    [count((s) => s.status === 'waiting'), 'waiting'],
    [count((s) => s.status === 'idle'), 'done'],
    [count((s) => !isRunning(s)), 'ended'],
  ] as const;
  return parts.filter(([n]) => n > 0).map(([n, word]) => `${n} ${word}`).join(' · ');
}
