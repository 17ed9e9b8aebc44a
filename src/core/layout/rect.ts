/** A rectangle of terminal cells: x, y of the top-left cell (0-based), width and height in cells. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export type Direction = 'left' | 'right' | 'up' | 'down';
