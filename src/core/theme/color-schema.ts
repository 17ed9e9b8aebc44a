/**
 * The zod schema of a colour in a theme file (color-spec.ts says what colours are).
 */
import { z } from 'zod';
import { didYouMean } from '../config/suggest.js';
import { COLOR_EXPECTED, COLOR_NAMES, HEX } from './color-spec.js';

/**
 * A colour in a theme file. Every way of getting it wrong gets COLOR_EXPECTED; zod reports a bad
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
