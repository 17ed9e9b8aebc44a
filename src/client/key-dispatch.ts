/**
 * Where each input event goes, in order of precedence: an open modal (dialog, help) takes everything; a
 * pending yes/no question takes the next key; otherwise keys go through the key-table state machine,
 * which either forwards them to the focused pane or names a command to run. A pane in copy mode takes
 * every key but the prefix and the key after it (root-table bindings included, as in tmux), and mouse reports go to
 * the client's mouse handling, which knows what is under the pointer.
 *
 * Consecutive bytes for the pane are written in one request, so a paste into a program that did not ask
 * for bracketed paste is still one write, not one per character.
 */
import { commandProblem, focusedSession, type ClientView, type Command, type CommandContext } from '../core/commands/command.js';
import { findCommand } from '../core/commands/registry.js';
import type { InputEvent, MouseEvent } from '../core/keys/input-event.js';
import { bytesForPane } from '../core/keys/key-encoder.js';
import { KeyTableMachine } from '../core/keymap/key-table.js';
import type { Keymap } from '../core/keymap/keymap.js';
import { DEFAULT_MODES, type TerminalModes } from '../core/screen/frame.js';
import type { Modal } from './views/modal.js';
import { bracketedPaste } from '../core/keys/bracketed-paste.js';

export interface DispatchTarget {
  readonly modal: Modal | undefined;
  closeModal(): void;
  /** A pending yes/no question's handler, if any. */
  readonly question: ((yes: boolean) => void) | undefined;
  view(): ClientView;
  context(args: readonly string[], target: CommandContext['target']): CommandContext;
  focusedModes(): TerminalModes | undefined;
  sendToFocused(data: string): void;
  prefixPendingChanged(pending: boolean): void;
  message(text: string): void;
  /** The focused pane's copy mode, when it is in copy mode: keys for the pane go to it instead. */
  copyMode?(): { handleKey(key: string): void } | undefined;
  mouse?(event: MouseEvent): void;
}

export class KeyDispatch {
  private readonly machine: KeyTableMachine;

  constructor(
    private readonly keymap: Keymap,
    private readonly target: DispatchTarget,
  ) {
    this.machine = new KeyTableMachine(keymap);
  }

  dispatch(events: readonly InputEvent[]): void {
    let forward = '';
    const flush = () => {
      if (forward) this.target.sendToFocused(forward);
      forward = '';
    };
    for (const event of events) {
      // What was typed before a click reaches the pane before anything the click sends it.
      if (event.kind === 'mouse') flush();
      const bytes = this.route(event);
      if (bytes === undefined) flush();
      else forward += bytes;
    }
    flush();
  }

  /** Handles one event; returns bytes for the pane when that is where it goes. */
  private route(event: InputEvent): string | undefined {
    const { target } = this;
    if (event.kind === 'reply' || event.kind === 'focus') return undefined;
    if (event.kind === 'mouse') {
      if (!target.modal && !target.question) target.mouse?.(event.mouse);
      return undefined;
    }
    if (target.modal) {
      const result = target.modal.handle(event);
      if (result === 'done') target.closeModal();
      if (result !== 'pass') return undefined;
    }
    if (target.question) {
      target.question(event.kind === 'key' && (event.key === 'y' || event.key === 'Y'));
      return undefined;
    }
    const modes = target.focusedModes() ?? DEFAULT_MODES;
    const copyMode = target.copyMode?.();
    if (event.kind === 'paste') {
      if (copyMode) return undefined;
      return modes.bracketedPaste ? bracketedPaste(event.text) : event.text;
    }
    const wasPrefix = this.machine.table === 'prefix';
    // In copy mode copy-mode-vi takes the root table's place, as in tmux: a key is copy mode's unless it is
    // the prefix or follows it, so a root binding (M-n, say) cannot act behind the user's back.
    if (copyMode && !wasPrefix && event.key !== this.keymap.prefix) {
      copyMode.handleKey(event.key);
      return undefined;
    }
    const action = this.machine.handle(event.key);
    if (wasPrefix || action.type === 'prefix') target.prefixPendingChanged(action.type === 'prefix');
    switch (action.type) {
      case 'forward':
        return bytesForPane(event, modes);
      case 'prefix':
        return undefined;
      case 'unbound':
        target.message(`${this.keymap.prefix} ${action.key} is not bound (${this.keymap.prefix} ? lists the keys)`);
        return undefined;
      case 'command':
        this.run(action.command, action.args);
        return undefined;
    }
  }

  /**
   * Runs a command by name: on the focused session, as its key does, or on the session `targetId` names
   * (a command line's). Says why in the status line when it cannot run, and returns that reason.
   */
  run(name: string, args: readonly string[], targetId?: string): string | undefined {
    const command: Command | undefined = findCommand(name);
    if (!command) return this.refuse(`unknown command: ${name}`);
    const view = this.target.view();
    const target = targetId === undefined ? focusedSession(view) : view.sessions.find((s) => s.id === targetId);
    if (targetId !== undefined && !target) return this.refuse(`${name}: that session is not listed here (show-all lists every repository's)`);
    const reason = commandProblem(command, view, target, args);
    if (reason) return this.refuse(`${name}: ${reason}`);
    command.run(this.target.context(args, target));
    return undefined;
  }

  private refuse(reason: string): string {
    this.target.message(reason);
    return reason;
  }
}
