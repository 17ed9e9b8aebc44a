/**
 * A pull request for a pushed worktree session (`grove pr`): its title and body from what the branch
 * says of itself — its turn commits — and, for a GitHub remote, the address where one is opened by hand
 * when `gh` is not there to do it.
 */
import type { CommitSummary } from '../git/loss.js';

export interface PullRequestText {
  readonly title: string;
  readonly body: string;
}

/** Title: the session and its latest commit's subject; body: every commit, oldest first. */
export function pullRequestText(session: string, commits: readonly CommitSummary[]): PullRequestText {
  const oldestFirst = [...commits].reverse();
  const latest = commits[0]?.subject;
  return {
    title: latest ? `${session}: ${latest}` : session,
    body: [`Work of the grove session ${session}.`, '', ...oldestFirst.map((commit) => `- ${commit.subject} (${commit.sha.slice(0, 8)})`)].join('\n'),
  };
}

/** `gh pr create`'s arguments for it. */
export function ghArguments(text: PullRequestText, branch: string, base: string): string[] {
  return ['pr', 'create', '--head', branch, '--base', base, '--title', text.title, '--body', text.body];
}

/** Where GitHub opens a pull request of `branch` into `base`, for a remote on github.com; else undefined. */
export function compareUrl(remoteUrl: string, base: string, branch: string): string | undefined {
  const match = /github\.com[:/]([^/\s]+)\/([^/\s]+?)(?:\.git)?\/?$/u.exec(remoteUrl);
  if (!match) return undefined;
  return `https://github.com/${match[1]}/${match[2]}/compare/${encodeURIComponent(base)}...${encodeURIComponent(branch)}?expand=1`;
}
