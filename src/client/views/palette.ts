/**
 * The colours of grove's own UI: one Palette, made from the theme in use for the terminal at hand and
 * handed to every view, so that no view holds a colour of its own.
 *
 * A palette is a set of inks, each named by what it paints (the focused sidebar entry, a dialog's hint
 * line). Making one is where the theme meets the terminal: colours are resolved for its depth
 * (resolve-theme.ts), at most 256 of them because the screen grid keeps 256, as pane cells do
 * (screen-grid.ts); and a theme without colours to spare — `reverseVideo`, and every theme under
 * NO_COLOR — marks what colour would have marked (focus, the status bar, the banner) with reverse video.
 *
 * Views put inks into their content as SGR sequences (`paint`) rather than blessed colour tags, because
 * blessed reduces tag colours to terminfo's count, which for TERM=xterm is 8 and would lose the bright
 * colours a 16-colour terminal shows. Reducing colours is the renderer's job (screen-sgr.ts).
 */
import type { ColorDepth } from '../../core/screen/color.js';
import type { SessionStatus } from '../../core/session/session.js';
import { sgrColorParams } from '../../core/theme/preview.js';
import { resolveTheme } from '../../core/theme/resolve-theme.js';
import { THEME_PARTS, type Theme, type ThemeColors } from '../../core/theme/theme.js';

/** The terminal's own colour, or an index into the 256-colour palette. */
export type PaletteColor = 'default' | number;

export interface Ink {
  readonly fg: PaletteColor;
  readonly bg: PaletteColor;
  readonly bold?: boolean;
  readonly underline?: boolean;
  readonly inverse?: boolean;
}

export interface Palette {
  readonly sidebar: {
    readonly text: Ink;
    readonly heading: Ink;
    readonly focused: Ink;
    /** The second line of an entry: command and status. */
    readonly dim: Ink;
    /** Each status symbol. */
    readonly status: Readonly<Record<SessionStatus, Ink>>;
  };
  /** Lines between panes, and the title rows of the tiled layout. */
  readonly border: { readonly focused: Ink; readonly unfocused: Ink };
  readonly statusBar: { readonly bar: Ink; readonly accent: Ink };
  readonly dialog: {
    readonly box: Ink;
    readonly border: Ink;
    readonly field: Ink;
    readonly placeholder: Ink;
    readonly dim: Ink;
    readonly error: Ink;
  };
  /** Over the bottom of a finished session's pane. */
  readonly banner: Ink;
  /** The diff view: added and removed lines, file headers and hunk headers. */
  readonly diff: { readonly added: Ink; readonly removed: Ink; readonly header: Ink; readonly hunk: Ink };
}

const REVERSED: Ink = { fg: 'default', bg: 'default', inverse: true };

export function paletteFor(theme: Theme, depth: ColorDepth): Palette {
  // The grid holds 256 colours, so a true-colour terminal gets the nearest of them, as panes do.
  const resolved = resolveTheme(theme, depth === 'truecolor' ? '256' : depth);
  // Below true colour, every resolved colour is 'default' or a palette index.
  const { sidebar, status, border, statusBar, dialog, banner, diff } = resolved as unknown as ThemeColors<PaletteColor>;
  const reverse = resolved.reverseVideo;
  /** What colour marks in a colourful theme, reverse video marks in a colourless one. */
  const marked = (fg: PaletteColor, bg: PaletteColor, bold = false): Ink => (reverse ? { ...REVERSED, bold } : { fg, bg, bold });
  const onSidebar = (fg: PaletteColor, bold = false): Ink => ({ fg, bg: sidebar.bg, bold });
  const onDialog = (fg: PaletteColor): Ink => ({ fg, bg: dialog.bg });

  return {
    sidebar: {
      text: onSidebar(sidebar.fg),
      heading: onSidebar(sidebar.fg, true),
      focused: marked(sidebar.focusedFg, sidebar.focusedBg),
      dim: onSidebar(sidebar.dim),
      status: Object.fromEntries(THEME_PARTS.status.map((name) => [name, onSidebar(status[name])])) as Record<SessionStatus, Ink>,
    },
    border: {
      focused: marked(border.focused, 'default', true),
      unfocused: { fg: border.unfocused, bg: 'default' },
    },
    statusBar: { bar: marked(statusBar.fg, statusBar.bg), accent: marked(statusBar.accent, statusBar.bg, reverse) },
    dialog: {
      box: onDialog(dialog.fg),
      border: onDialog(dialog.border),
      field: { fg: dialog.fg, bg: dialog.field, underline: true },
      placeholder: { fg: dialog.dim, bg: dialog.field, underline: true },
      dim: onDialog(dialog.dim),
      error: { ...onDialog(dialog.error), bold: reverse },
    },
    banner: marked(banner.fg, banner.bg),
    diff: {
      added: { fg: diff.added, bg: 'default' },
      removed: { fg: diff.removed, bg: 'default' },
      header: { fg: diff.header, bg: 'default', bold: true },
      hunk: { fg: diff.hunk, bg: 'default' },
    },
  };
}

/**
 * `text` in `ink`, for a box's content; afterwards the box's own style applies again. `default` means
 * the box's own colour there (blessed resolves SGR 39 and 49 to it), which is the terminal's when the
 * box has none.
 */
export function paint(text: string, ink: Ink): string {
  if (text === '') return '';
  const params = [
    ...(ink.bold ? ['1'] : []),
    ...(ink.underline ? ['4'] : []),
    ...(ink.inverse ? ['7'] : []),
    sgrColorParams(ink.fg, 30),
    sgrColorParams(ink.bg, 40),
  ];
  return `\x1b[${params.join(';')}m${text}\x1b[m`;
}

/** An ink as a blessed element's style. */
export function boxStyle(ink: Ink): { fg: PaletteColor; bg: PaletteColor; bold: boolean; underline: boolean; inverse: boolean } {
  return { fg: ink.fg, bg: ink.bg, bold: ink.bold === true, underline: ink.underline === true, inverse: ink.inverse === true };
}
