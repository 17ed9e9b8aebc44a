/**
 * SGR (Select Graphic Rendition) sequences for blessed-packed cell attributes, as few bytes as it takes.
 *
 * The renderer knows which attributes the terminal has now and which the next cell needs; going from one
 * to the other can be said as a change (turn italic off, set a new foreground) or as a reset followed by
 * the whole new state, and we send whichever is shorter. Colours are first reduced to what the outer
 * terminal shows: 256 → 16 by nearest colour, and none at all in mono, where the attributes stay.
 */
import { Attr } from '../core/screen/frame.js';
import { nearest16, type ColorDepth } from '../core/screen/color.js';
import { DEFAULT_ATTR } from './screen-grid.js';

const DEFAULT = 0x1ff;
const COLOR_BITS = 0x3ffff;

/** Attribute bits and the SGR parameter that turns each on. */
const ON: readonly (readonly [number, string])[] = [
  [Attr.BOLD, '1'], [Attr.DIM, '2'], [Attr.ITALIC, '3'], [Attr.UNDERLINE, '4'],
  [Attr.BLINK, '5'], [Attr.INVERSE, '7'], [Attr.INVISIBLE, '8'], [Attr.STRIKETHROUGH, '9'],
];

/** …and off. Bold and dim share one "normal intensity" (22), handled on its own. */
const OFF: readonly (readonly [number, string])[] = [
  [Attr.ITALIC, '23'], [Attr.UNDERLINE, '24'], [Attr.BLINK, '25'],
  [Attr.INVERSE, '27'], [Attr.INVISIBLE, '28'], [Attr.STRIKETHROUGH, '29'],
];
const INTENSITY = Attr.BOLD | Attr.DIM;

/** The attribute as this terminal can show it. */
export function reduceAttr(attr: number, depth: ColorDepth): number {
  if (depth === '256' || depth === 'truecolor') return attr;
  if (depth === 'mono') return attr | COLOR_BITS;
  let fg = (attr >> 9) & DEFAULT;
  let bg = attr & DEFAULT;
  if (fg !== DEFAULT) fg = nearest16(fg);
  if (bg !== DEFAULT) bg = nearest16(bg);
  return (attr & ~COLOR_BITS) | (fg << 9) | bg;
}

/** base 30 for foreground, 40 for background. */
function colorParam(color: number, base: number): string {
  if (color === DEFAULT) return String(base + 9);
  if (color < 8) return String(base + color);
  if (color < 16) return String(base + 60 + color - 8);
  return `${base + 8};5;${color}`;
}

function changeParams(from: number, to: number): string[] {
  const params: string[] = [];
  const was = from >>> 18;
  const now = to >>> 18;
  const removed = was & ~now;
  let added = now & ~was;
  if (removed & INTENSITY) {
    params.push('22');
    added |= now & INTENSITY;
  }
  for (const [bit, param] of OFF) if (removed & bit) params.push(param);
  for (const [bit, param] of ON) if (added & bit) params.push(param);
  const [fgWas, fgNow] = [(from >> 9) & DEFAULT, (to >> 9) & DEFAULT];
  if (fgWas !== fgNow) params.push(colorParam(fgNow, 30));
  const [bgWas, bgNow] = [from & DEFAULT, to & DEFAULT];
  if (bgWas !== bgNow) params.push(colorParam(bgNow, 40));
  return params;
}

/** The bytes that take the terminal from attribute `from` to `to` (both already reduced). */
export function sgrTransition(from: number, to: number): string {
  if (from === to) return '';
  if (to === DEFAULT_ATTR) return '\x1b[m';
  const change = `\x1b[${changeParams(from, to).join(';')}m`;
  if (from === DEFAULT_ATTR) return change;
  const reset = `\x1b[0;${changeParams(DEFAULT_ATTR, to).join(';')}m`;
  return reset.length < change.length ? reset : change;
}
