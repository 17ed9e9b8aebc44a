/**
 * The one target resolver (tmux's cmd-find.c): how the UI's keys, the command line and the server's
 * requests name a session.
 *
 * A target is a session's id ("s3"), its name, or its index. An index counts the sessions as the asker
 * lists them: a client started in a repository lists that repository's sessions — the sidebar's numbers,
 * and `grove ls` run there — and with "all" (C-b a, `grove ls --all`) every
 * repository's, grouped by repository. The server lists nothing, so it takes ids and names only. Names
 * are unique per server and can never look like an index or an id, nor start with "-" (naming.ts), so an
 * id, a name and an index never compete for the same word.
 */
import type { SessionInfo } from './session.js';

/** The sessions a client lists, in the order it numbers them: one repository's, or every one, by repository. */
export function listedSessions(all: readonly SessionInfo[], repo: string | undefined): SessionInfo[] {
  // Another machine's sessions are always listed: this folder says nothing about which of them matter.
  const shown = repo === undefined ? all : all.filter((s) => s.repo === repo || s.place !== undefined);
  // Grouped by repository, and a fan-out's variants together (core/session/groups.ts), each where its
  // first one is, in the host's order otherwise.
  const repoOrder = new Map<string, number>();
  const groupAt = new Map<string, number>();
  shown.forEach((s, i) => {
    if (!repoOrder.has(s.repo)) repoOrder.set(s.repo, repoOrder.size);
    if (s.group !== undefined && !groupAt.has(s.group)) groupAt.set(s.group, i);
  });
  const at = (s: SessionInfo, i: number) => (s.group !== undefined ? groupAt.get(s.group)! : i);
  return shown
    .map((s, i) => ({ s, i }))
    .sort((a, b) => repoOrder.get(a.s.repo)! - repoOrder.get(b.s.repo)! || at(a.s, a.i) - at(b.s, b.i) || a.i - b.i)
    .map(({ s }) => s);
}

/** The session `target` names, or a one-line reason it names none. */
export function findTarget(
  all: readonly SessionInfo[],
  listed: readonly SessionInfo[] | undefined,
  target: string,
): SessionInfo | string {
  const named = all.find((s) => s.id === target) ?? all.find((s) => s.name === target);
  if (named) return named;
  if (/^\d+$/u.test(target)) {
    if (!listed) return `no session ${target}: name sessions by id or name here`;
    const indexed = listed[Number(target)];
    if (indexed) return indexed;
    const elsewhere = all.length - listed.length;
    return `no session ${target} (${listed.length ? `indexes run 0-${listed.length - 1}` : 'none listed here'}${elsewhere > 0 ? `; ${elsewhere} in other repositories: grove ls --all` : ''})`;
  }
  return `no session ${target} (grove ls lists them)`;
}
