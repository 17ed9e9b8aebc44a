/**
 * Running grove inside tmux with both on the same prefix: tmux takes the key first, so grove never sees
 * it unless it is pressed twice. That works, but surprises everyone once, so grove says so at start.
 */
import { parseKeySpec } from '../keys/keyspec.js';

/**
 * The one-line warning to show, or undefined. `tmuxPrefix` is what `tmux show-options -gv prefix`
 * printed (undefined when tmux could not be asked); `ourPrefix` is grove's canonical prefix.
 */
export function tmuxPrefixWarning(
  env: Readonly<Record<string, string | undefined>>,
  tmuxPrefix: string | undefined,
  ourPrefix: string,
): string | undefined {
  if (!env['TMUX'] || tmuxPrefix === undefined) return undefined;
  const theirs = parseKeySpec(tmuxPrefix.trim());
  const ours = parseKeySpec(ourPrefix);
  if (!theirs.ok || !ours.ok || theirs.key !== ours.key) return undefined;
  // Short enough for the status bar of an 80-column terminal, where it is shown.
  return `tmux also uses ${ours.key} as its prefix: press it twice for grove, or set keys.prefix`;
}
