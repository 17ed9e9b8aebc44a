/**
 * The schema of a theme file, built from THEME_PARTS (theme.ts): what `grove config check`, `grove themes`
 * and the UI check a theme a user wrote against, and what the JSON schema for editors is generated from.
 */
import { z } from 'zod';
import { colorSchema } from './color-schema.js';
import { THEME_PARTS, type ThemePart } from './theme.js';

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
