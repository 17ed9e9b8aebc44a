/**
 * Colours as users write them in theme files: `"#rrggbb"`, one of the terminal's sixteen named colours
 * (`"blue"`, `"bright-blue"`, `"grey"`), `"default"` for the terminal's own foreground or background, or
 * a palette index 0–255.
 *
 * A name means "whatever this terminal's palette calls blue", so it survives every colour depth and every
 * terminal colour scheme; a hex colour is exact on a true-colour terminal and approximated elsewhere.
 */
import { z } from 'zod';
import { didYouMean } from '../config/suggest.js';
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

const HEX = /^#[0-9a-fA-F]{6}$/u;

export const COLOR_EXPECTED = 'expected a colour: "#rrggbb", a name like "blue" or "bright-blue", "default", or 0–255';

/**
 * A colour in a theme file. Every way of getting it wrong gets the one message above; zod reports a bad
 * string against the first alternative, so that is where a misspelt name gets its suggestion.
 */
export const colorSchema = z.union(
  [
    z.string().regex(HEX, {
      error: (issue) => {
        const input = issue.input;
        const hint = typeof input === 'string' && !input.startsWith('#') ? didYouMean(input, COLOR_NAMES.keys()) : '';
        return COLOR_EXPECTED + hint;
      },
    }),
    z.enum([...COLOR_NAMES.keys()] as [string, ...string[]], { error: COLOR_EXPECTED }),
    z.number({ error: COLOR_EXPECTED }).int({ error: COLOR_EXPECTED }).min(0, { error: COLOR_EXPECTED }).max(255, { error: COLOR_EXPECTED }),
  ],
  { error: COLOR_EXPECTED },
);

export function isColorSpec(spec: unknown): spec is ColorSpec {
  return colorSchema.safeParse(spec).success;
}

/** The frame colour a (valid) spec stands for: DEFAULT_COLOR, a palette index, or RGB. */
export function colorFromSpec(spec: ColorSpec): Color {
  if (typeof spec === 'number') return spec;
  const named = COLOR_NAMES.get(spec);
  if (named !== undefined) return named;
  if (!HEX.test(spec)) throw new Error(`not a colour: ${JSON.stringify(spec)}`);
  const value = Number.parseInt(spec.slice(1), 16);
  return rgb((value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff);
}
