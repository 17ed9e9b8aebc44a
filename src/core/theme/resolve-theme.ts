/**
 * Turning a theme into colours the terminal in front of us can show, in the form blessed takes.
 *
 * A hex colour stays exact on a true-colour terminal and becomes the nearest palette entry elsewhere:
 * the nearest of the 256 on a 256-colour terminal, then the nearest of the 16 system colours on a
 * 16-colour one. A colour name is the terminal's own palette entry (0–15) at every depth, so a light
 * terminal scheme that repaints "blue" repaints grove too. At depth `mono` (NO_COLOR, TERM=dumb) there are
 * no colours at all: every theme becomes the `mono` theme, which says everything with reverse video.
 */
import { nearest16, nearest256, type ColorDepth } from '../screen/color.js';
import { DEFAULT_COLOR, RGB_FLAG, isRgb } from '../screen/frame.js';
import { colorFromSpec, type ColorSpec } from './color-spec.js';
import { THEME_PARTS, type Theme, type ThemeColors, type ThemePart } from './theme.js';

/** A colour as blessed takes it: 'default', '#rrggbb', or a palette index. */
export type BlessedColor = 'default' | `#${string}` | number;

export interface ResolvedTheme extends ThemeColors<BlessedColor> {
  readonly depth: ColorDepth;
  /** Mark focus, the status bar and the banner with reverse video rather than colour. */
  readonly reverseVideo: boolean;
}

export function resolveColor(spec: ColorSpec, depth: ColorDepth): BlessedColor {
  if (depth === 'mono') return 'default';
  const color = colorFromSpec(spec);
  if (color === DEFAULT_COLOR) return 'default';
  if (isRgb(color)) {
    if (depth === 'truecolor') return `#${(color - RGB_FLAG).toString(16).padStart(6, '0')}`;
    const index = nearest256(color);
    return depth === '256' ? index : nearest16(index);
  }
  return depth === '16' ? nearest16(color) : color;
}

export function resolveTheme(theme: Theme, depth: ColorDepth): ResolvedTheme {
  const parts = Object.fromEntries(
    (Object.keys(THEME_PARTS) as ThemePart[]).map((part) => {
      const colors: Record<string, ColorSpec> = theme[part];
      return [part, Object.fromEntries(THEME_PARTS[part].map((name) => [name, resolveColor(colors[name]!, depth)]))];
    }),
  ) as unknown as ThemeColors<BlessedColor>;
  return { ...parts, depth, reverseVideo: depth === 'mono' || theme.reverseVideo === true };
}
