/**
 * Worktree setup: the steps a repository's config lists (`"worktree": {"setup": ["npm ci", "cp ../.env ."]}`)
 * run in a new worktree session's folder before its agent starts, in its own pane, so their output is
 * there to read. Each step is the user's shell text (from a trusted config only), run by `sh -c`; the
 * first that fails stops there: the pane says which and with what exit status, the session ends with that
 * status, and the agent is not started on a half-made worktree — `C-b o` opens a shell there to fix it,
 * `C-b R` then starts the agent (a relaunch runs no setup). Only a session's first start runs them.
 */

/** sh's script: the steps ($2 … $(n+1)), then `exec` of the agent's command line (the rest). */
const SCRIPT = [
  'n=$1; shift; i=0',
  'while [ "$i" -lt "$n" ]; do',
  '  step=$1; shift; i=$((i + 1))',
  `  printf '\\033[1mgrove setup %s/%s:\\033[0m %s\\n' "$i" "$n" "$step"`,
  '  sh -c "$step" || { s=$?;',
  `    printf '\\033[1;31mgrove:\\033[0m setup step %s failed with exit status %s: %s\\n' "$i" "$s" "$step"`,
  `    printf 'the agent was not started (C-b o: a shell here, C-b R: start it)\\n'`,
  '    exit "$s"; }',
  'done',
  'exec "$@"',
].join('\n');

/** The arguments of `sh` that run `steps`, then the program. */
export function setupArgs(steps: readonly string[], program: string, args: readonly string[]): string[] {
  return ['-c', SCRIPT, 'grove-setup', String(steps.length), ...steps, program, ...args];
}
