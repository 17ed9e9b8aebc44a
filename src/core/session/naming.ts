/**
 * Session names: short, unique among the host's sessions, safe to show and to type on a command line.
 *
 * A name becomes part of a branch name later (grove/<name>), so the rules here are a little stricter than
 * "any string": printable, no whitespace at the ends, no control characters, at most 40 columns.
 */

const MAX_NAME_LENGTH = 40;

/** Why a name can't be used, or undefined when it can. */
export function nameProblem(name: string): string | undefined {
  if (name.length === 0) return 'a session name cannot be empty';
  if (name.length > MAX_NAME_LENGTH) return `a session name is at most ${MAX_NAME_LENGTH} characters`;
  if (name !== name.trim()) return 'a session name cannot start or end with a space';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return 'a session name cannot contain control characters';
  if (/^\d+$/.test(name)) return 'a session name cannot be only digits (those select by index)';
  if (/^s\d+$/.test(name)) return `a session name cannot look like a session id (${name})`;
  if (name.startsWith('-')) return 'a session name cannot start with "-" (it would read as an option)';
  return undefined;
}

/** The name a session gets when none is given: its program's name, numbered if taken ("bash", "bash-2"). */
export function defaultName(command: string, taken: ReadonlySet<string>): string {
  const base = (command.split('/').pop() || 'session').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+/u, '').slice(0, 30) || 'session';
  if (!taken.has(base) && !nameProblem(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
