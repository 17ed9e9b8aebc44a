/**
 * A one-line sample of a theme for `grove themes`: a sidebar entry, the focused entry, every status
 * symbol, a pane border, the status bar and a diff, each in the theme's colours as resolved for the
 * terminal at hand. Drawn with plain SGR sequences, since the listing is ordinary command output.
 */
import { STATUS_SYMBOL } from '../session/display.js';
import type { BlessedColor, ResolvedTheme } from './resolve-theme.js';
import { THEME_PARTS } from './theme.js';

/** SGR parameters for a foreground (base 30) or background (base 40) colour. */
export function sgrColorParams(color: BlessedColor, base: 30 | 40): string {
  if (color === 'default') return String(base + 9);
  if (typeof color === 'string') {
    const value = Number.parseInt(color.slice(1), 16);
    return `${base + 8};2;${(value >> 16) & 0xff};${(value >> 8) & 0xff};${value & 0xff}`;
  }
  if (color < 8) return String(base + color);
  if (color < 16) return String(base + 60 + color - 8);
  return `${base + 8};5;${color}`;
}

interface Paint {
  readonly fg?: BlessedColor;
  readonly bg?: BlessedColor;
  readonly reverse?: boolean;
}

function paint(text: string, { fg, bg, reverse }: Paint): string {
  const params = [
    ...(reverse ? ['7'] : []),
    ...(fg === undefined ? [] : [sgrColorParams(fg, 30)]),
    ...(bg === undefined ? [] : [sgrColorParams(bg, 40)]),
  ];
  return params.length ? `\x1b[${params.join(';')}m${text}\x1b[0m` : text;
}

/** The sample line; with `plain`, the same text without any escape sequence. */
export function themePreview(theme: ResolvedTheme, plain = false): string {
  const draw = plain ? (text: string) => text : paint;
  const { sidebar, status, border, statusBar, diff } = theme;
  const reverse = theme.reverseVideo;
  const symbols = THEME_PARTS.status.map((name) => draw(STATUS_SYMBOL[name], { fg: status[name], bg: sidebar.bg })).join('');
  return [
    draw(' session ', { fg: sidebar.fg, bg: sidebar.bg }),
    draw(' focused ', reverse ? { reverse } : { fg: sidebar.focusedFg, bg: sidebar.focusedBg }),
    draw(' ', { bg: sidebar.bg }) + symbols + draw(' ', { bg: sidebar.bg }),
    draw('│', { fg: border.unfocused }) + draw('┃', { fg: border.focused }),
    draw(' status ', reverse ? { reverse } : { fg: statusBar.fg, bg: statusBar.bg }) +
      draw('bar ', reverse ? { reverse } : { fg: statusBar.accent, bg: statusBar.bg }),
    draw('@@', { fg: diff.hunk }) + ' ' + draw('+add', { fg: diff.added }) + ' ' + draw('-del', { fg: diff.removed }),
  ].join(' ');
}
