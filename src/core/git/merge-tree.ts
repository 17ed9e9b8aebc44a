/**
 * `git merge-tree --write-tree --name-only -z <base> <branch>`, parsed (git >= 2.38).
 *
 * merge-tree performs the whole merge in the object store — no index, no checkout — which is why grove
 * uses it to preview a merge. Output: the resulting tree's id, then (when conflicted) one conflicted path
 * per entry, an empty entry, then informational messages as `<n>, <n paths>, <type>, <text>` groups.
 * Exit status 0 means clean, 1 conflicted; anything else is an error and not parsed here.
 */

export interface MergeTreeResult {
  readonly clean: boolean;
  /** The merged tree (with conflict markers in conflicted files). */
  readonly tree: string;
  readonly conflicts: readonly string[];
  /** git's one-line explanations ("CONFLICT (content): Merge conflict in f.txt"). */
  readonly messages: readonly string[];
}

export function parseMergeTree(output: string, exitCode: number): MergeTreeResult {
  const tokens = output.split('\0');
  const tree = tokens[0] ?? '';
  const conflicts = new Set<string>();
  let i = 1;
  for (; i < tokens.length && tokens[i] !== ''; i++) conflicts.add(tokens[i]!);
  i++;
  const messages: string[] = [];
  while (i < tokens.length && tokens[i] !== '') {
    const pathCount = Number(tokens[i]);
    if (!Number.isInteger(pathCount) || pathCount < 0) break;
    const message = tokens[i + pathCount + 2];
    if (message === undefined) break;
    messages.push(message.trimEnd());
    i += pathCount + 3;
  }
  return { clean: exitCode === 0, tree, conflicts: [...conflicts], messages };
}
