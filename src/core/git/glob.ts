/**
 * A small glob matcher for the "copy these ignored files into a new worktree" list.
 *
 * Patterns match repository-relative paths with "/" separators. `*` matches within one segment, `?` one
 * character, `**` as a whole segment any number of segments (including none), `\` escapes the next
 * character. As in .gitignore, a pattern with no "/" matches a file name at any depth (".env" also finds
 * "api/.env"), and one with a "/" is anchored at the repository root (a leading "/" is just an anchor).
 * Dotfiles are not special.
 *
 * git lists a wholly ignored folder (node_modules/) as one entry, and grove only walks into it when a
 * pattern names a way in: `couldMatchBelow` is true for anchored patterns whose leading segments fit the
 * folder ("config/**" reaches into "config/"). A bare name like ".env" never searches inside ignored
 * folders — otherwise every copy would crawl node_modules looking for it.
 */

type Segment = { readonly kind: 'any-depth' } | { readonly kind: 'name'; readonly regex: RegExp };

export interface Glob {
  readonly source: string;
  matches(path: string): boolean;
  /** Should a walk look inside ignored folder `dir`? False lets it skip the folder entirely. */
  couldMatchBelow(dir: string): boolean;
}

export function compileGlob(pattern: string): Glob {
  let body = pattern.replace(/\/+$/, '');
  const anchored = body.includes('/');
  body = body.replace(/^\/+/, '');
  const segments = body
    .split('/')
    .filter((s) => s !== '')
    .map(compileSegment);
  if (!anchored) segments.unshift({ kind: 'any-depth' });
  return {
    source: pattern,
    matches: (path) => segments.length > 0 && reachable(segments, splitPath(path)).has(segments.length),
    couldMatchBelow: (dir) => {
      if (!anchored) return false;
      const states = reachable(segments, splitPath(dir));
      // Some state must still have pattern left to consume the deeper segments.
      for (const state of states) if (state < segments.length) return true;
      return false;
    },
  };
}

export function compileGlobs(patterns: readonly string[]): Glob[] {
  return patterns.filter((p) => p.trim() !== '').map(compileGlob);
}

function splitPath(path: string): string[] {
  return path.split('/').filter((s) => s !== '' && s !== '.');
}

function compileSegment(text: string): Segment {
  if (text === '**') return { kind: 'any-depth' };
  let source = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\\' && i + 1 < text.length) source += escapeRegex(text[++i]!);
    else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += escapeRegex(char);
  }
  return { kind: 'name', regex: new RegExp(`^${source}$`, 'u') };
}

function escapeRegex(char: string): string {
  return /[.*+?^${}()|[\]\\/-]/.test(char) ? `\\${char}` : char;
}

/**
 * The pattern positions reachable after consuming all of `parts` — a small NFA run, so `**` never
 * backtracks exponentially. Position n means "segments[0..n) matched".
 */
function reachable(segments: readonly Segment[], parts: readonly string[]): Set<number> {
  let states = closure(segments, new Set([0]));
  for (const part of parts) {
    const next = new Set<number>();
    for (const state of states) {
      const segment = segments[state];
      if (!segment) continue;
      if (segment.kind === 'any-depth') next.add(state);
      else if (segment.regex.test(part)) next.add(state + 1);
    }
    states = closure(segments, next);
    if (states.size === 0) break;
  }
  return states;
}

/** `**` may also match zero segments: from a `**` position, the one after it is reachable too. */
function closure(segments: readonly Segment[], states: Set<number>): Set<number> {
  const result = new Set(states);
  for (const state of [...states].sort((a, b) => a - b)) {
    let at = state;
    while (segments[at]?.kind === 'any-depth') result.add(++at);
  }
  return result;
}
