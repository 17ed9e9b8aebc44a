/**
 * Telling the user that a session needs them: when one starts waiting or exits, the terminal bell rings,
 * a desktop notification goes out where the terminal can show one (each as configured), and the session
 * stays marked in the sidebar until it is focused. The focused session is only marked if the user is
 * not looking at it (it is still announced: they may be away from the keyboard).
 */
import { attentionEvents, attentionText, desktopNotification } from '../core/session/attention.js';
import type { SessionInfo } from '../core/session/session.js';

export interface AttentionOptions {
  readonly bell: boolean;
  readonly desktop: boolean;
}

export class Attention {
  private readonly marked = new Set<string>();

  constructor(
    /** Writes straight to the user's terminal (a bell, an OSC sequence). */
    private readonly write: (data: string) => void,
    private readonly options: AttentionOptions,
    private readonly env: Readonly<Record<string, string | undefined>>,
  ) {}

  sessionsChanged(previous: readonly SessionInfo[], next: readonly SessionInfo[], focusedId: string | undefined): void {
    const events = attentionEvents(previous, next);
    for (const event of events) {
      if (event.session.id !== focusedId) this.marked.add(event.session.id);
      if (this.options.desktop) this.write(desktopNotification(this.env, 'grove', attentionText(event)));
    }
    if (events.length && this.options.bell) this.write('\x07');
    const present = new Set(next.map((s) => s.id));
    for (const id of this.marked) if (!present.has(id)) this.marked.delete(id);
  }

  focused(id: string | undefined): void {
    if (id) this.marked.delete(id);
  }

  isMarked(id: string): boolean {
    return this.marked.has(id);
  }
}
