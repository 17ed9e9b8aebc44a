/**
 * Cell attributes for styles with 24-bit colours, which blessed's packing cannot hold.
 *
 * A grid cell's attr is a number only grove interprets, but blessed writes its own packed attrs
 * (`flags << 18 | fg << 9 | bg`, always below 2^27) for its own elements and compares cells with `!==`.
 * Two 24-bit colours plus flags need 56 bits, more than a double holds exactly, so such a style is not
 * packed but interned: the attr is `STYLE_BASE + id`, an index into a table of full styles, far above
 * blessed's range and still a small integer to V8. Equal styles get equal ids, so `!==` still means
 * "looks different". Styles without 24-bit colour keep blessed's packing; nothing else changes.
 *
 * The table only grows: an id, once handed out, may sit in a cell of `lines` or `olines` for as long as
 * the client runs, and reusing it would make a changed cell look unchanged. Real programs use hundreds of
 * styles; a hostile one could make millions, so the table stops at a cap and later styles get the
 * nearest-256 packing, as if 24-bit colour were not there. Alongside each style the table keeps that
 * nearest-256 packing, so terminals of lesser depth reduce an interned attr without searching a palette.
 *
 * Colours here are in the renderer's form: a palette index 0–255, 0x1ff for the terminal's default,
 * or RGB_FLAG | 0xrrggbb.
 */
import { Attr, DEFAULT_COLOR, isRgb, type Color, type Style } from '../core/screen/frame.js';
import { nearest256 } from '../core/screen/color.js';

/** Interned attrs start here: 2^28, clear of blessed's < 2^27, and base + cap stays below 2^30. */
export const STYLE_BASE = 0x10000000;
const DEFAULT_STYLE_CAP = 65536;
export const DEFAULT_PACKED_COLOR = 0x1ff;

const ALL_ATTRS = Attr.BOLD | Attr.UNDERLINE | Attr.BLINK | Attr.INVERSE | Attr.INVISIBLE | Attr.DIM | Attr.ITALIC | Attr.STRIKETHROUGH;

/** A frame colour in the renderer's form, at full fidelity. */
function fullColor(color: Color): number {
  return color === DEFAULT_COLOR ? DEFAULT_PACKED_COLOR : isRgb(color) ? color : color & 0xff;
}

/** A frame colour reduced to blessed's 9 bits. */
function packedColor(color: Color): number {
  if (color === DEFAULT_COLOR) return DEFAULT_PACKED_COLOR;
  return isRgb(color) ? nearest256(color) : color & 0xff;
}

/** blessed's packing: 24-bit colours become their nearest 256-palette entry. */
export function pack256(style: Style): number {
  return ((style.attrs & ALL_ATTRS) << 18) | (packedColor(style.fg) << 9) | packedColor(style.bg);
}

export class StyleTable {
  private readonly fgs: Int32Array;
  private readonly bgs: Int32Array;
  private readonly flagBits: Uint8Array;
  private readonly fallbacks: Int32Array;
  /** (fg, flags) → (bg → id): numeric keys, so a lookup allocates nothing. */
  private readonly index = new Map<number, Map<number, number>>();
  private count = 0;

  constructor(readonly cap = DEFAULT_STYLE_CAP) {
    this.fgs = new Int32Array(cap);
    this.bgs = new Int32Array(cap);
    this.flagBits = new Uint8Array(cap);
    this.fallbacks = new Int32Array(cap);
  }

  get size(): number {
    return this.count;
  }

  /** The attr for a style: interned when it has a 24-bit colour and there is room, else blessed-packed. */
  pack(style: Style): number {
    if (!isRgb(style.fg) && !isRgb(style.bg)) return pack256(style);
    const flags = style.attrs & ALL_ATTRS;
    const fg = fullColor(style.fg);
    const bg = fullColor(style.bg);
    const outerKey = fg * 256 + flags;
    let inner = this.index.get(outerKey);
    const found = inner?.get(bg);
    if (found !== undefined) return STYLE_BASE + found;
    if (this.count === this.cap) return pack256(style);
    if (!inner) this.index.set(outerKey, (inner = new Map()));
    const id = this.count++;
    this.fgs[id] = fg;
    this.bgs[id] = bg;
    this.flagBits[id] = flags;
    this.fallbacks[id] = pack256(style);
    inner.set(bg, id);
    return STYLE_BASE + id;
  }

  /** The attribute flags of any attr, interned or packed. */
  flags(attr: number): number {
    return attr >= STYLE_BASE ? this.flagBits[attr - STYLE_BASE]! : attr >>> 18;
  }

  /** The foreground of any attr, in the renderer's colour form. */
  fg(attr: number): number {
    return attr >= STYLE_BASE ? this.fgs[attr - STYLE_BASE]! : (attr >> 9) & DEFAULT_PACKED_COLOR;
  }

  bg(attr: number): number {
    return attr >= STYLE_BASE ? this.bgs[attr - STYLE_BASE]! : attr & DEFAULT_PACKED_COLOR;
  }

  /** blessed's packing of any attr: interned ones become their nearest-256 form. */
  packed(attr: number): number {
    return attr >= STYLE_BASE ? this.fallbacks[attr - STYLE_BASE]! : attr;
  }
}

/** The client's one table: grid cells hold its ids, so PaneView and the renderer must share it. */
export const styles = new StyleTable();
