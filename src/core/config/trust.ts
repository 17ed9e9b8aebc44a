/**
 * What a repository's own config may say before the user trusted it, as direnv and VS Code's workspace
 * trust have it. A repository is cloned from anywhere, so its `.grove/config.json` is someone else's
 * text: it may choose how grove looks and safe defaults (keys, theme, which built-in agent the dialog
 * offers, what to copy into worktrees, commit messages), but not what runs or where files go. Settings
 * that start a program, change an agent's command, arguments, environment or approval mode, let programs
 * write the clipboard, or put worktrees outside the repository apply only once `grove config trust` has
 * recorded the file's content hash; a changed file is untrusted again. Until then grove names, in one
 * line, what it ignores.
 */
import type { ConfigFile } from './schema.js';

/** Whether the user has trusted this exact text of a repository's config file. */
export type RepoTrust = 'trusted' | 'untrusted' | 'changed';

const TRUST_COMMAND = 'grove config trust';

export interface Restricted {
  readonly file: ConfigFile;
  /** The settings left out, as written in the file ("agents", "worktree.root"). */
  readonly ignored: readonly string[];
}

/** A worktree root inside the repository (relative, no `..`, no `~`) sends nothing elsewhere. */
function staysInRepository(root: string): boolean {
  return !root.startsWith('/') && !root.startsWith('~') && !root.split(/[\\/]/u).includes('..');
}

/** The file without the settings only a trusted file may make. */
export function withoutPrivileged(file: ConfigFile, builtinAgents: readonly string[]): Restricted {
  const ignored: string[] = [];
  const { agents, approval, programClipboard, defaultAgent, worktree, hosts, check, ...safe } = file;
  if (agents !== undefined) ignored.push('agents');
  if (check !== undefined) ignored.push('check');
  // A host entry names a command to run there: as much a program as an agent's.
  if (hosts !== undefined) ignored.push('hosts');
  if (approval !== undefined) ignored.push('approval');
  if (programClipboard !== undefined) ignored.push('programClipboard');
  // Naming a built-in agent only preselects it in the dialog; naming one the file defines runs its program.
  let kept: ConfigFile = safe;
  if (defaultAgent !== undefined) {
    if (builtinAgents.includes(defaultAgent)) kept = { ...kept, defaultAgent };
    else ignored.push('defaultAgent');
  }
  if (worktree !== undefined) {
    const { root, setup, ...rest } = worktree;
    // Setup steps are commands: as much a program as an agent's.
    if (setup !== undefined) ignored.push('worktree.setup');
    if (root !== undefined && !staysInRepository(root)) ignored.push('worktree.root');
    kept = { ...kept, worktree: root !== undefined && staysInRepository(root) ? { ...rest, root } : rest };
  }
  return { file: kept, ignored };
}

/** The one line that says what an untrusted file's settings were left out, and how to apply them. */
export function ignoredNotice(label: string, trust: RepoTrust, ignored: readonly string[]): string {
  const why = trust === 'changed' ? 'changed since you trusted it' : 'not trusted';
  return `${label}: ${why}, so ignoring ${ignored.join(', ')}; run \`${TRUST_COMMAND}\` to apply them`;
}
