/**
 * Names that reach git: session slugs, branch names, refs typed by a user.
 *
 * A session name is free text; before it becomes a folder (`<root>/<slug>`) and a branch (`grove/<slug>`)
 * it is slugged to letters, digits, `.`, `_` and `-`, one path segment, lowercase so two sessions can't
 * collide on a case-insensitive disk. Branch names are then checked against git's own rules (mirrored here
 * from `git check-ref-format`, which the engine also runs): nothing that could read as an option, a range,
 * a reflog expression or a path outside the branch namespace gets through.
 */

const MAX_SLUG_LENGTH = 48;

/** The folder and branch-suffix form of a session name, or undefined if nothing usable is left. */
export function slugify(name: string): string | undefined {
  let slug = name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/-{2,}/g, '-');
  slug = trimPunctuation(slug);
  slug = [...slug].slice(0, MAX_SLUG_LENGTH).join('');
  slug = trimPunctuation(slug);
  while (slug.endsWith('.lock')) slug = trimPunctuation(slug.slice(0, -'.lock'.length));
  return slug.length > 0 ? slug : undefined;
}

function trimPunctuation(text: string): string {
  return text.replace(/^[-._]+/, '').replace(/[-._]+$/, '');
}

/** Why `name` can't be a branch name, or undefined when git would accept it (`check-ref-format --branch`). */
export function branchNameProblem(name: string): string | undefined {
  const quoted = JSON.stringify(name);
  if (name.length === 0) return 'a branch name cannot be empty';
  if (name.startsWith('-')) return `branch ${quoted} would read as an option`;
  if (name === 'HEAD' || name === '@') return `${quoted} is not a branch name`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f~^:?*[\\]/.test(name)) return `branch ${quoted} contains a space or one of ~^:?*[\\`;
  if (name.includes('..') || name.includes('@{')) return `branch ${quoted} contains ".." or "@{"`;
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//'))
    return `branch ${quoted} has an empty path segment`;
  if (name.endsWith('.')) return `branch ${quoted} ends with "."`;
  for (const segment of name.split('/')) {
    if (segment.startsWith('.') || segment.endsWith('.lock')) {
      return `branch ${quoted} has a segment starting with "." or ending with ".lock"`;
    }
  }
  return undefined;
}

/** Why a branch prefix ("grove/") can't be used: prefix + slug must always be a valid branch name. */
export function branchPrefixProblem(prefix: string): string | undefined {
  if (prefix.length === 0) return undefined;
  const problem = branchNameProblem(`${prefix}x`);
  return problem ? `branch prefix ${JSON.stringify(prefix)} is unusable: ${problem}` : undefined;
}

/**
 * Why a ref typed by a user (a base: "main", "origin/main", "v1.2", a sha) can't be passed to git.
 * Git resolves it and says whether it exists; this only keeps it from being read as an option.
 */
export function refArgumentProblem(ref: string): string | undefined {
  if (ref.length === 0) return 'a ref cannot be empty';
  if (ref.startsWith('-')) return `ref ${JSON.stringify(ref)} would read as an option`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f]/.test(ref)) return `ref ${JSON.stringify(ref)} contains a space or control character`;
  return undefined;
}

/** A lock reason is one line of text; git stores it verbatim. */
export function cleanLockReason(reason: string): string {
  // eslint-disable-next-line no-control-regex
  return (
    reason
      .replace(/[\u0000-\u001f\u007f]+/g, ' ')
      .trim()
      .slice(0, 200) || 'grove session'
  );
}
