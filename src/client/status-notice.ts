/**
 * What the status line says for the UI itself, rather than about the focused session: a message that
 * clears itself after a few seconds ("copied 12 characters"), a notice that stays until replaced
 * ("computing the conflict matrix…"), or a yes/no question that holds the keyboard until it is answered
 * (KeyDispatch sends the next key to `question`). One of them at a time: each replaces the last.
 */
import type { Disposable } from '../core/disposable.js';

/** How long a message stays on the status line. */
export const MESSAGE_MS = 3000;

export class StatusNotice implements Disposable {
  private text: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private pendingAnswer: ((yes: boolean) => void) | undefined;

  /** `changed` runs whenever what the status line should say has changed. */
  constructor(private readonly changed: () => void) {}

  get current(): string | undefined {
    return this.text;
  }

  /** A message that came while the question was open, shown once it is answered. */
  private afterAnswer: string | undefined;

  /** The open question's answer handler, for the next key; undefined when nothing is asked. */
  get question(): ((yes: boolean) => void) | undefined {
    return this.pendingAnswer;
  }

  /**
   * A message that clears itself after MESSAGE_MS. While a question is open it waits for the answer:
   * shown at once, it would hide the question that the next key still answers.
   */
  message(text: string): void {
    if (this.pendingAnswer) this.afterAnswer = text;
    else this.set(text, MESSAGE_MS);
  }

  /** A notice that stays until replaced or cleared (undefined clears). */
  set(text: string | undefined, forMs?: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.text = text;
    if (text !== undefined && forMs) this.timer = setTimeout(() => this.set(undefined), forMs);
    this.changed();
  }

  /** Asks `question` on the status line; `onYes` runs if the answer is yes. */
  ask(question: string, onYes: () => void): void {
    this.pendingAnswer = (yes) => {
      this.pendingAnswer = undefined;
      const after = this.afterAnswer;
      this.afterAnswer = undefined;
      this.set(undefined);
      if (after !== undefined) this.message(after);
      if (yes) onYes();
    };
    this.set(question);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
