/**
 * Colour arithmetic for drawing on terminals that show fewer colours than a program asked for.
 *
 * Frames carry colours at full fidelity (DEFAULT, a 256-palette index, or 24-bit RGB). The outer terminal
 * may show 256, 16 or no colours, so drawing reduces them: RGB → the nearest entry of xterm's 6×6×6 cube
 * or grey ramp (the 16 system colours are skipped because every terminal theme paints them differently),
 * then 256 → 16 by hue against xterm's default system palette. The table is computed, not typed in.
 */
import { DEFAULT_COLOR, RGB_FLAG, isRgb, type Color } from './frame.js';

export type ColorDepth = 'truecolor' | '256' | '16' | 'mono';

/** The six channel levels of xterm's colour cube (indices 16–231). */
const CUBE_LEVELS = [0, 95, 135, 175, 215, 255] as const;

/** xterm's default values for the 16 system colours. */
const SYSTEM_COLORS: readonly (readonly [number, number, number])[] = [
  [0, 0, 0], [205, 0, 0], [0, 205, 0], [205, 205, 0], [0, 0, 238], [205, 0, 205], [0, 205, 205], [229, 229, 229],
  [127, 127, 127], [255, 0, 0], [0, 255, 0], [255, 255, 0], [92, 92, 255], [255, 0, 255], [0, 255, 255], [255, 255, 255],
];

/** The RGB value xterm gives a palette index. */
export function paletteRgb(index: number): readonly [number, number, number] {
  if (index < 16) return SYSTEM_COLORS[index]!;
  if (index >= 232) {
    const level = 8 + (index - 232) * 10;
    return [level, level, level];
  }
  const i = index - 16;
  return [CUBE_LEVELS[Math.floor(i / 36)]!, CUBE_LEVELS[Math.floor(i / 6) % 6]!, CUBE_LEVELS[i % 6]!];
}

function distance(r1: number, g1: number, b1: number, r2: number, g2: number, b2: number): number {
  return (r1 - r2) ** 2 + (g1 - g2) ** 2 + (b1 - b2) ** 2;
}

/** Index (0–5) of the cube level nearest a channel value. */
function cubeStep(value: number): number {
  if (value < 48) return 0;
  if (value < 115) return 1;
  return Math.min(5, Math.floor((value - 35) / 40));
}

/**
 * The xterm-256 index nearest a colour. Palette indices come back unchanged and DEFAULT stays DEFAULT.
 * Like tmux, the candidate from the cube competes with the candidate from the grey ramp, so greys that
 * fall between cube levels are not pushed onto a tinted cube entry.
 */
export function nearest256(color: Color): number {
  if (!isRgb(color)) return color;
  const value = color - RGB_FLAG;
  const r = (value >> 16) & 0xff;
  const g = (value >> 8) & 0xff;
  const b = value & 0xff;

  const [ri, gi, bi] = [cubeStep(r), cubeStep(g), cubeStep(b)];
  const cubeIndex = 16 + 36 * ri + 6 * gi + bi;
  const [cr, cg, cb] = [CUBE_LEVELS[ri]!, CUBE_LEVELS[gi]!, CUBE_LEVELS[bi]!];
  if (cr === r && cg === g && cb === b) return cubeIndex;

  const average = Math.round((r + g + b) / 3);
  const greyStep = average > 238 ? 23 : Math.max(0, Math.round((average - 8) / 10));
  const grey = 8 + 10 * greyStep;
  return distance(grey, grey, grey, r, g, b) < distance(cr, cg, cb, r, g, b) ? 232 + greyStep : cubeIndex;
}

const GREYS = [0, 8, 7, 15] as const;
const BRIGHT_HUES = [9, 10, 11, 12, 13, 14] as const;

function nearestOf(candidates: readonly number[], r: number, g: number, b: number): number {
  let best = candidates[0]!;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const [sr, sg, sb] = SYSTEM_COLORS[candidate]!;
    const d = distance(r, g, b, sr, sg, sb);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/** Near-greys go to a grey; anything else keeps its hue, taken at full brightness, and is bright only at full brightness. */
function systemColor(r: number, g: number, b: number): number {
  const max = Math.max(r, g, b);
  if (max - Math.min(r, g, b) < 64) return nearestOf(GREYS, r, g, b);
  const scale = 255 / max;
  const hue = nearestOf(BRIGHT_HUES, r * scale, g * scale, b * scale);
  return max === 255 ? hue : hue - 8;
}

const TO_16: Uint8Array = Uint8Array.from({ length: 256 }, (_, index) => (index < 16 ? index : systemColor(...paletteRgb(index))));

/**
 * The system colour (0–15) for a 256-palette index; DEFAULT stays DEFAULT. Nearest by plain distance
 * sends dark colours (navy, maroon, olive) to black — invisible text on most backgrounds — and mixes up
 * hues, so a colour is matched by hue first and by brightness second.
 */
export function nearest16(index: number): number {
  if (index === DEFAULT_COLOR) return DEFAULT_COLOR;
  return TO_16[index & 0xff]!;
}

/**
 * How many colours the outer terminal shows, from its environment and (when known) terminfo's `colors`.
 * NO_COLOR (https://no-color.org) wins over everything; COLORTERM is how terminals announce 24-bit colour.
 */
export function detectColorDepth(env: Record<string, string | undefined>, terminfoColors?: number): ColorDepth {
  if (env['NO_COLOR']) return 'mono';
  const term = (env['TERM'] ?? '').toLowerCase();
  if (term === 'dumb') return 'mono';
  const colorTerm = (env['COLORTERM'] ?? '').toLowerCase();
  if (colorTerm === 'truecolor' || colorTerm === '24bit') return 'truecolor';
  if (terminfoColors !== undefined && terminfoColors >= 0x1000000) return 'truecolor';
  if (term.includes('256color') || (terminfoColors !== undefined && terminfoColors >= 256)) return '256';
  if (terminfoColors !== undefined && terminfoColors < 8) return 'mono';
  return '16';
}
