/**
 * The two facts about the terminal state that @xterm/headless keeps but does not publish.
 *
 * Whether the program hid the cursor (DECTCEM, ESC[?25l) and whether it asked for SGR mouse reports
 * (DECSET 1006) live in xterm's core services; the public `terminal.modes` has neither. Tracking them
 * ourselves with parser hooks would miss every other way they change (RIS, DECSTR, the alternate screen
 * switch), so we read the services, through this one file. The shape is checked when an emulator is
 * made, so an xterm upgrade that moves them fails loudly in the tests instead of quietly showing a cursor.
 */
import type { Terminal } from '@xterm/headless';

export interface XtermInternals {
  readonly cursorHidden: boolean;
  readonly sgrMouse: boolean;
}

interface CoreServices {
  readonly coreService: { readonly isCursorHidden: boolean };
  readonly coreMouseService: { readonly activeEncoding: string };
}

export function xtermInternals(terminal: Terminal): XtermInternals {
  const core = (terminal as unknown as { _core?: Partial<CoreServices> })._core;
  if (typeof core?.coreService?.isCursorHidden !== 'boolean' || typeof core.coreMouseService?.activeEncoding !== 'string') {
    throw new Error('@xterm/headless no longer exposes coreService.isCursorHidden / coreMouseService.activeEncoding');
  }
  const { coreService, coreMouseService } = core as CoreServices;
  return {
    get cursorHidden() {
      return coreService.isCursorHidden;
    },
    get sgrMouse() {
      return coreMouseService.activeEncoding === 'SGR';
    },
  };
}
