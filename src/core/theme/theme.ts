/**
 * What a theme is: a colour for each part of grove's UI, grouped by the view that paints it.
 *
 * THEME_PARTS is the one list of parts; the zod schema (theme-schema.ts), the TypeScript types, the JSON
 * schema shipped for editors and the resolver are all derived from it, so adding a part is one line here
 * plus a colour in each theme file (the theme tests fail until every file has it).
 *
 * A theme file is JSON named after the theme (`themes/solarized-dark.json`). Besides the parts it may
 * carry a description for `grove themes`, and `reverseVideo` for themes without colours to spare: the
 * UI then marks focus, the status bar and the banner with reverse video instead of colour.
 *
 * This file has no schema library in it: the UI draws with a theme without loading one (see
 * src/io/config-files.ts for when a theme is checked).
 */
import type { SessionStatus } from '../session/session.js';
import type { ColorSpec } from './color-spec.js';

const STATUS_COLORS: Record<SessionStatus, true> = { starting: true, working: true, waiting: true, idle: true, exited: true, dead: true };

export const THEME_PARTS = {
  sidebar: ['fg', 'bg', 'focusedFg', 'focusedBg', 'dim'],
  /** The colour of each session's status symbol. */
  status: Object.keys(STATUS_COLORS) as SessionStatus[],
  /** Pane borders. */
  border: ['focused', 'unfocused'],
  statusBar: ['fg', 'bg', 'accent'],
  dialog: ['fg', 'bg', 'border', 'field', 'dim', 'error'],
  /** The line over the bottom of a finished session's pane. */
  banner: ['fg', 'bg'],
  diff: ['added', 'removed', 'header', 'hunk'],
} as const satisfies Record<string, readonly string[]>;

export type ThemePart = keyof typeof THEME_PARTS;

/** A theme's colours, each of type C: ColorSpec as written, or a resolved colour. */
export type ThemeColors<C> = {
  readonly [P in ThemePart]: { readonly [K in (typeof THEME_PARTS)[P][number]]: C };
};

export interface Theme extends ThemeColors<ColorSpec> {
  readonly description?: string;
  readonly reverseVideo?: boolean;
}
