/**
 * Submitting a prompt to a program in a pty, as `grove send --enter` and a session's first prompt do.
 *
 * Text goes as the user would paste it (bracketed, if the program asked for that); keys — a menu's `1`,
 * Esc, an arrow's escape sequence, C-c — go as keys. Enter is its own write, once the program has taken
 * the text: it redrew (echo) and then kept still for TAKEN_QUIET_MS, or TAKEN_MAX_MS passed without a
 * redraw. Agents that read a burst of text ending in Enter as a paste would otherwise leave it unsent.
 */
import { pasteBytes } from '../core/copy-mode/paste.js';
import type { Disposable } from '../core/disposable.js';

const TAKEN_QUIET_MS = 80;
const TAKEN_MAX_MS = 1500;
const TAKEN_POLL_MS = 20;

/** The session a prompt is typed into. */
export interface PromptTarget {
  isRunning(): boolean;
  /** Whether the program asked for bracketed paste. */
  bracketedPaste(): boolean;
  type(data: string): void;
}

export class PromptSubmit implements Disposable {
  private lastOutputAt = 0;
  /** Polls waiting for the program to take text, each with how to end its wait early. */
  private readonly waits = new Map<NodeJS.Timeout, () => void>();

  constructor(private readonly target: PromptTarget) {}

  /** The program printed: a redraw after the text was typed means it took it. */
  output(): void {
    this.lastOutputAt = Date.now();
  }

  /** Types `text` and, with `enter`, presses Enter once the program has taken it; resolves after the last write. */
  async submit(text: string, enter: boolean): Promise<void> {
    const startedAt = Date.now();
    const key = [...text].length === 1 || text.startsWith('\x1b') || /^[\x00-\x1f\x7f]+$/u.test(text);
    const bracketed = this.target.bracketedPaste();
    // A program that cannot tell a paste from typing would take each line ending as Enter and submit the
    // prompt a line at a time: a prompt submitted to it goes as one line.
    const typed = enter && !bracketed ? text.replace(/\s*\r?\n\s*/gu, ' ') : text;
    if (text !== '') this.target.type(key ? text : pasteBytes(typed, bracketed));
    if (!enter) return;
    if (text !== '') await this.taken(startedAt);
    this.target.type('\r');
  }

  dispose(): void {
    for (const [timer, end] of this.waits) {
      clearTimeout(timer);
      end();
    }
    this.waits.clear();
  }

  /** Resolves once the program has redrawn after `since` and then kept still, or at the latest after TAKEN_MAX_MS. */
  private taken(since: number): Promise<void> {
    return new Promise((resolve) => {
      const check = (): void => {
        const now = Date.now();
        const settled = this.lastOutputAt > since && now - this.lastOutputAt >= TAKEN_QUIET_MS;
        if (!this.target.isRunning() || settled || now - since >= TAKEN_MAX_MS) return resolve();
        const timer = setTimeout(() => {
          this.waits.delete(timer);
          check();
        }, TAKEN_POLL_MS);
        this.waits.set(timer, resolve);
      };
      check();
    });
  }
}
