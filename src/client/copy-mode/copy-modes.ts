/**
 * The client's panes in copy mode, one CopyModeSession each, as in tmux where copy mode belongs to a
 * pane: switching to another session leaves this one's copy mode where it was, and coming back finds it
 * there. Keys reach the focused pane's copy mode; every pane in copy mode is drawn from its frozen view
 * instead of its live frame.
 */
import type { Disposable } from '../../core/disposable.js';
import type { Keymap } from '../../core/keymap/keymap.js';
import type { PaneFrame } from '../../core/screen/frame.js';
import type { SessionHost } from '../../core/session/host.js';
import { CopyModeSession, type CopyModeOptions } from './copy-mode-session.js';

export interface CopyModesClient {
  readonly host: SessionHost;
  /** Its copy-mode-vi table says what keys do in copy mode. */
  readonly keymap: Keymap;
  changed(): void;
  /** Opens the search prompt; `done` gets the term, or undefined. */
  prompt(sign: '/' | '?', previous: string | undefined, done: (term: string | undefined) => void): void;
  copied(text: string): void;
  message(text: string): void;
}

export class CopyModes implements Disposable {
  private readonly sessions = new Map<string, CopyModeSession>();
  /** The last term searched for, in any pane: the prompt offers it again. */
  private lastTerm: string | undefined;

  constructor(private readonly client: CopyModesClient) {}

  get(id: string | undefined): CopyModeSession | undefined {
    return id === undefined ? undefined : this.sessions.get(id);
  }

  /** Puts a pane in copy mode, frozen at `frame`; a pane already in it stays as it is. */
  enter(id: string, frame: PaneFrame, options: CopyModeOptions = {}): CopyModeSession {
    const existing = this.sessions.get(id);
    if (existing) return existing;
    const { client } = this;
    const session = new CopyModeSession(client.keymap, (from, count) => client.host.lines(id, from, count), frame, {
      changed: () => client.changed(),
      prompt: (forward, done) => client.prompt(forward ? '/' : '?', this.lastTerm, (term) => {
        if (term) this.lastTerm = term;
        done(term);
      }),
      copy: (text) => client.copied(text),
      leave: () => this.leave(id),
      message: (text) => client.message(text),
    }, options);
    this.sessions.set(id, session);
    client.changed();
    return session;
  }

  leave(id: string): void {
    const session = this.sessions.get(id);
    if (!session) return;
    session.dispose();
    this.sessions.delete(id);
    this.client.changed();
  }

  /** The frames to draw: the live ones, with each pane in copy mode showing its copy mode instead. */
  framesFor(live: ReadonlyMap<string, PaneFrame>): ReadonlyMap<string, PaneFrame> {
    if (this.sessions.size === 0) return live;
    const frames = new Map(live);
    for (const [id, session] of this.sessions) frames.set(id, session.frame(live.get(id)));
    return frames;
  }

  /** The status bar's text for a pane in copy mode. */
  status(id: string | undefined): string | undefined {
    return this.get(id)?.status();
  }

  /** Forgets the copy modes of sessions that are gone. */
  retain(ids: ReadonlySet<string>): void {
    for (const id of [...this.sessions.keys()]) if (!ids.has(id)) this.leave(id);
  }

  dispose(): void {
    for (const session of this.sessions.values()) session.dispose();
    this.sessions.clear();
  }
}
