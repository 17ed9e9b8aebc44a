/**
 * What a theme is: a colour for each part of grove's UI, grouped by the view that paints it.
 *
 * THEME_PARTS is the one list of parts; the zod schema, the TypeScript types, the JSON schema shipped
 * for editors and the resolver are all derived from it, so adding a part is one line here plus a colour
 * in each theme file (the theme tests fail until every file has it).
 *
 * A theme file is JSON named after the theme (`themes/solarized-dark.json`). Besides the parts it may
 * carry a description for `grove themes`, and `reverseVideo` for themes without colours to spare: the
 * UI then marks focus, the status bar and the banner with reverse video instead of colour.
 */
import { z } from 'zod';
import type { SessionStatus } from '../session/session.js';
import { colorSchema, type ColorSpec } from './color-spec.js';

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

const PART_DESCRIPTIONS: Record<ThemePart, string> = {
  sidebar: 'The session list: text, background, the focused entry, and dimmed detail lines',
  status: 'The colour of the status symbol for each session status',
  border: 'Borders of the focused and the other panes',
  statusBar: 'The status line at the bottom: text, background and highlighted text',
  dialog: 'Dialogs and overlays: text, background, border, input fields, hints and error messages',
  banner: 'The line over a finished session\'s pane ("exited with status 1 · C-b x closes"): text and background',
  diff: 'Diffs: added and removed lines, file headers and hunk headers',
};

function partSchema(part: ThemePart) {
  const shape = Object.fromEntries(THEME_PARTS[part].map((name) => [name, colorSchema]));
  return z.strictObject(shape).describe(PART_DESCRIPTIONS[part]);
}

export const themeSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Where editors find this schema'),
    description: z.string().optional().describe('One line shown by `grove themes`'),
    reverseVideo: z
      .boolean()
      .optional()
      .describe('Mark focus, the status bar and the banner with reverse video rather than colour (for colourless themes)'),
    ...(Object.fromEntries((Object.keys(THEME_PARTS) as ThemePart[]).map((part) => [part, partSchema(part)])) as Record<
      ThemePart,
      ReturnType<typeof partSchema>
    >),
  })
  .describe('A grove colour theme');
