/**
 * The status bar, the bottom row: the focused session and its folder on the left, key hints on the right.
 * A question (y/n) or a message takes the whole row while it lasts, as tmux's status line does. The hint
 * names the keys the keymap really binds (`C-a ? help` once the prefix is C-a), in the bar's accent ink.
 */
import { box } from '../../io/screen-widgets.js';
import type { Widgets } from 'blessed';
import type { Rect } from '../../core/layout/rect.js';
import { describeEnd, isRunning, type SessionInfo } from '../../core/session/session.js';
import { shortenPath, turnCommitNote } from '../../core/session/display.js';
import { printable } from '../../core/text/terminal-text.js';
import type { Keymap } from '../../core/keymap/keymap.js';
import { boxStyle, paint, type Palette } from './palette.js';
import { columns, fit } from './text-width.js';

export interface StatusBarState {
  readonly focused: SessionInfo | undefined;
  readonly focusedIndex: number;
  readonly prefix: string;
  readonly prefixPending: boolean;
  /** A question or message that replaces the normal contents. */
  readonly notice: string | undefined;
  readonly home: string | undefined;
}

export class StatusBarView {
  readonly element: Widgets.BoxElement;
  /** The key that opens the help, if any is bound. */
  private readonly helpKey: string | undefined;

  constructor(screen: Widgets.Screen, private readonly palette: Palette, keymap: Keymap) {
    this.element = box({ parent: screen, wrap: false, style: boxStyle(palette.statusBar.bar) });
    this.helpKey = keymap.keysFor('help')[0];
  }

  update(rect: Rect, state: StatusBarState): void {
    Object.assign(this.element, { left: rect.x, top: rect.y, width: rect.width, height: 1 });
    if (state.notice !== undefined) {
      this.element.setContent(fit(' ' + printable(state.notice), rect.width));
      return;
    }
    const hint = state.prefixPending ? ` ${state.prefix} … ` : this.helpKey ? ` ${this.helpKey} help ` : '';
    const left = ` grove │ ${this.describe(state)}`;
    const room = rect.width - columns(hint);
    const content = room > 8 ? fit(left, room) + paint(hint, this.palette.statusBar.accent) : fit(left, rect.width);
    this.element.setContent(content);
  }

  private describe({ focused, focusedIndex, home }: StatusBarState): string {
    if (!focused) return 'no sessions';
    const where = shortenPath(printable(focused.cwd), home);
    const end = isRunning(focused) ? '' : ` │ ${describeEnd(focused)}`;
    const commit = turnCommitNote(focused);
    return `${focusedIndex}:${printable(focused.name)} │ ${where}${end}${commit ? ` │ ${commit}` : ''}`;
  }
}
