/**
 * Colours as users write them in theme files: `"#rrggbb"`, one of the terminal's sixteen named colours
 * (`"blue"`, `"bright-blue"`, `"grey"`), `"default"` for the terminal's own foreground or background, or
 * a palette index 0–255.
 *
 * A name means "whatever this terminal's palette calls blue", so it survives every colour depth and every
 * terminal colour scheme; a hex colour is exact on a true-colour terminal and approximated elsewhere.
 */
import { DEFAULT_COLOR, rgb, type Color } from '../screen/frame.js';

export type ColorSpec = string | number;

const BASE_NAMES = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'] as const;

/** Every colour name, to its palette index (DEFAULT_COLOR for `default`). */
export const COLOR_NAMES: ReadonlyMap<string, number> = new Map<string, number>([
  ['default', DEFAULT_COLOR],
  ...BASE_NAMES.map((name, index) => [name, index] as const),
  ...BASE_NAMES.map((name, index) => [`bright-${name}`, index + 8] as const),
  // As in xterm and blessed, grey is bright black.
  ['grey', 8],
  ['gray', 8],
]);

export const HEX = /^#[0-9a-fA-F]{6}$/u;

export const COLOR_EXPECTED = 'expected a colour: "#rrggbb", a name like "blue" or "bright-blue", "default", or 0–255';

/** The frame colour a (valid) spec stands for: DEFAULT_COLOR, a palette index, or RGB. */
export function colorFromSpec(spec: ColorSpec): Color {
  if (typeof spec === 'number') return spec;
  const named = COLOR_NAMES.get(spec);
  if (named !== undefined) return named;
  if (!HEX.test(spec)) throw new Error(`not a colour: ${JSON.stringify(spec)}`);
  const value = Number.parseInt(spec.slice(1), 16);
  return rgb((value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff);
}
