/**
 * The sessions this client lists, and which one has focus.
 *
 * The host has every session of the server; a client started in a repository lists that repository's
 * (sessions of other checkouts would only crowd the sidebar) until `C-b a` shows them all, grouped by
 * repository; its indexes are the ones the command line takes (core/session/targets.ts). Focus stays
 * on its session while it is listed; when it goes — killed, or hidden by the filter — focus moves to
 * the one that took its place, as tmux picks a window after one is killed (core/session/focus.ts).
 */
import { repairFocus } from '../core/session/focus.js';
import type { SessionInfo } from '../core/session/session.js';
import { listedSessions } from '../core/session/targets.js';

export class SessionList {
  /** Every session the host has. */
  private all: readonly SessionInfo[] = [];
  private shown: readonly SessionInfo[] = [];
  private everyRepository = false;
  private focus: string | undefined;
  /** The fan-out groups whose variants the sidebar folds into their header (core/session/groups.ts). */
  private readonly foldedGroups = new Set<string>();

  /** `repo`: the repository the client was started in. */
  constructor(private readonly repo: string) {}

  /** The sessions listed: this repository's, or all of them. */
  get listed(): readonly SessionInfo[] {
    return this.shown;
  }

  /** Every session the host has, listed or not. */
  get everySession(): readonly SessionInfo[] {
    return this.all;
  }

  get showAll(): boolean {
    return this.everyRepository;
  }

  get focusedId(): string | undefined {
    return this.focus;
  }

  get focused(): SessionInfo | undefined {
    return this.shown.find((s) => s.id === this.focus);
  }

  get focusedIndex(): number {
    return this.shown.findIndex((s) => s.id === this.focus);
  }

  /** A session by id or name, listed or not. */
  find(idOrName: string): SessionInfo | undefined {
    return this.all.find((s) => s.id === idOrName || s.name === idOrName);
  }

  isListed(id: string): boolean {
    return this.shown.some((s) => s.id === id);
  }

  setFocus(id: string | undefined): void {
    this.focus = id;
  }

  /** The host's list changed. */
  update(all: readonly SessionInfo[]): void {
    this.all = all;
    const shown = listedSessions(all, this.everyRepository ? undefined : this.repo);
    this.focus = repairFocus(this.shown, shown, this.focus);
    this.shown = shown;
  }

  get folded(): ReadonlySet<string> {
    return this.foldedGroups;
  }

  /** Folds a group's variants into its header, or unfolds them; returns whether it is folded now. */
  toggleFolded(group: string): boolean {
    if (this.foldedGroups.delete(group)) return false;
    this.foldedGroups.add(group);
    return true;
  }

  /** Lists every repository's sessions, or this one's; returns how many are then not listed. */
  setShowAll(showAll: boolean): number {
    this.everyRepository = showAll;
    this.update(this.all);
    return this.all.length - this.shown.length;
  }
}
