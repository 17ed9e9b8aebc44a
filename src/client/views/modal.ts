/**
 * A modal view takes every key while it is open (help, dialogs): the app hands it input events until it
 * says it is done, then disposes it. Its cursor, if any, replaces the pane's.
 */
import type { Disposable } from '../../core/disposable.js';
import type { InputEvent } from '../../core/keys/input-event.js';

/**
 * 'open': the modal took the event. 'done': it took it and is finished. 'pass': it is waiting on something
 * (a session being made) and does not take keys meanwhile: the event goes where it would with no modal.
 */
export type ModalResult = 'open' | 'done' | 'pass';

export interface Modal extends Disposable {
  handle(event: InputEvent): ModalResult;
  /** Re-centres itself for a new screen size. */
  layout(cols: number, rows: number): void;
  cursor(): { x: number; y: number; visible: boolean } | undefined;
}
