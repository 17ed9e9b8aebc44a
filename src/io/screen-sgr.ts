/**
 * SGR (Select Graphic Rendition) sequences for cell attributes, as few bytes as it takes.
 *
 * A cell attr is either blessed's packing or an id into grove's style table (screen-style.ts) for styles
 * with 24-bit colours; both are read through the table. The renderer knows which attributes the terminal
 * has now and which the next cell needs; going from one to the other can be said as a change (turn italic
 * off, set a new foreground) or as a reset followed by the whole new state, and we send whichever is
 * shorter. Colours are first reduced to what the outer terminal shows: a true-colour terminal gets
 * interned styles as they are (38;2;r;g;b), otherwise they become their nearest-256 packing, then
 * 256 → 16 by nearest colour, and none at all in mono, where the attributes stay.
 */
import { Attr, RGB_FLAG } from '../core/screen/frame.js';
import { nearest16, type ColorDepth } from '../core/screen/color.js';
import { DEFAULT_ATTR } from './screen-grid.js';
import { DEFAULT_PACKED_COLOR as DEFAULT, styles, type StyleTable } from './screen-style.js';

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
export function reduceAttr(attr: number, depth: ColorDepth, table: StyleTable = styles): number {
  if (depth === 'truecolor') return attr;
  attr = table.packed(attr);
  if (depth === '256') return attr;
  if (depth === 'mono') return attr | COLOR_BITS;
  let fg = (attr >> 9) & DEFAULT;
  let bg = attr & DEFAULT;
  if (fg !== DEFAULT) fg = nearest16(fg);
  if (bg !== DEFAULT) bg = nearest16(bg);
  return (attr & ~COLOR_BITS) | (fg << 9) | bg;
}

/** base 30 for foreground, 40 for background. */
function colorParam(color: number, base: number): string {
  if (color >= RGB_FLAG) return `${base + 8};2;${(color >> 16) & 0xff};${(color >> 8) & 0xff};${color & 0xff}`;
  if (color === DEFAULT) return String(base + 9);
  if (color < 8) return String(base + color);
  if (color < 16) return String(base + 60 + color - 8);
  return `${base + 8};5;${color}`;
}

function changeParams(from: number, to: number, table: StyleTable): string[] {
  const params: string[] = [];
  const was = table.flags(from);
  const now = table.flags(to);
  const removed = was & ~now;
  let added = now & ~was;
  if (removed & INTENSITY) {
    params.push('22');
    added |= now & INTENSITY;
  }
  for (const [bit, param] of OFF) if (removed & bit) params.push(param);
  for (const [bit, param] of ON) if (added & bit) params.push(param);
  const fgNow = table.fg(to);
  if (table.fg(from) !== fgNow) params.push(colorParam(fgNow, 30));
  const bgNow = table.bg(to);
  if (table.bg(from) !== bgNow) params.push(colorParam(bgNow, 40));
  return params;
}

/**
 * The bytes that take the terminal from attribute `from` to `to` (both already reduced). Interned styles
 * always have a 24-bit colour, so an interned attr never equals a packed one, nor DEFAULT_ATTR.
 */
export function sgrTransition(from: number, to: number, table: StyleTable = styles): string {
  if (from === to) return '';
  if (to === DEFAULT_ATTR) return '\x1b[m';
  const change = `\x1b[${changeParams(from, to, table).join(';')}m`;
  if (from === DEFAULT_ATTR) return change;
  const reset = `\x1b[0;${changeParams(DEFAULT_ATTR, to, table).join(';')}m`;
  return reset.length < change.length ? reset : change;
}
